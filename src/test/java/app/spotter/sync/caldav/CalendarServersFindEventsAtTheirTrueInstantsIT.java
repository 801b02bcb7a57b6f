package app.spotter.sync.caldav;

import static org.assertj.core.api.Assertions.assertThat;

import app.spotter.booking.SessionType;
import app.spotter.calendar.CalendarEvent;
import app.spotter.calendar.CalendarObjects;
import app.spotter.sync.caldav.CalDavServerProcess.Kind;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.Year;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Issue 11's last ask: a CalDAV time-range search (RFC 4791 7.8, calendar-query with a VEVENT comp-filter and a
 * time-range) on Radicale and on Xandikos finds each event Spotter writes at its true instant, as java.time computes
 * it. Radicale evaluates time ranges with vobject (dateutil), Xandikos with python-icalendar, so both of the readers
 * that got repeated hours and full-history VTIMEZONEs wrong sit behind these searches.
 *
 * <p>Every event is rendered by {@link CalendarObjects#storedObject} exactly as Spotter stores it, and PUT with bare
 * HTTP into a fresh collection (MKCALENDAR) on each server. A time range matches every event that overlaps it
 * (RFC 4791 9.9: start before the range's end and end after its start), so for an event [start, end):
 * <ul>
 *   <li>[start, start + 1 min) must find it,</li>
 *   <li>[start - 1 h, start) must not (an event read an hour early would be found there),</li>
 *   <li>[end, end + 1 h) must not (an event read late would be found there).</li>
 * </ul>
 * The request bodies are a fixed template into which only UTC timestamps formatted by java.time are inserted; the
 * answers are read with a namespace-aware parser that refuses DTDs, and each href maps back to the event's UID.
 */
class CalendarServersFindEventsAtTheirTrueInstantsIT {

    private static final DateTimeFormatter UTC =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mmxxx");
    private static final String DAV = "DAV:";

    private static final String CALENDAR_QUERY = """
            <?xml version="1.0" encoding="utf-8"?>
            <c:calendar-query xmlns:d="DAV:" xmlns:c="urn:ietf:params:xml:ns:caldav">
              <d:prop><d:getetag/></d:prop>
              <c:filter>
                <c:comp-filter name="VCALENDAR">
                  <c:comp-filter name="VEVENT">
                    <c:time-range start="%s" end="%s"/>
                  </c:comp-filter>
                </c:comp-filter>
              </c:filter>
            </c:calendar-query>
            """;

    private static final String MKCALENDAR = """
            <?xml version="1.0" encoding="utf-8"?>
            <c:mkcalendar xmlns:d="DAV:" xmlns:c="urn:ietf:params:xml:ns:caldav">
              <d:set><d:prop>
                <c:supported-calendar-component-set><c:comp name="VEVENT"/></c:supported-calendar-component-set>
              </d:prop></d:set>
            </c:mkcalendar>
            """;

    /** One session Spotter would sync, described in words for the test names. */
    record Session(String description, CalendarEvent event) {
        @Override
        public String toString() {
            return description;
        }
    }

    private static final List<Session> SESSIONS = sessions(Year.now(Clock.systemUTC()).getValue());
    /** Resource name (last href segment) to UID: each event is PUT at {@code <collection>/<booking hex>.ics}. */
    private static final Map<String, String> UID_BY_NAME = new LinkedHashMap<>();
    private static final Map<Kind, CalDavServerProcess> SERVERS = new EnumMap<>(Kind.class);
    private static final Map<Kind, URI> COLLECTIONS = new EnumMap<>(Kind.class);

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final String AUTHORIZATION = "Basic " + Base64.getEncoder().encodeToString(
            (CalDavServerProcess.USER + ":" + CalDavServerProcess.PASSWORD).getBytes(StandardCharsets.UTF_8));

    @BeforeAll
    static void everyServerHoldsEverySession() {
        CalendarObjects objects = new CalendarObjects(Clock.systemUTC());
        for (Kind kind : Kind.values()) {
            CalDavServerProcess server = CalDavServerProcess.start(kind);
            SERVERS.put(kind, server);
            String home = kind == Kind.RADICALE ? "trainer/" : "trainer/calendars/";
            URI collection = server.baseUrl().resolve(home + "times-" + UUID.randomUUID() + "/");
            HttpResponse<String> made = send(HttpRequest.newBuilder(collection)
                    .header("Content-Type", "application/xml; charset=utf-8")
                    .method("MKCALENDAR", HttpRequest.BodyPublishers.ofString(MKCALENDAR)));
            assertThat(made.statusCode()).as("%s MKCALENDAR %s: %s", server, collection, made.body())
                    .isEqualTo(201);
            COLLECTIONS.put(kind, collection);
            for (Session session : SESSIONS) {
                CalendarEvent event = session.event();
                String name = event.bookingHex() + ".ics";
                UID_BY_NAME.put(name, event.uid());
                HttpResponse<String> put = send(HttpRequest.newBuilder(collection.resolve(name))
                        .header("Content-Type", "text/calendar; charset=utf-8")
                        .header("If-None-Match", "*")
                        .PUT(HttpRequest.BodyPublishers.ofString(objects.storedObject(event))));
                assertThat(put.statusCode()).as("%s PUT %s: %s", server, session, put.body()).isIn(201, 204);
            }
        }
    }

    @AfterAll
    static void stopServers() {
        SERVERS.values().forEach(CalDavServerProcess::close);
    }

    static Stream<Arguments> everySessionOnEveryServer() {
        return Stream.of(Kind.values()).flatMap(kind -> SESSIONS.stream().map(session -> Arguments.of(
                kind == Kind.RADICALE ? "Radicale" : "Xandikos", session)));
    }

    @ParameterizedTest(name = "{0} finds the session {1} in the minute it starts")
    @MethodSource("everySessionOnEveryServer")
    void aServerFindsASessionInTheMinuteItStarts(String server, Session session) {
        Instant start = session.event().start();
        assertThat(uidsIn(server, start, start.plus(Duration.ofMinutes(1))))
                .as("%s: [%s, +1 min) must hold %s", server, start, session).contains(session.event().uid());
    }

    @ParameterizedTest(name = "{0} does not find the session {1} in the hour before it starts")
    @MethodSource("everySessionOnEveryServer")
    void aServerDoesNotFindASessionInTheHourBeforeItStarts(String server, Session session) {
        Instant start = session.event().start();
        assertThat(uidsIn(server, start.minus(Duration.ofHours(1)), start))
                .as("%s: [%s - 1 h, %s) must not hold %s (read too early)", server, start, start, session)
                .doesNotContain(session.event().uid());
    }

    @ParameterizedTest(name = "{0} does not find the session {1} in the hour after it ends")
    @MethodSource("everySessionOnEveryServer")
    void aServerDoesNotFindASessionInTheHourAfterItEnds(String server, Session session) {
        Instant end = session.event().end();
        assertThat(uidsIn(server, end, end.plus(Duration.ofHours(1))))
                .as("%s: [%s, +1 h) must not hold %s (read too late)", server, end, session)
                .doesNotContain(session.event().uid());
    }

    @Test
    void theSessionsCoverBothClockChangesInLondonAndEveryOtherZoneInThisYearAndTheNext() {
        int year = Year.now(Clock.systemUTC()).getValue();
        assertThat(SESSIONS.stream().map(s -> s.event().zone().getId()).distinct())
                .containsExactlyInAnyOrder("Europe/London", "Europe/Chisinau", "Asia/Karachi", "Australia/Darwin",
                        "Pacific/Fiji", "Pacific/Efate", "Africa/Johannesburg");
        assertThat(SESSIONS.stream().map(s -> s.event().start().atZone(s.event().zone()).getYear()).distinct())
                .containsExactlyInAnyOrder(year, year + 1);
        ZoneRules london = ZoneId.of("Europe/London").getRules();
        assertThat(SESSIONS).filteredOn(s -> s.event().zone().getId().equals("Europe/London"))
                .anyMatch(s -> london.getValidOffsets(
                        LocalDateTime.ofInstant(s.event().start(), s.event().zone())).size() == 2)
                .anyMatch(s -> crossesAGap(london, s.event()));
        assertThat(UID_BY_NAME).hasSize(SESSIONS.size());
    }

    private static boolean crossesAGap(ZoneRules rules, CalendarEvent event) {
        ZoneOffsetTransition next = rules.nextTransition(event.start().minusSeconds(1));
        return next != null && next.isGap() && !next.getInstant().isAfter(event.end());
    }

    /**
     * The sessions, for this year and the next: in Europe/London both ends of the repeated hour when clocks go back
     * (01:30 in its first and in its second occurrence), the skipped hour when they go forward (across it, from
     * where it begins, up to it), mid-winter and mid-summer; in six more zones a mid-winter and a mid-summer morning.
     */
    private static List<Session> sessions(int thisYear) {
        List<Session> sessions = new ArrayList<>();
        ZoneId london = ZoneId.of("Europe/London");
        for (int year = thisYear; year <= thisYear + 1; year++) {
            ZoneOffsetTransition back = null;
            ZoneOffsetTransition forward = null;
            ZoneRules rules = london.getRules();
            Instant from = LocalDate.of(year, 1, 1).atStartOfDay(london).toInstant();
            Instant until = LocalDate.of(year + 1, 1, 1).atStartOfDay(london).toInstant();
            for (ZoneOffsetTransition t = rules.nextTransition(from); t != null && t.getInstant().isBefore(until);
                    t = rules.nextTransition(t.getInstant())) {
                if (t.isOverlap()) {
                    back = t;
                } else {
                    forward = t;
                }
            }
            assertThat(back).as("London puts its clocks back in %d", year).isNotNull();
            assertThat(forward).as("London puts its clocks forward in %d", year).isNotNull();

            // the repeated hour: local 01:00 to 02:00 happens twice (BST, then GMT)
            LocalDateTime half = back.getDateTimeAfter().plusMinutes(30);
            ZonedDateTime firstHalfPast = ZonedDateTime.ofLocal(half, london, back.getOffsetBefore());
            ZonedDateTime secondHalfPast = ZonedDateTime.ofLocal(half, london, back.getOffsetAfter());
            assertThat(firstHalfPast.getOffset()).isEqualTo(back.getOffsetBefore());
            assertThat(secondHalfPast.getOffset()).isEqualTo(back.getOffsetAfter());
            sessions.add(session("in the first 01:30 of the repeated hour, for 30 min", firstHalfPast, 30));
            sessions.add(session("in the first 01:30 of the repeated hour, for 60 min (ending at the second)",
                    firstHalfPast, 60));
            sessions.add(session("in the second 01:30 of the repeated hour, for 60 min", secondHalfPast, 60));

            // the skipped hour: local 01:00 to 02:00 never happens
            ZonedDateTime skip = forward.getInstant().atZone(london);
            sessions.add(session("across the skipped hour, for 60 min", skip.minusMinutes(30), 60));
            sessions.add(session("starting where the skipped hour ends, for 60 min", skip, 60));
            sessions.add(session("ending where the skipped hour begins, for 60 min", skip.minusHours(1), 60));

            for (String zone : List.of("Europe/London", "Europe/Chisinau", "Asia/Karachi", "Australia/Darwin",
                    "Pacific/Fiji", "Pacific/Efate", "Africa/Johannesburg")) {
                for (int month : new int[] {1, 7}) {
                    ZonedDateTime start = ZonedDateTime.of(LocalDate.of(year, month, 14), LocalTime.of(9, 0),
                            ZoneId.of(zone));
                    sessions.add(session(month == 1 ? "on a January morning" : "on a July morning", start, 60));
                }
            }
        }
        return List.copyOf(sessions);
    }

    private static Session session(String what, ZonedDateTime start, long minutes) {
        UUID booking = UUID.randomUUID();
        Instant end = start.toInstant().plus(Duration.ofMinutes(minutes));
        CalendarEvent event = new CalendarEvent(booking, UUID.randomUUID(), UUID.randomUUID(),
                booking + "@spotter.test", "1:1 session", SessionType.ONE_ON_ONE, null, start.toInstant(), end,
                start.getZone(), null, 0, false);
        return new Session("%s %s (%s) %s".formatted(start.getZone(), LOCAL.format(start),
                UTC.format(start.toInstant()), what), event);
    }

    /** The UIDs of the events a calendar-query with a VEVENT time-range [from, to) finds in the server's collection. */
    private static Set<String> uidsIn(String serverName, Instant from, Instant to) {
        Kind kind = Kind.valueOf(serverName.toUpperCase());
        URI collection = COLLECTIONS.get(kind);
        HttpResponse<String> answer = send(HttpRequest.newBuilder(collection)
                .header("Depth", "1")
                .header("Content-Type", "application/xml; charset=utf-8")
                .method("REPORT", HttpRequest.BodyPublishers.ofString(
                        CALENDAR_QUERY.formatted(UTC.format(from), UTC.format(to)))));
        assertThat(answer.statusCode()).as("%s REPORT: %s", serverName, answer.body()).isEqualTo(207);
        Set<String> uids = new TreeSet<>();
        NodeList responses = parse(answer.body()).getElementsByTagNameNS(DAV, "response");
        for (int i = 0; i < responses.getLength(); i++) {
            Element response = (Element) responses.item(i);
            if (!found(response)) {
                continue;
            }
            NodeList hrefs = response.getElementsByTagNameNS(DAV, "href");
            for (int h = 0; h < hrefs.getLength(); h++) {
                String path = URI.create(hrefs.item(h).getTextContent().trim()).getRawPath();
                String name = URLDecoder.decode(path.substring(path.lastIndexOf('/') + 1), StandardCharsets.UTF_8);
                uids.add(UID_BY_NAME.getOrDefault(name, "unknown resource " + path));
            }
        }
        return uids;
    }

    /** A response whose own status (not a propstat's) says the resource is absent does not count as found. */
    private static boolean found(Element response) {
        NodeList children = response.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            if (children.item(i) instanceof Element child && DAV.equals(child.getNamespaceURI())
                    && "status".equals(child.getLocalName())) {
                return child.getTextContent().matches("(?s)\\s*HTTP/\\S+\\s+2\\d\\d.*");
            }
        }
        return true;
    }

    private static Document parse(String xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new AssertionError("not a multistatus: " + xml, e);
        }
    }

    private static HttpResponse<String> send(HttpRequest.Builder builder) {
        HttpRequest request = builder.header("Authorization", AUTHORIZATION).timeout(Duration.ofSeconds(30)).build();
        try {
            try {
                return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (IOException dropped) {
                // Radicale speaks HTTP/1.0 and closes idle connections silently: one fresh attempt
                return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
