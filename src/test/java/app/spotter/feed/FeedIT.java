package app.spotter.feed;

import static org.assertj.core.api.Assertions.assertThat;

import app.spotter.client.Client;
import app.spotter.client.Clients;
import app.spotter.support.ApiClient;
import app.spotter.support.SpotterIT;
import app.spotter.support.crypto.Tokens;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Parameter;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;

/** The secret subscription feed, read over HTTP and parsed with ical4j as a calendar app would. */
class FeedIT extends SpotterIT {

    private static final ZoneId JOBURG = ZoneId.of("Africa/Johannesburg");
    private final HttpClient http = HttpClient.newHttpClient();

    @Autowired
    private Clients clients;

    @Test
    void theFeedUrlIsStableSecretAndCarriesAtLeast128RandomBits() {
        ApiClient api = newTrainer();
        String url = feedUrl(api);
        assertThat(url).matches("https?://[^/]+/feeds/[A-Za-z0-9_-]{43}\\.ics");
        assertThat(Base64.getUrlDecoder().decode(token(url))).hasSizeGreaterThanOrEqualTo(16);
        assertThat(feedUrl(api)).isEqualTo(url);
        assertThat(feedUrl(newTrainer())).isNotEqualTo(url);
        assertThat(anonymous().get("/api/v1/calendar-sync/feed").status()).isEqualTo(401);
    }

    @Test
    void theFeedIsTextCalendarWithATimeZoneAndCachingHeaders() throws Exception {
        ApiClient api = newTrainer();
        String client = api.createClient("Lerato", "Mokoena", null);
        api.createBooking(client, at(3, 9), 60);

        HttpResponse<String> response = fetch(feedUrl(api), null);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow())
                .isEqualToIgnoringCase("text/calendar;charset=UTF-8");
        assertThat(response.headers().firstValue("Cache-Control").orElseThrow()).isEqualTo("max-age=300, private");
        assertThat(response.headers().firstValue("Content-Disposition").orElseThrow())
                .startsWith("inline").contains("filename=\"spotter.ics\"");
        assertThat(response.headers().firstValue("ETag")).isPresent();

