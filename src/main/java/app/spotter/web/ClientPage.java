package app.spotter.web;

import app.spotter.booking.Attendance;
import app.spotter.booking.Booking;
import app.spotter.booking.BookingStatus;
import app.spotter.booking.Participant;
import app.spotter.calendar.CalendarObjects;
import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;

/** One of a client's sessions as their page lists it, with that client's own attendance. */
record ClientPage(UUID id, String when, String what, boolean cancelled, boolean lateCancel, Attendance attendance,
        boolean markable, boolean repeats) {

    static ClientPage of(Booking b, UUID clientId, ZoneId zone, Instant now) {
        Attendance mark = b.participants().stream().filter(p -> p.clientId().equals(clientId)).findFirst()
                .map(Participant::attendance).orElse(null);
        boolean cancelled = b.status() == BookingStatus.CANCELLED;
        // the client's page is the trainer's own: the headcount shows, the other participants' names do not
        String what = b.capacity() > 1 ? b.details().sessionType().label() + " · " + b.clientIds().size() + "/"
                + b.capacity() : CalendarObjects.summaryFor(b.details().sessionType(), null, false);
        boolean started = !b.details().startsAt().isAfter(now);
        return new ClientPage(b.id(), SessionWords.WHEN.format(b.details().startsAt().atZone(zone)), what, cancelled,
                b.lateCancel(), mark, started || cancelled, b.seriesId() != null);
    }

    public String attendanceLabel() {
        if (attendance == null) {
            return "Not marked";
        }
        return switch (attendance) {
            case ATTENDED -> "Attended";
            case NO_SHOW -> "No-show";
            case LATE_CANCEL -> "Late cancel";
        };
    }
}
