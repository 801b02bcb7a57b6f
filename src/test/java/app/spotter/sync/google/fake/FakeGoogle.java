package app.spotter.sync.google.fake;

import com.google.gson.JsonObject;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stateful stand-in for Google Calendar API v3 and Google's OAuth endpoints, on a free loopback port. Follows
 * the documented behaviour Spotter relies on; see {@link FakeEventsApi}, {@link FakeListing}, {@link FakeOAuthServer}.
 */
public final class FakeGoogle implements AutoCloseable {

    public static final String CLIENT_ID = FakeOAuthServer.CLIENT_ID;
    public static final String CLIENT_SECRET = FakeOAuthServer.CLIENT_SECRET;

    private final HttpServer server;
    private final FakeClockwork clock = new FakeClockwork();
    private final Map<String, FakeCalendar> calendars = new ConcurrentHashMap<>();
    private final FakeListing listing = new FakeListing(clock);
    private final FakeEventsApi events = new FakeEventsApi(this::calendar, listing);
    private final FakeOAuthServer oauth = new FakeOAuthServer();
    private final FakeFreeBusyApi freeBusy = new FakeFreeBusyApi(this::calendar);
    private final Deque<Fault> faults = new ArrayDeque<>();
    private final AtomicInteger apiRequests = new AtomicInteger();
    private final AtomicInteger busyRequests = new AtomicInteger();
    private final AtomicInteger tokenRequests = new AtomicInteger();