        Calendar calendar = parse(response.body());
        assertThat(calendar.getProperty(Property.METHOD)).isEmpty();
        assertThat(calendar.getComponents(Component.VTIMEZONE)).hasSize(1);
        VEvent event = onlyEvent(calendar);
        assertThat(event.getProperty(Property.DTSTART).orElseThrow().getParameter(Parameter.TZID).orElseThrow()
                .getValue()).isEqualTo("Africa/Johannesburg");
        assertThat(event.getProperty(Property.ATTENDEE)).isEmpty();
        assertThat(event.getProperty(Property.ORGANIZER)).isEmpty();
    }

    @Test
    void theFeedHoldsScheduledBookingsFromThirtyDaysBackOnward() throws Exception {
        ApiClient api = newTrainer();
        String client = api.createClient("Sipho", "Dlamini", null);
        String old = api.createBooking(client, at(-40, 9), 60);
        String recent = api.createBooking(client, at(-10, 9), 60);
        String upcoming = api.createBooking(client, at(5, 9), 60);
        String cancelled = api.createBooking(client, at(6, 9), 60);
        assertThat(api.post("/api/v1/bookings/" + cancelled + "/cancel", null).status()).isEqualTo(200);

        List<String> uids = parse(fetch(feedUrl(api), null).body()).<VEvent>getComponents(Component.VEVENT).stream()
                .map(e -> value(e, Property.UID)).toList();
        assertThat(uids).containsExactlyInAnyOrder(recent + "@spotter.app", upcoming + "@spotter.app");
        assertThat(uids).doesNotContain(old + "@spotter.app", cancelled + "@spotter.app");
    }

    @Test
    void clientNamesShowOnlyWhileTheTrainerAllowsItAndNotesNever() throws Exception {
        ApiClient api = newTrainer();
        String client = api.createClient("Naledi", "Khumalo", "naledi@clients.test");
        assertThat(api.post("/api/v1/bookings", """
                {"client_id":"%s","starts_at":"%s","duration_minutes":60,"notes":"knee surgery in May"}"""
                .formatted(client, at(2, 7))).status()).isEqualTo(201);
        String url = feedUrl(api);

        String shown = fetch(url, null).body();
        assertThat(value(onlyEvent(parse(shown)), Property.SUMMARY)).isEqualTo("1:1 session · Naledi Khumalo");
        assertThat(shown).doesNotContain("knee surgery", "naledi@clients.test");

        assertThat(api.put("/api/v1/calendar-sync/preferences", """
                {"show_client_names":false}""").status()).isEqualTo(200);
        String hidden = fetch(url, null).body();
        assertThat(value(onlyEvent(parse(hidden)), Property.SUMMARY)).isEqualTo("1:1 session");
        assertThat(hidden).doesNotContain("Naledi", "Khumalo", "knee surgery");
    }

    @Test
    void sessionColoursAndABookingsOwnColourShow() throws Exception {
        ApiClient api = newTrainer();
        assertThat(api.put("/api/v1/calendar-sync/preferences", """
                {"session_colors":{"one_on_one":"#ff0000"}}""").status()).isEqualTo(200);
        String client = api.createClient("Ayanda", "Zulu", null);
        String byType = api.createBooking(client, at(2, 9), 60);
        String own = api.post("/api/v1/bookings", """
                {"client_id":"%s","starts_at":"%s","duration_minutes":60,"color_hex":"#0000ff"}"""
                .formatted(client, at(3, 9))).json().get("id").stringValue();

        Map<String, String> colours = new java.util.HashMap<>();
        parse(fetch(feedUrl(api), null).body()).<VEvent>getComponents(Component.VEVENT)
                .forEach(e -> colours.put(value(e, Property.UID), value(e, "COLOR")));
        assertThat(colours).containsEntry(byType + "@spotter.app", "red").containsEntry(own + "@spotter.app", "blue");
    }

    @Test
    void hostileClientNamesAreEscapedAndNeverInjectProperties() throws Exception {
        ApiClient api = newTrainer();
        UUID trainerId = UUID.fromString(api.get("/api/v1/me").json().get("id").stringValue());
        // the API refuses control characters; the service layer does not, so the renderer must hold on its own
        Client hostile = clients.create(new Client(null, trainerId, "Smith, John; Jr.\r\nATTENDEE:mailto:x@y",
                "Zoë 💪 Ñandú\nEND:VEVENT", null, null, null));
        api.createBooking(hostile.id().toString(), at(4, 9), 60);

        String body = fetch(feedUrl(api), null).body();
        Calendar calendar = parse(body);
        VEvent event = onlyEvent(calendar);
        assertThat(value(event, Property.SUMMARY))
                .isEqualTo("1:1 session · Smith, John; Jr. ATTENDEE:mailto:x@y Zoë 💪 Ñandú END:VEVENT");
        assertThat(event.getProperty(Property.ATTENDEE)).isEmpty();
        assertThat(body).contains("Smith\\, John\\; Jr.");
        assertThat(body.lines().filter(l -> l.startsWith("ATTENDEE") || l.equals("END:VEVENT"))).hasSize(1);
    }

    @Test
    void theFeedEndsEighteenMonthsAhead() throws Exception {
        ApiClient api = newTrainer();
        String client = api.createClient("Ayanda", "Zulu", null);
        String inside = api.createBooking(client, at(30 * 17, 9), 60);
        String beyond = api.createBooking(client, at(30 * 19, 9), 60);

        List<String> uids = parse(fetch(feedUrl(api), null).body()).<VEvent>getComponents(Component.VEVENT).stream()
                .map(e -> value(e, Property.UID)).toList();
        assertThat(uids).containsExactly(inside + "@spotter.app").doesNotContain(beyond + "@spotter.app");
    }

    @Test
    void theEtagChangesWithAClientsNameACancellationAndThePreferencesThatShapeEvents() throws Exception {
        ApiClient api = newTrainer();
        String client = api.createClient("Bongani", "Khumalo", null);
        String booking = api.createBooking(client, at(3, 9), 60);
        api.createBooking(client, at(4, 9), 60);
        String url = feedUrl(api);
        String etag = fetch(url, null).headers().firstValue("ETag").orElseThrow();

        assertThat(api.patch("/api/v1/clients/" + client, """
                {"first_name":"Bonga"}""").status()).isEqualTo(200);
        HttpResponse<String> renamed = fetch(url, etag);
        assertThat(renamed.statusCode()).isEqualTo(200);
        assertThat(renamed.body()).contains("Bonga Khumalo");
        etag = renamed.headers().firstValue("ETag").orElseThrow();

        assertThat(api.post("/api/v1/bookings/" + booking + "/cancel", null).status()).isEqualTo(200);
        HttpResponse<String> cancelled = fetch(url, etag);
        assertThat(cancelled.statusCode()).isEqualTo(200);
        assertThat(cancelled.body()).doesNotContain(booking);
        etag = cancelled.headers().firstValue("ETag").orElseThrow();

        assertThat(api.put("/api/v1/calendar-sync/preferences", """
                {"show_client_names":false}""").status()).isEqualTo(200);
        HttpResponse<String> hidden = fetch(url, etag);
        assertThat(hidden.statusCode()).isEqualTo(200);
        assertThat(hidden.body()).doesNotContain("Bonga");
        assertThat(fetch(url, hidden.headers().firstValue("ETag").orElseThrow()).statusCode()).isEqualTo(304);
    }

    @Test
    void anUnchangedFeedAnswers304ToItsEtagAndAChangedOneDoesNot() throws Exception {
        ApiClient api = newTrainer();
        String client = api.createClient("Thabo", "Molefe", null);
        String booking = api.createBooking(client, at(2, 9), 60);
        String url = feedUrl(api);

        HttpResponse<String> first = fetch(url, null);
        String etag = first.headers().firstValue("ETag").orElseThrow();
        HttpResponse<String> again = fetch(url, etag);
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
        assertThat(again.headers().firstValue("ETag")).contains(etag);

        assertThat(api.patch("/api/v1/bookings/" + booking, """
                {"location":"Zoo Lake"}""").status()).isEqualTo(200);
        HttpResponse<String> changed = fetch(url, etag);
        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(changed.headers().firstValue("ETag").orElseThrow()).isNotEqualTo(etag);
        assertThat(changed.body()).contains("Zoo Lake");
    }

    @Test
    void rotatingMakesTheOldUrlAnswer404AtOnceAndTheNewOne200() throws Exception {
        ApiClient api = newTrainer();
        String old = feedUrl(api);
        assertThat(fetch(old, null).statusCode()).isEqualTo(200);

        var rotated = api.post("/api/v1/calendar-sync/feed/rotate", null);
        assertThat(rotated.status()).isEqualTo(200);
        String fresh = rotated.json().get("url").stringValue();
        assertThat(fresh).isNotEqualTo(old);
        assertThat(feedUrl(api)).isEqualTo(fresh);

        HttpResponse<String> gone = fetch(old, null);
        assertThat(gone.statusCode()).isEqualTo(404);
        assertThat(fetch(fresh, null).statusCode()).isEqualTo(200);
        // a revoked token, one never issued and a malformed one look the same (the path aside, which the
        // problem's "instance" echoes back to the caller who sent it)
        String neverIssued = Tokens.newToken();
        HttpResponse<String> unknown = fetch(fresh.replace(token(fresh), neverIssued), null);
        HttpResponse<String> malformed = fetch(fresh.replace(token(fresh), "not-a-token"), null);
        assertThat(List.of(unknown.statusCode(), malformed.statusCode())).containsOnly(404);
        assertThat(gone.body().replace(token(old), "T")).isEqualTo(unknown.body().replace(neverIssued, "T"))
                .isEqualTo(malformed.body().replace("not-a-token", "T"));
        assertThat(gone.headers().firstValue("Content-Type")).contains("application/problem+json");
    }

    @Test
    void anotherTrainersFeedNeverShowsThisTrainersBookings() throws Exception {
        ApiClient mine = newTrainer();
        ApiClient theirs = newTrainer();
        String myBooking = mine.createBooking(mine.createClient("Kagiso", "Sithole", null), at(2, 9), 60);
        String theirBooking = theirs.createBooking(theirs.createClient("Zanele", "Mthembu", null), at(2, 9), 60);

        String theirFeed = fetch(feedUrl(theirs), null).body();
        assertThat(theirFeed).contains(theirBooking).doesNotContain(myBooking, "Kagiso", "Sithole");
        String myFeed = fetch(feedUrl(mine), null).body();
        assertThat(myFeed).contains(myBooking).doesNotContain(theirBooking, "Zanele");
    }

    @Test
    void feedTokensNeverReachTheLogsEvenWithSpringWebAndSecurityAtDebug() throws Exception {
        LoggerContext logging = (LoggerContext) LoggerFactory.getILoggerFactory();
        ListAppender<ILoggingEvent> captured = new ListAppender<>();
        captured.start();
        Logger root = logging.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        List<Logger> noisy = List.of(logging.getLogger("org.springframework.web"),
                logging.getLogger("org.springframework.security"), logging.getLogger("app.spotter"));
        root.addAppender(captured);
        noisy.forEach(l -> l.setLevel(Level.DEBUG));
        List<String> tokens = new java.util.ArrayList<>();
        try {
            ApiClient api = newTrainer();
            String url = feedUrl(api);
            tokens.add(token(url));
            String etag = fetch(url, null).headers().firstValue("ETag").orElseThrow();
            fetch(url, etag);
            String fresh = api.post("/api/v1/calendar-sync/feed/rotate", null).json().get("url").stringValue();
            tokens.add(token(fresh));
            assertThat(fetch(url, null).statusCode()).isEqualTo(404);
            assertThat(fetch(fresh, null).statusCode()).isEqualTo(200);
        } finally {
            noisy.forEach(l -> l.setLevel(null));
            root.detachAppender(captured);
        }
        // background threads (scheduler, sync jobs) may still be inside the appender: AppenderBase.doAppend holds
        // the appender's lock while it adds, so stop it and copy under that same lock before reading
        List<ILoggingEvent> events;
        synchronized (captured) {
            captured.stop();
            events = List.copyOf(captured.list);
        }
        assertThat(events).as("debug logging was on, so something was logged").isNotEmpty();
        for (ILoggingEvent event : events) {
            String line = event.getFormattedMessage() + " " + (event.getThrowableProxy() == null ? ""
                    : event.getThrowableProxy().getMessage());
            for (String token : tokens) {
                assertThat(line).as("log line of " + event.getLoggerName()).doesNotContain(token);
            }
        }
    }

    private String feedUrl(ApiClient api) {
        var response = api.get("/api/v1/calendar-sync/feed");
        assertThat(response.status()).isEqualTo(200);
        return response.json().get("url").stringValue();
    }

    private static String token(String url) {
        return url.substring(url.indexOf("/feeds/") + "/feeds/".length(), url.length() - ".ics".length());
    }

    /** Fetches the feed on this test's server (spotter.public-url names port 0 under a random-port test). */
    private HttpResponse<String> fetch(String url, String ifNoneMatch) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + url.substring(url.indexOf("/feeds/"))));
        if (ifNoneMatch != null) {
            request.header("If-None-Match", ifNoneMatch);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String at(int daysFromNow, int hour) {
        return OffsetDateTime.now(JOBURG).plusDays(daysFromNow).withHour(hour).truncatedTo(ChronoUnit.HOURS)
                .toString();
    }

    private static Calendar parse(String text) throws Exception {
        return new CalendarBuilder().build(new StringReader(text));
    }

    private static VEvent onlyEvent(Calendar calendar) {
        List<VEvent> events = calendar.getComponents(Component.VEVENT);
        assertThat(events).hasSize(1);
        return events.getFirst();
    }

    private static String value(VEvent event, String property) {
        return event.getProperty(property).map(Property::getValue).orElse(null);
    }
}
