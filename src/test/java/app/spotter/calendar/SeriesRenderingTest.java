package app.spotter.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import app.spotter.booking.Recurrence;
import app.spotter.booking.SessionType;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A series is one calendar object: master VEVENT with RRULE and EXDATE, overrides with RECURRENCE-ID (RFC 5545
 * 3.8.5, 3.8.4.4). The occurrence instants are read back by python3-recurring-ical-events, not by ical4j.
 */
class SeriesRenderingTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    /** Mondays and Thursdays at 06:00 in London, across the October 2026 and March 2027 changes. */
    private static final LocalDate FIRST = LocalDate.of(2026, 10, 19);
    private static final LocalDate UNTIL = LocalDate.of(2027, 4, 8);
    private static final Recurrence RULE = new Recurrence(1, Set.of(DayOfWeek.MONDAY, DayOfWeek.THURSDAY), UNTIL,
            null);
    private static final LocalTime SIX = LocalTime.of(6, 0);
    private static final Duration HOUR = Duration.ofHours(1);

    private final CalendarObjects objects = new CalendarObjects(Events.CLOCK);

    private static List<Instant> ruleStarts() {
        return RULE.starts(FIRST, SIX, LONDON, Instant.MAX);
    }

    private static CalendarEvent session(Instant start, Instant end, String summary) {
        return new CalendarEvent(Events.BOOKING, UUID.randomUUID(), UUID.randomUUID(), Events.UID, summary,
                SessionType.ONE_ON_ONE, null, start, end, LONDON, null, 0, false);
    }

    /** The series with one cancelled occurrence (early November) and one moved to 07:30 (after the March change). */
    private static Fixture fixture() {
        List<Instant> starts = ruleStarts();
        Instant cancelled = starts.get(4);
        Instant moved = starts.stream().filter(s -> s.isAfter(Instant.parse("2027-03-29T00:00:00Z"))).findFirst()
                .orElseThrow();
        Instant movedTo = moved.plus(Duration.ofMinutes(90));
        Instant first = starts.getFirst();
        Repeating repeating = new Repeating(1, List.of(DayOfWeek.MONDAY, DayOfWeek.THURSDAY),
                starts.getLast(), null, List.of(cancelled),
                List.of(new Repeating.Override(moved, session(movedTo, movedTo.plus(HOUR), "1:1 session (moved)"))));
        CalendarEvent series = new CalendarEvent(Events.BOOKING, UUID.randomUUID(), UUID.randomUUID(), Events.UID,
                "1:1 session", SessionType.ONE_ON_ONE, "Studio", first, first.plus(HOUR), LONDON, null, 7, false,
                repeating);
        List<String> expected = new ArrayList<>();
        for (Instant s : starts) {
            if (s.equals(cancelled)) {
                continue;
            }
            Instant start = s.equals(moved) ? movedTo : s;
            expected.add(start + " " + start.plus(HOUR) + " " + (s.equals(moved) ? "1:1 session (moved)"
                    : "1:1 session"));
        }
        expected.sort(null);
        return new Fixture(series, expected, cancelled, moved);
    }

    private record Fixture(CalendarEvent series, List<String> expected, Instant cancelled, Instant moved) {}

    @Test
    void aSeriesIsOneObjectWithARuleAnExclusionAndAnOverride() {
        String ics = objects.storedObject(fixture().series());
        assertThat(ics).contains("RRULE:FREQ=WEEKLY;", "BYDAY=MO,TH", "UNTIL=20270408T050000Z")
                .contains("DTSTART;TZID=Europe/London:20261019T060000")
                .contains("EXDATE;TZID=Europe/London:20261102T060000")
                .contains("RECURRENCE-ID;TZID=Europe/London:20270329T060000")
                .doesNotContain("METHOD");
        assertThat(ics.split("BEGIN:VEVENT", -1)).hasSize(3); // master + one override
        assertThat(ics.split("UID:" + Events.UID, -1)).hasSize(3); // one UID for the whole object
    }

    @Test
    void anIndependentExpanderSeesEverySessionAtItsTrueInstantAcrossBothDaylightSavingChanges() throws Exception {
        Fixture f = fixture();
        List<String> got = expand(objects.storedObject(f.series()), "2026-10-01", "2027-05-01");
        assertThat(got).containsExactlyElementsOf(f.expected());
        // 06:00 London is 05:00Z in summer time and 06:00Z in winter: the rule kept local time
        assertThat(got).contains("2026-10-22T05:00:00Z 2026-10-22T06:00:00Z 1:1 session",
                "2026-10-26T06:00:00Z 2026-10-26T07:00:00Z 1:1 session",
                "2027-04-01T05:00:00Z 2027-04-01T06:00:00Z 1:1 session");
        assertThat(got).noneMatch(line -> line.startsWith(f.cancelled().toString()));
        assertThat(got).noneMatch(line -> line.startsWith(f.moved().toString()));
    }

    @Test
    void theInvitationCarriesTheWholeSeriesInOneMessage() throws Exception {
        Fixture f = fixture();
        String ics = objects.invitation(f.series(), new Organizer("Coach", "coach@example.com"),
                List.of(new Attendee("Thandi", "thandi@example.com")), ItipMethod.REQUEST);
        assertThat(ics).contains("METHOD:REQUEST", "RRULE:FREQ=WEEKLY;", "RECURRENCE-ID;TZID=Europe/London");
        assertThat(expand(ics, "2026-10-01", "2027-05-01")).containsExactlyElementsOf(f.expected());
    }

    @Test
    void aSessionMovedOrCancelledOnItsOwnIsAMessageAboutThatSessionAlone() throws Exception {
        Fixture f = fixture();
        Organizer coach = new Organizer("Coach", "coach@example.com");
        List<Attendee> thandi = List.of(new Attendee("Thandi", "thandi@example.com"));
        Instant movedTo = f.moved().plus(Duration.ofMinutes(90));
        String request = objects.occurrenceInvitation(f.series(), "1:1 session", f.moved(), coach, thandi,
                ItipMethod.REQUEST);
        assertThat(read(request)).containsExactly("METHOD REQUEST",
                "VEVENT " + Events.UID + " recurrence-id=" + f.moved() + " start=" + movedTo + " end="
                        + movedTo.plus(HOUR) + " status=CONFIRMED sequence=7 rrule=False exdate=False attendees=1");
        String cancel = objects.occurrenceInvitation(f.series(), "1:1 session", f.cancelled(), coach, thandi,
                ItipMethod.CANCEL);
        assertThat(read(cancel)).containsExactly("METHOD CANCEL",
                "VEVENT " + Events.UID + " recurrence-id=" + f.cancelled() + " start=" + f.cancelled() + " end="
                        + f.cancelled().plus(HOUR) + " status=CANCELLED sequence=7 rrule=False exdate=False "
                        + "attendees=1");
        assertThat(request).contains("RECURRENCE-ID;TZID=Europe/London:20270329T060000", "BEGIN:VTIMEZONE");
    }

    /** python3-icalendar's reading of an iTIP message: its METHOD and each VEVENT's identity, times and status. */
    private static List<String> read(String ics) throws Exception {
        Path file = Files.createTempFile("itip-", ".ics");
        Files.writeString(file, ics, StandardCharsets.UTF_8);
        String script = """
                import sys, datetime, icalendar
                cal = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())
                utc = lambda v: v.dt.astimezone(datetime.timezone.utc).strftime('%Y-%m-%dT%H:%M:%SZ')
                print('METHOD', cal.get('METHOD'))
                for e in cal.walk('VEVENT'):
                    att = e.get('ATTENDEE')
                    n = 0 if att is None else (len(att) if isinstance(att, list) else 1)
                    print('VEVENT', e.get('UID'), 'recurrence-id=' + utc(e.get('RECURRENCE-ID')),
                          'start=' + utc(e.get('DTSTART')), 'end=' + utc(e.get('DTEND')),
                          'status=' + str(e.get('STATUS')), 'sequence=' + str(e.get('SEQUENCE')),
                          'rrule=' + str('RRULE' in e), 'exdate=' + str('EXDATE' in e), 'attendees=' + str(n))
                """;
        String python = Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3";
        Process p = new ProcessBuilder(python, "-c", script, file.toString()).redirectErrorStream(true).start();
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("python3-icalendar took longer than 30 s");
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(out).isZero();
        Files.deleteIfExists(file);
        return out.lines().filter(l -> !l.isBlank()).toList();
    }

    static List<String> expand(String ics, String from, String to) throws Exception {
        Path file = Files.createTempFile("series-", ".ics");
        Path script = Files.createTempFile("expand_series", ".py");
        try (InputStream in = SeriesRenderingTest.class.getResourceAsStream("/interop/expand_series.py")) {
            Files.write(script, in.readAllBytes());
        }
        Files.writeString(file, ics, StandardCharsets.UTF_8);
        String python = Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3";
        Process p = new ProcessBuilder(python, script.toString(), file.toString(), from, to)
                .redirectErrorStream(true).start();
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("recurring-ical-events took longer than 30 s");
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(out).isZero();
        Files.deleteIfExists(file);
        Files.deleteIfExists(script);
        return out.lines().filter(l -> !l.isBlank()).toList();
    }
}