    public FakeGoogle() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/calendar/v3/", exchange -> {
            try {
                api(exchange);
            } catch (IOException | RuntimeException e) {
                // A bug in the fake must be loud, not look like a network cut.
                e.printStackTrace();
                throw e;
            }
        });
        server.createContext("/oauth/auth", oauth::authorize);
        server.createContext("/oauth/token", exchange -> {
            tokenRequests.incrementAndGet();
            try {
                Thread.sleep(tokenDelay.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            oauth.token(exchange);
        });
        server.start();
    }

    /** For SPOTTER_GOOGLE_API_ROOT. */
    public String apiRoot() {
        return base() + "/";
    }

    /** For SPOTTER_GOOGLE_OAUTH_BASE: {@code <base>/auth} and {@code <base>/token}. */
    public String oauthBase() {
        return base() + "/oauth";
    }

    private String base() {
        return "http://" + server.getAddress().getHostString() + ":" + server.getAddress().getPort();
    }

    private void api(HttpExchange exchange) throws IOException {
        apiRequests.incrementAndGet();
        if (!oauth.acceptsAccessToken(exchange.getRequestHeaders().getFirst("Authorization"))) {
            Exchanges.error(exchange, 401, "global", "authError", "Invalid Credentials");
            return;
        }
        Fault fault;
        synchronized (faults) {
            fault = faults.pollFirst();
        }
        if (fault == null) {
            String path = exchange.getRequestURI().getRawPath();
            if (path.equals("/calendar/v3/users/me/calendarList")) {
                busyRequests.incrementAndGet();
                freeBusy.calendarList(exchange);
            } else if (path.equals("/calendar/v3/freeBusy")) {
                busyRequests.incrementAndGet();
                freeBusy.query(exchange, this::alias);
            } else {
                events.handle(exchange, false);
            }
            return;
        }
        switch (fault) {
            case RATE_LIMIT_403 -> Exchanges.error(exchange, 403, "usageLimits", "rateLimitExceeded", "Rate Limit Exceeded");
            case TOO_MANY_REQUESTS_429 -> {
                exchange.getResponseHeaders().set("Retry-After", "7");
                Exchanges.error(exchange, 429, "usageLimits", "rateLimitExceeded", "Too Many Requests");
            }
            case UNAUTHORIZED_401 -> Exchanges.error(exchange, 401, "global", "authError", "Invalid Credentials");
            case SERVER_ERROR_500 -> Exchanges.error(exchange, 500, "global", "backendError", "Backend Error");
            case APPLY_THEN_DROP -> events.handle(exchange, true);
        }
    }

    /** The next {@code times} Calendar API requests (after authentication) show {@code fault}. */
    public void failNext(int times, Fault fault) {
        synchronized (faults) {
            for (int i = 0; i < times; i++) {
                faults.addLast(fault);
            }
        }
    }

    /** A refresh token as if the trainer had consented; the connection's secret in tests. */
    public String grantRefreshToken() {
        return oauth.issueRefreshToken();
    }

    /** The trainer removed Spotter's access in their Google account. */
    public void revokeAccess() {
        oauth.revokeAll();
    }

    public void expireAccessTokens() {
        oauth.expireAccessTokens();
    }

    public void expireSyncTokens() {
        listing.expireSyncTokens();
    }

    /**
     * Plays the trainer's browser after Spotter handed out {@code consent}: the fake Google consents at once and
     * redirects to Spotter's callback, which is then opened on {@code spotterPort}; returns Spotter's answer.
     */
    public static HttpResponse<String> consentAndReturn(URI consent, int spotterPort)
            throws IOException, InterruptedException {
        HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        HttpResponse<String> toGoogle = browser.send(HttpRequest.newBuilder(consent).build(),
                HttpResponse.BodyHandlers.ofString());
        URI back = URI.create(toGoogle.headers().firstValue("Location").orElseThrow());
        URI callback = URI.create("http://localhost:" + spotterPort + back.getRawPath() + "?" + back.getRawQuery());
        return browser.send(HttpRequest.newBuilder(callback).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The query of the last consent request the fake saw. */
    public Map<String, String> lastAuthorizationQuery() {
        return oauth.lastAuthorizationQuery;
    }

    /** The stored event, tombstones included, as Google would return it from events.get. */
    public Optional<JsonObject> event(String calendarId, String eventId) {
        return Optional.ofNullable(calendar(calendarId).get(eventId)).map(s -> s.json().deepCopy());
    }

    /** Every stored event of the calendar, tombstones included. */
    public List<JsonObject> events(String calendarId) {
        return calendar(calendarId).all().stream().map(s -> s.json().deepCopy()).toList();
    }

    /** Writes an event as the trainer would in Google Calendar (a change Spotter did not make). */
    public JsonObject editInGoogle(String calendarId, String eventId, String field, String value) {
        FakeCalendar calendar = calendar(calendarId);
        JsonObject json = calendar.get(eventId).json().deepCopy();
        json.addProperty(field, value);
        return calendar.write(eventId, json).json().deepCopy();
    }

    /** Stores an event directly, as if it had been created long ago (by Spotter or by the trainer). */
    public void seed(String calendarId, String eventId, JsonObject json) {
        calendar(calendarId).write(eventId, json.deepCopy());
    }

    /** Deletes an event as the trainer would in Google Calendar: it stays as a cancelled tombstone. */
    /** The occurrences of a recurring event as events.instances lists them (overridden ones as stored). */
    public List<JsonObject> instances(String calendarId, String eventId) {
        FakeCalendar.Stored master = calendar(calendarId).get(eventId);
        return master == null ? List.of() : FakeRecurrence.instances(calendar(calendarId), master.json(), null);
    }

    public void deleteInGoogle(String calendarId, String eventId) {
        editInGoogle(calendarId, eventId, "status", "cancelled");
    }

    /** The account's primary calendar, as calendarList names it (events.* also answer to "primary"). */
    public static final String PRIMARY_ID = "trainer@example.com";

    /**
     * Lists a calendar in the account's calendarList (the primary one under {@link #PRIMARY_ID}, whose events
     * are those of "primary"). Calendars not added here are unknown to calendarList and freeBusy.
     */
    public void addCalendar(String id, String summary, boolean primary) {
        freeBusy.add(new FakeFreeBusyApi.Entry(id, summary, primary, "owner"));
    }

    /**
     * freebusy.query answers this calendar with a per-calendar error (reason internalError) instead of its busy
     * periods, as Google does when it cannot read one of the requested calendars; {@code false} heals it.
     */
    public void freeBusyFails(String calendarId, boolean fails) {
        freeBusy.unreadable(calendarId, fails);
    }

    private String alias(String id) {
        return PRIMARY_ID.equals(id) ? "primary" : id;
    }

    public int apiRequests() {
        return apiRequests.get();
    }

    /** calendarList and freeBusy requests answered (the ones busy times cost; pushes and change rounds excluded). */
    public int busyRequests() {
        return busyRequests.get();
    }

    private volatile java.time.Duration tokenDelay = java.time.Duration.ZERO;

    /** The token endpoint takes this long to answer (as Google's does under load). */
    public void slowTokens(java.time.Duration delay) {
        tokenDelay = delay;
    }

    public int tokenRequests() {
        return tokenRequests.get();
    }

    private FakeCalendar calendar(String id) {
        return calendars.computeIfAbsent(id, i -> new FakeCalendar(clock));
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
