package app.spotter.calendar;

import app.spotter.booking.SessionType;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.UUID;

/** Test events: one sensible default, changed one field at a time. */
final class Events {

    static final Instant NOW = Instant.parse("2026-06-01T08:15:30Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    static final UUID BOOKING = UUID.fromString("6f1c2a4e-3b5d-4c7e-9f10-2a3b4c5d6e7f");
    static final String UID = BOOKING + "@spotter.test";
    static final ZoneId JOHANNESBURG = ZoneId.of("Africa/Johannesburg");

    private Events() {}

    static CalendarEvent event() {
        return event(Instant.parse("2026-06-10T04:00:00Z"), Instant.parse("2026-06-10T05:00:00Z"), JOHANNESBURG);
    }

    static CalendarEvent event(Instant start, Instant end, ZoneId zone) {
        return new CalendarEvent(BOOKING, UUID.randomUUID(), UUID.randomUUID(), UID, "1:1 session · Thandi Nkosi",
                SessionType.ONE_ON_ONE, "Studio 2, Rosebank", start, end, zone, "#1E90FF", 3, false);
    }

    static CalendarEvent withSummary(String summary) {
        CalendarEvent e = event();
        return new CalendarEvent(e.bookingId(), e.trainerId(), e.clientId(), e.uid(), summary, e.sessionType(),
                e.location(), e.start(), e.end(), e.zone(), e.colorHex(), e.sequence(), e.cancelled());
    }

    static CalendarEvent withColor(String colorHex) {
        CalendarEvent e = event();
        return new CalendarEvent(e.bookingId(), e.trainerId(), e.clientId(), e.uid(), e.summary(), e.sessionType(),
                e.location(), e.start(), e.end(), e.zone(), colorHex, e.sequence(), e.cancelled());
    }

    static CalendarEvent cancelled(CalendarEvent e) {
        return new CalendarEvent(e.bookingId(), e.trainerId(), e.clientId(), e.uid(), e.summary(), e.sessionType(),
                e.location(), e.start(), e.end(), e.zone(), e.colorHex(), e.sequence() + 1, true);
    }

    static CalendarEvent numbered(int i, ZoneId zone) {
        Instant start = Instant.parse("2026-01-05T06:00:00Z").plusSeconds(3600L * i);
        UUID id = new UUID(0x5107_7e2L, i);
        return new CalendarEvent(id, BOOKING, UUID.randomUUID(), id + "@spotter.test", "Group session",
                SessionType.GROUP, null, start, start.plusSeconds(2700), zone, null, 0, false);
    }
}
