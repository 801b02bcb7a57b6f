package app.spotter.sync.caldav;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A trainer's personal calendar as other apps write it, on days relative to the clock: a one-off event, a weekly
 * event with one instance moved (RECURRENCE-ID) and one cancelled (EXDATE), an all-day event, and events that do
 * not make the trainer busy (TRANSPARENT, CANCELLED, declined). Times in Africa/Johannesburg with its VTIMEZONE.
 */
final class PersonalCalendar {

    static final ZoneId ZONE = ZoneId.of("Africa/Johannesburg");
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyyMMdd");
    private static final String VTIMEZONE = """
            BEGIN:VTIMEZONE\r
            TZID:Africa/Johannesburg\r
            BEGIN:STANDARD\r
            DTSTART:19700101T000000\r
            TZOFFSETFROM:+0200\r
            TZOFFSETTO:+0200\r
            TZNAME:SAST\r
            END:STANDARD\r
            END:VTIMEZONE\r
            """;

    /** The first day with events: a week from now, so every instance lies inside a 90-day window from now. */
    final LocalDate base;
    /** The address the trainer declined with (the CalDAV user name). */
    final String trainerAddress;

    PersonalCalendar(LocalDate base, String trainerAddress) {
        this.base = base;
        this.trainerAddress = trainerAddress;
    }

    /** Resource name -> iCalendar object. */
    Map<String, String> objects() {
        Map<String, String> objects = new LinkedHashMap<>();
        objects.put("dentist.ics", calendar(event("dentist", at(1, "10:00"), at(1, "11:00"), "Dentist", "")));
        objects.put("gym-class.ics", calendar(
                event("gym-class", at(0, "07:00"), at(0, "08:00"), "Spin class",
                        "RRULE:FREQ=WEEKLY;COUNT=6\r\nEXDATE;TZID=Africa/Johannesburg:" + local(14, "07:00") + "\r\n")
                + event("gym-class", at(7, "15:00"), at(7, "16:30"), "Spin class (moved)",
                        "RECURRENCE-ID;TZID=Africa/Johannesburg:" + local(7, "07:00") + "\r\n")));
        objects.put("birthday.ics", calendar("""
                BEGIN:VEVENT\r
                UID:birthday\r
                DTSTAMP:20260101T000000Z\r
                DTSTART;VALUE=DATE:%s\r
                DTEND;VALUE=DATE:%s\r
                SUMMARY:Mom's birthday\r
                END:VEVENT\r
                """.formatted(DATE.format(base.plusDays(2)), DATE.format(base.plusDays(3)))));
        objects.put("reminder.ics", calendar(event("reminder", at(3, "12:00"), at(3, "13:00"), "Reminder",
                "TRANSP:TRANSPARENT\r\n")));
        objects.put("called-off.ics", calendar(event("called-off", at(4, "09:00"), at(4, "10:00"), "Called off",
                "STATUS:CANCELLED\r\n")));
        objects.put("declined.ics", calendar(event("declined", at(4, "13:00"), at(4, "14:00"), "Team lunch",
                "ORGANIZER:mailto:boss@example.com\r\nATTENDEE;PARTSTAT=DECLINED:mailto:" + trainerAddress + "\r\n")));
        return objects;
    }

    /** The busy intervals these events make, sorted; the all-day one only when asked. */
    List<Instant[]> expected(boolean withAllDay) {
        List<Instant[]> busy = new ArrayList<>();
        busy.add(new Instant[] {instant(0, "07:00"), instant(0, "08:00")});
        busy.add(new Instant[] {instant(1, "10:00"), instant(1, "11:00")});
        if (withAllDay) {
            busy.add(new Instant[] {base.plusDays(2).atStartOfDay(ZONE).toInstant(),
                base.plusDays(3).atStartOfDay(ZONE).toInstant()});
        }
        busy.add(new Instant[] {instant(7, "15:00"), instant(7, "16:30")});
        // day 14 is the EXDATE
        for (int week : new int[] {21, 28, 35}) {
            busy.add(new Instant[] {instant(week, "07:00"), instant(week, "08:00")});
        }
        return busy;
    }

    Instant instant(int day, String time) {
        return base.plusDays(day).atTime(LocalTime.parse(time)).atZone(ZONE).toInstant();
    }

    private String at(int day, String time) {
        return local(day, time);
    }

    private String local(int day, String time) {
        return LOCAL.format(base.plusDays(day).atTime(LocalTime.parse(time)));
    }

    private static String event(String uid, String start, String end, String summary, String extra) {
        return "BEGIN:VEVENT\r\nUID:" + uid + "\r\nDTSTAMP:20260101T000000Z\r\n"
                + "DTSTART;TZID=Africa/Johannesburg:" + start + "\r\n"
                + "DTEND;TZID=Africa/Johannesburg:" + end + "\r\n"
                + "SUMMARY:" + summary + "\r\n" + extra + "END:VEVENT\r\n";
    }

    private static String calendar(String events) {
        return "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Other app//EN\r\n" + VTIMEZONE + events
                + "END:VCALENDAR\r\n";
    }
}
