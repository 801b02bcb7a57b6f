package app.spotter.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.List;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** VTIMEZONEs come from the JDK's tz rules, the ones the API uses, and cover only the years the calendar needs. */
class TimeZonesTest {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");

    private final CalendarObjects objects = new CalendarObjects(Events.CLOCK);

    @ParameterizedTest
    @ValueSource(strings = {"Europe/Chisinau", "Asia/Karachi", "Australia/Darwin", "Pacific/Fiji", "Pacific/Efate",
        "Europe/London", "America/New_York", "Australia/Lord_Howe", "Africa/Casablanca", "America/Santiago"})
    void theVtimezoneListsExactlyTheJdksOffsetsForTheYearsOfTheEvent(String id) {
        ZoneId zone = ZoneId.of(id);
        int year = LocalDateTime.now(Events.CLOCK).getYear();
        Instant start = LocalDateTime.of(year + 1, 7, 14, 9, 0).atZone(zone).toInstant();
        var calendar = Ics.parse(objects.storedObject(Events.event(start, start.plusSeconds(3600), zone)));
        VTimeZone vTimeZone = calendar.<VTimeZone>getComponents(Component.VTIMEZONE).getFirst();

        assertThat(vTimeZone.getTimeZoneId().getValue()).isEqualTo(id);
        // from 1 January of this year (the clock's) to the end of the event's year, nothing before
        assertThat(observances(vTimeZone)).containsExactlyElementsOf(expected(zone, year, year + 1));
    }

    @Test
    void afterTheLastYearTheZonesCurrentRulesContinueAsYearlyRrules() {
        ZoneId london = ZoneId.of("Europe/London");
        int year = LocalDateTime.now(Events.CLOCK).getYear();
        Instant start = LocalDateTime.of(year, 7, 14, 9, 0).atZone(london).toInstant();
        var calendar = Ics.parse(objects.storedObject(Events.event(start, start.plusSeconds(3600), london)));
        VTimeZone vTimeZone = calendar.<VTimeZone>getComponents(Component.VTIMEZONE).getFirst();

        assertThat(vTimeZone.getObservances().stream().filter(o -> o.getProperty(Property.RRULE).isPresent())
                .map(o -> o.getProperty(Property.DTSTART).orElseThrow().getValue() + " "
                        + o.getProperty(Property.RRULE).orElseThrow().getValue()).sorted())
                .containsExactly((year + 1) + "0328T010000 FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
                        (year + 1) + "1031T020000 FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU");
    }

    @ParameterizedTest(name = "{0} at {1} is written {2}")
    @org.junit.jupiter.params.provider.CsvSource({
        // ical4j's bundled data still has Juba at +03:00 (it moved to +02:00 in 2021); given a ZonedDateTime,
        // ical4j converted the local time through that data, an hour off whatever the VTIMEZONE said
        "Africa/Juba, 2027-07-14T07:00:00Z, 20270714T090000",
        "Europe/Chisinau, 2027-07-14T06:00:00Z, 20270714T090000",
        "Europe/Chisinau, 2027-01-14T07:00:00Z, 20270114T090000",
        "Pacific/Fiji, 2027-01-13T21:00:00Z, 20270114T090000",
    })
    void theLocalTimeWrittenIsJavaTimesEvenWhereIcal4jsDataDisagrees(String id, Instant start, String local) {
        ZoneId zone = ZoneId.of(id);
        VEvent event = Ics.onlyEvent(Ics.parse(objects.storedObject(Events.event(start, start.plusSeconds(3600),
                zone))));

        assertThat(Ics.parameter(event.getDateTimeStart(), "TZID")).isEqualTo(id);
        assertThat(event.getDateTimeStart().getValue()).isEqualTo(local);
    }

    @Test
    void aStreamedFeedDefinesItsZoneForAnEventOutsideTheWindowsYears() throws Exception {
        ZoneId chisinau = ZoneId.of("Europe/Chisinau");
        int year = LocalDateTime.now(Events.CLOCK).getYear();
        Instant old = LocalDateTime.of(year - 3, 7, 14, 9, 0).atZone(chisinau).toInstant();
        Instant current = LocalDateTime.of(year, 7, 14, 9, 0).atZone(chisinau).toInstant();
        java.io.StringWriter text = new java.io.StringWriter();
        Instant windowStart = LocalDateTime.of(year, 1, 1, 0, 0).atZone(chisinau).toInstant();
        try (FeedWriter feed = objects.feedWriter(text, chisinau, "Coach", windowStart,
                windowStart.plus(java.time.Duration.ofDays(400)))) {
            feed.write(Events.event(old, old.plusSeconds(3600), chisinau));
            feed.write(Events.event(current, current.plusSeconds(3600), chisinau));
        }
        List<VEvent> events = Ics.events(Ics.parse(text.toString()));

        // either form is read alike by every reader: UTC, or local time under a VTIMEZONE that covers its year
        String oldStart = events.get(0).getDateTimeStart().getValue();
        if (oldStart.endsWith("Z")) {
            assertThat(Ics.instant(events.get(0).getDateTimeStart())).isEqualTo(old);
        } else {
            assertThat(oldStart).isEqualTo((year - 3) + "0714T090000");
            assertThat(text.toString()).containsPattern("(?m)^DTSTART:" + (year - 3) + "\\d{4}T\\d{6}\r?$");
        }
        assertThat(Ics.parameter(events.get(1).getDateTimeStart(), "TZID")).isEqualTo("Europe/Chisinau");
        assertThat(events.get(1).getDateTimeStart().getValue()).isEqualTo(year + "0714T090000");
    }

