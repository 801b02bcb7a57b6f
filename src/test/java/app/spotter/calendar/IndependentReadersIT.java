package app.spotter.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import app.spotter.booking.SessionType;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Calendar software nobody here wrote reads what Spotter writes: python-icalendar, vobject (which Radicale uses)
 * and libical (through GObject introspection), each in one process over everything, as a server would. For every
 * zone the API accepts, events sit at every transition of this year and the next two, one hour either side, plus
 * mid-winter and mid-summer; the feed, one CalDAV object per event and one invitation per event are read, and every
 * reader must see exactly the instants java.time says.
 */
class IndependentReadersIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration READER_DEADLINE = Duration.ofMinutes(10);

    private record Expected(ZoneId zone, long start, long end) {}

    private static final Map<String, Expected> EXPECTED = new LinkedHashMap<>();
    private static final Map<String, List<String>> UIDS = new LinkedHashMap<>();
    private static Path input;

    @BeforeAll
    static void render() throws IOException {
        CalendarObjects objects = new CalendarObjects(Clock.systemUTC());
        int year = LocalDateTime.now(ZoneOffset.UTC).getYear();
        List<CalendarEvent> feed = new ArrayList<>();
        List<String> stored = new ArrayList<>();
        List<String> invitations = new ArrayList<>();
        List<String> documentUids = new ArrayList<>();
        List<String> feeds = new ArrayList<>();
        Organizer organizer = new Organizer("Coach Sam", "invites@spotter.test");
        List<Attendee> attendees = List.of(new Attendee("Thandi Nkosi", "thandi@clients.test"));
        for (ZoneId zone : acceptedZones()) {
            List<CalendarEvent> events = new ArrayList<>();
            Instant from = LocalDateTime.of(year, 1, 1, 0, 0).atZone(zone).toInstant();
            Instant until = LocalDateTime.of(year + 3, 1, 1, 0, 0).atZone(zone).toInstant();
            for (ZoneOffsetTransition t = zone.getRules().nextTransition(from);
                    t != null && t.getInstant().isBefore(until); t = zone.getRules().nextTransition(t.getInstant())) {
                Instant at = t.getInstant();
                events.add(event(zone, at.minusSeconds(3600), at.plusSeconds(3600)));
                events.add(event(zone, at.minusSeconds(1800), at.plusSeconds(1800)));
                events.add(event(zone, at.minusSeconds(3600), at));
                events.add(event(zone, at, at.plusSeconds(3600)));
            }
            for (int y = year; y < year + 3; y++) {
                for (int month : new int[] {1, 7}) {
                    Instant start = LocalDateTime.of(y, month, 14, 9, 0).atZone(zone).toInstant();
                    events.add(event(zone, start, start.plusSeconds(3600)));
                }
            }
            feed.addAll(events);
            // the feed as /feeds/<token>.ics streams it: the zone is the trainer's display zone, its VTIMEZONE
            // covering the window's years
            java.io.StringWriter text = new java.io.StringWriter();
            try (FeedWriter writer = objects.feedWriter(text, zone, "Coach",
                    LocalDateTime.of(year, 1, 1, 0, 0).atZone(zone).toInstant(),
                    LocalDateTime.of(year + 2, 12, 31, 0, 0).atZone(zone).toInstant())) {
                for (CalendarEvent e : events) {
                    writer.write(e);
                }
            }
            feeds.add(text.toString());
            // one document per event is the slow part for the readers: every other event (each transition keeps
            // an event across it and one ending at it, each year one in summer or winter) as object and invitation
            for (int i = 0; i < events.size(); i += 2) {
                documentUids.add(events.get(i).uid());
                stored.add(objects.storedObject(events.get(i)));
                invitations.add(objects.invitation(events.get(i), organizer, attendees, ItipMethod.REQUEST));
            }
        }
        Map<String, List<String>> sources = new LinkedHashMap<>();
        sources.put("feed", feeds);
        UIDS.put("feed", feed.stream().map(CalendarEvent::uid).toList());
        UIDS.put("caldav object", documentUids);
        UIDS.put("invitation", documentUids);
        sources.put("caldav object", stored);
        sources.put("invitation", invitations);
        input = Files.createTempFile("spotter-readers-", ".json");
        input.toFile().deleteOnExit();
        JSON.writeValue(input.toFile(), sources);
    }

    /**
     * Every zone id the API accepts ({@code Zones.isRegion}: the JDK's available ids). ical4j registers ids of its own
     * ("ical4j-local-N") with the JDK when its registry loads; they are nobody's zone, so they are left out here.
     */
    private static List<ZoneId> acceptedZones() {
        return new TreeSet<>(ZoneId.getAvailableZoneIds()).stream()
                .filter(id -> !id.startsWith("ical4j"))
                .map(ZoneId::of).toList();
    }

    private static CalendarEvent event(ZoneId zone, Instant start, Instant end) {
        UUID id = UUID.randomUUID();
        String uid = id + "@spotter.test";
        EXPECTED.put(uid, new Expected(zone, start.getEpochSecond(), end.getEpochSecond()));
        return new CalendarEvent(id, UUID.randomUUID(), UUID.randomUUID(), uid, "1:1 session",
                SessionType.ONE_ON_ONE, null, start, end, zone, null, 0, false);
    }

    @ParameterizedTest(name = "{0} reads every event at java.time's instants")
    @ValueSource(strings = {"icalendar", "vobject", "libical"})
    void eachReaderSeesTheInstantsJavaTimeDoes(String reader) throws Exception {
        JsonNode read = run(reader);
        List<String> wrong = new ArrayList<>();
        for (String source : List.of("feed", "caldav object", "invitation")) {
            JsonNode seen = read.get(source);
            assertThat(seen).as(source).isNotNull();
            seen.properties().forEach(entry -> {
                if (!EXPECTED.containsKey(entry.getKey())) {
                    wrong.add(source + ": " + entry.getKey() + " " + entry.getValue());
                }
            });
            for (String uid : UIDS.get(source)) {
                Expected expected = EXPECTED.get(uid);
                JsonNode got = seen.get(uid);
                if (got == null || !got.isArray() || !got.get(0).isNumber() || !got.get(1).isNumber()
                        || got.get(0).asLong() != expected.start() || got.get(1).asLong() != expected.end()) {
                    wrong.add(source + ": " + expected.zone() + " " + Instant.ofEpochSecond(expected.start()) + ".."
                            + Instant.ofEpochSecond(expected.end()) + " read as " + describe(got));
                }
            }
        }
        assertThat(wrong.size()).as("%s: %d of %d readings wrong, the first ones:%n%s", reader, wrong.size(),
                UIDS.values().stream().mapToInt(List::size).sum(),
                String.join("\n", wrong.subList(0, Math.min(60, wrong.size())))).isZero();
    }

    @Test
    void theReadersSawEveryZoneTheApiAccepts() {
        assertThat(EXPECTED.values().stream().map(Expected::zone).distinct().count())
                .isEqualTo(acceptedZones().size()).isGreaterThan(400);
    }

    private static String describe(JsonNode got) {
        if (got == null) {
            return "missing";
        }
        if (got.isArray() && got.get(0).isNumber()) {
            return Instant.ofEpochSecond(got.get(0).asLong()) + ".." + Instant.ofEpochSecond(got.get(1).asLong());
        }
        return got.toString();
    }

    private static JsonNode run(String reader) throws Exception {
        Path script = Files.createTempFile("read_instants", ".py");
        script.toFile().deleteOnExit();
        try (InputStream in = IndependentReadersIT.class.getResourceAsStream("/interop/read_instants.py")) {
            Files.write(script, in.readAllBytes());
        }
        Path out = Files.createTempFile("spotter-read-", ".json");
        Path err = Files.createTempFile("spotter-read-", ".err");
        out.toFile().deleteOnExit();
        err.toFile().deleteOnExit();
        // Debian's own python3, where python3-icalendar, python3-vobject and gir1.2-ical-3.0 are installed
        String python = Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3";
        Process process = new ProcessBuilder(python, script.toString(), reader, input.toString())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(READER_DEADLINE.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(reader + " took longer than " + READER_DEADLINE);
        }
        assertThat(process.exitValue()).as(reader + ": " + Files.readString(err, StandardCharsets.UTF_8))
                .isZero();
        return JSON.readTree(out.toFile());
    }
}