    @Test
    void aZoneTheJdkKnowsButIcal4jsBundledDataDoesNotStillGetsItsTzidAndDefinition() {
        // America/Coyhaique arrived in tzdata 2025b; ical4j 4.4's bundled definitions predate it
        ZoneId zone = ZoneId.of("America/Coyhaique");
        Instant start = Instant.parse("2027-02-01T12:00:00Z");
        var calendar = Ics.parse(objects.storedObject(Events.event(start, start.plusSeconds(3600), zone)));
        VEvent event = Ics.onlyEvent(calendar);

        assertThat(Ics.parameter(event.getDateTimeStart(), "TZID")).isEqualTo("America/Coyhaique");
        assertThat(event.getDateTimeStart().getValue()).isEqualTo("20270201T090000");
        assertThat(calendar.<VTimeZone>getComponents(Component.VTIMEZONE)).singleElement()
                .extracting(tz -> tz.getTimeZoneId().getValue()).isEqualTo("America/Coyhaique");
    }

    @Test
    void aFeedDefinitionSpansTheYearsOfAllItsEventsInThatZoneAndNoMore() {
        ZoneId london = ZoneId.of("Europe/London");
        int year = LocalDateTime.now(Events.CLOCK).getYear();
        Instant first = LocalDateTime.of(year, 6, 1, 9, 0).atZone(london).toInstant();
        Instant last = LocalDateTime.of(year + 2, 6, 1, 9, 0).atZone(london).toInstant();
        var feed = Ics.parse(objects.feed(List.of(Events.event(first, first.plusSeconds(3600), london),
                Events.event(last, last.plusSeconds(3600), london)), london, "Coach"));
        VTimeZone vTimeZone = feed.<VTimeZone>getComponents(Component.VTIMEZONE).getFirst();

        List<String> onsets = observances(vTimeZone).stream().map(o -> o.substring(0, 15)).toList();
        assertThat(onsets.getFirst()).isEqualTo(year + "0101T000000");
        assertThat(onsets).allMatch(o -> Integer.parseInt(o.substring(0, 4)) >= year
                && Integer.parseInt(o.substring(0, 4)) <= year + 2);
        assertThat(onsets).hasSize(1 + 2 * 3); // the offset on 1 January, then two changes a year
    }

    /** The observances with a single onset (no RRULE), as "DTSTART FROM TO", sorted. */
    private static List<String> observances(VTimeZone vTimeZone) {
        return vTimeZone.getObservances().stream()
                .filter(o -> o.getProperty(Property.RRULE).isEmpty())
                .map(o -> o.getProperty(Property.DTSTART).orElseThrow().getValue() + " "
                        + o.getProperty(Property.TZOFFSETFROM).orElseThrow().getValue() + " "
                        + o.getProperty(Property.TZOFFSETTO).orElseThrow().getValue())
                .sorted().toList();
    }

    /** What java.time says: the offset on 1 January, then every transition before the next 1 January. */
    private static List<String> expected(ZoneId zone, int year, int lastYear) {
        ZoneRules rules = zone.getRules();
        List<String> expected = new ArrayList<>();
        LocalDateTime jan1 = LocalDateTime.of(year, 1, 1, 0, 0);
        Instant from = jan1.atZone(zone).toInstant();
        Instant until = jan1.plusYears(lastYear - year + 1).atZone(zone).toInstant();
        expected.add(LOCAL.format(jan1) + " " + offset(rules.getOffset(from)) + " " + offset(rules.getOffset(from)));
        for (ZoneOffsetTransition t = rules.nextTransition(from); t != null && t.getInstant().isBefore(until);
                t = rules.nextTransition(t.getInstant())) {
            expected.add(LOCAL.format(t.getDateTimeBefore()) + " " + offset(t.getOffsetBefore()) + " "
                    + offset(t.getOffsetAfter()));
        }
        return expected.stream().sorted().toList();
    }

    private static String offset(ZoneOffset offset) {
        return new net.fortuna.ical4j.model.property.TzOffsetTo(offset).getValue();
    }
}
