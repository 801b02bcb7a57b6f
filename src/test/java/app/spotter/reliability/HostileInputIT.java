package app.spotter.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import app.spotter.support.ApiClient;
import app.spotter.support.Eventually;
import app.spotter.support.SpotterIT;
import app.spotter.sync.caldav.CalDavServerProcess;
import java.io.StringReader;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import net.fortuna.ical4j.data.CalendarBuilder;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Seeded fuzzing of every endpoint with random and hostile JSON, ids, zones, colours and iCalendar-hostile text
 * (CRLF, folded-line tricks, very long strings, emoji, NUL): only 2xx and 4xx answers, and what got stored still
 * renders and syncs: the trainer's Radicale calendar ends up with one well-formed object per scheduled booking,
 * each with one VEVENT of the right UID and nothing injected.
 */
class HostileInputIT extends SpotterIT {

    static final long SEED = 7_2026L;
    static final java.util.concurrent.atomic.AtomicInteger SLOT = new java.util.concurrent.atomic.AtomicInteger();
    static final int REQUESTS = 400;

    static final List<String> TEXT = List.of("", " ", "Naledi", "Dube\r\nATTENDEE:mailto:evil@example.com",
            "x\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nUID:evil", "line\nbreak", "tab\there", "semi;colon,comma\\back",
            "💪🏽 Sipho 🏋️‍♀️", "\u0000nul", "\u202Eright-to-left", "<script>alert(1)</script>", "' OR 1=1 --",
            "%s%n", "${jndi:ldap://x}", "a".repeat(499), "b".repeat(501), "ü".repeat(300), "😀".repeat(260),
            " ".repeat(74) + "fold", "\r\n \r\n\t");
    static final List<String> ZONES = List.of("Africa/Johannesburg", "UTC", "Etc/GMT+14", "Etc/GMT-14",
            "America/St_Johns", "Asia/Kathmandu", "Mars/Olympus", "", "../../etc/passwd", "+02:00", "GMT+2",
            "SystemV/AST4", "EST", "Europe/Kyiv", "Europe/Kiev", "Z", "australia/sydney", "Africa/Johannesburg\r\n");
    static final List<String> COLOURS = List.of("#1E90FF", "#fff", "#GGGGGG", "red", "#12345678", "", "#000000",
            "#ffffff", "1E90FF");
    /** Next year, so that well-formed times are always ahead of the clock. */
    static final int YEAR = java.time.Year.now().getValue() + 1;
    static final List<String> TIMES = List.of(YEAR + "-05-01T09:00:00+02:00", YEAR + "-05-01T09:00:00Z",
            YEAR + "-05-01T09:00:00", YEAR + "-13-01T09:00:00+02:00", "9999-12-31T23:59:59+14:00",
            "0001-01-01T00:00:00Z", "yesterday", YEAR + "-03-28T02:30:00+02:00",
            YEAR + "-05-01T09:00:00.123456789+02:00", YEAR + "-05-01T09:00:00-12:00");

    @Autowired
    JdbcClient jdbc;

    @Test
    void hostileRequestsGetOnly2xxOr4xxAndWhateverIsStoredStillSyncs() throws Exception {
        try (CalDavServerProcess radicale = CalDavServerProcess.start(CalDavServerProcess.Kind.RADICALE)) {
            ApiClient api = newTrainer();
            var connected = api.put("/api/v1/calendar-sync/connections/apple", """
                    {"username":"%s","app_password":"%s","server_url":"%s","calendar_name":"Fuzz"}"""
                    .formatted(CalDavServerProcess.USER, CalDavServerProcess.PASSWORD, radicale.baseUrl()));
            assertThat(connected.status()).as(connected.body()).isEqualTo(200);
            URI calendar = URI.create(connected.json().get("calendar_url").stringValue());
            String clientId = api.createClient("Naledi", "Dube", null);

            Random random = new Random(SEED);
            List<String> clients = new ArrayList<>(List.of(clientId));
            List<String> bookings = new ArrayList<>();
            Map<Integer, Integer> statuses = new TreeMap<>();
            List<String> serverErrors = new ArrayList<>();
            for (int i = 0; i < REQUESTS; i++) {
                Request r = request(random, clients, bookings);
                var response = r.anonymous ? anonymous().send(r.method, r.path, r.body) : api.send(r.method, r.path,
                        r.body);
                statuses.merge(response.status(), 1, Integer::sum);
                if (response.status() >= 500) {
                    serverErrors.add(response.status() + " " + r.method + " " + r.path + " " + r.body + " -> "
                            + response.body());
                }
                if (response.status() == 201 && response.json() != null && response.json().has("id")) {
                    (r.path.endsWith("/clients") ? clients : bookings).add(response.json().get("id").stringValue());
                }
            }
            System.out.printf("[hostile input] %d requests (seed %d), answers by status %s, stored %d clients and "
                    + "%d bookings%n", REQUESTS, SEED, statuses, clients.size(), bookings.size());
            assertThat(serverErrors).as("5xx answers").isEmpty();

            // whatever was stored must still render and sync: calendars back on, then wait for the work to drain
            assertThat(api.put("/api/v1/calendar-sync/preferences", "{\"apple_calendar_enabled\":true}").status())
                    .isEqualTo(200);
            assertThat(api.post("/api/v1/calendar-sync/sync", "{}").status()).isEqualTo(202);
            String trainerId = api.get("/api/v1/me").json().get("id").stringValue();
            Eventually.await(Duration.ofSeconds(90), "sync work drained", () -> jdbc.sql(
                    "SELECT count(*) FROM sync_pending WHERE trainer_id = CAST(? AS uuid)").param(trainerId)
                    .query(Integer.class).single() == 0);
            var status = api.get("/api/v1/calendar-sync/status").json();
            assertThat(status.toString()).as("sync status").doesNotContain("\"error\"", "needs_reconnect");

            var listed = api.get("/api/v1/bookings");
            assertThat(listed.status()).isEqualTo(200);
            List<String> scheduled = new ArrayList<>();
            listed.json().forEach(b -> {
                if ("scheduled".equals(b.get("status").stringValue())) {
                    scheduled.add(b.get("id").stringValue());
                }
            });
            CalendarOnServer dav = new CalendarOnServer(CalDavServerProcess.USER, CalDavServerProcess.PASSWORD);
            // nothing pending can still mean a push in flight (seen once in CI at load 15: one of 40 not there yet)
            List<CalendarOnServer.CalendarObject> objects = Eventually.get(Duration.ofSeconds(60), () -> {
                List<CalendarOnServer.CalendarObject> held = dav.objects(radicale.baseUrl()
                        .resolve(calendar.getRawPath()));
                assertThat(held.stream().map(o -> o.uids().getFirst().replace("@spotter.app", "")).toList())
                        .containsExactlyInAnyOrderElementsOf(scheduled);
                return held;
            });
            for (var object : objects) {
                new CalendarBuilder().build(new StringReader(object.ics()));
                assertThat(object.uids()).hasSize(1);
                assertThat(object.unfolded().lines().filter(l -> l.equals("BEGIN:VEVENT")).count()).isEqualTo(1);
                assertThat(object.unfolded()).doesNotContain("\nATTENDEE", "evil@example.com\r\n");
            }
            for (String id : clients) {
                assertThat(api.get("/api/v1/clients/" + id).status()).isEqualTo(200);
            }
        }
    }

    private record Request(String method, String path, String body, boolean anonymous) {}

    private static Request request(Random r, List<String> clients, List<String> bookings) {
        String client = pick(r, clients);
        String booking = bookings.isEmpty() ? UUID.randomUUID().toString() : pick(r, bookings);
        String anyId = switch (r.nextInt(6)) {
            case 0 -> UUID.randomUUID().toString();
            case 1 -> "not-a-uuid";
            case 2 -> "..%2F..%2Fetc%2Fpasswd";
            case 3 -> "%00";
            case 4 -> "9".repeat(300);
            default -> booking;
        };
        return switch (r.nextInt(21)) {
            // well-formed requests carrying hostile text, so that some of it is stored and must sync
            case 16, 17, 18 -> new Request("POST", "/api/v1/bookings", """
                    {"client_id":%s,"starts_at":"%s","duration_minutes":60,"location":%s,"notes":%s,"color_hex":%s}"""
                    .formatted(q(client), java.time.OffsetDateTime.parse(YEAR + "-06-01T06:00:00+02:00")
                            .plusHours(2L * SLOT.getAndIncrement()), q(pick(r, TEXT.subList(0, 16))),
                            q(pick(r, TEXT)), q(pick(r, List.of("#1E90FF", "#000000", "#ffffff")))), false);
            case 19 -> new Request("POST", "/api/v1/clients", """
                    {"first_name":%s,"last_name":%s}""".formatted(q(pick(r, TEXT.subList(2, 16))),
                    q(pick(r, TEXT.subList(2, 21)))), false);
            case 20 -> new Request("PUT", "/api/v1/calendar-sync/preferences", """
                    {"timezone_display":%s,"show_client_names":%s}""".formatted(q(pick(r, ZONES)),
                    r.nextBoolean()), false);
            case 0 -> new Request("POST", "/api/v1/clients", body(r, Map.of("first_name", text(r),
                    "last_name", text(r), "email", r.nextBoolean() ? "a@example.com" : text(r),
                    "phone", text(r))), false);
            case 1 -> new Request("PATCH", "/api/v1/clients/" + (r.nextBoolean() ? client : anyId),
                    body(r, Map.of("first_name", text(r), "last_name", text(r))), false);
            case 2, 3, 4 -> new Request("POST", "/api/v1/bookings", body(r, Map.of("client_id",
                    r.nextInt(5) == 0 ? q(anyId) : q(client), "starts_at", q(pick(r, TIMES)),
                    "duration_minutes", pick(r, List.of("60", "5", "4", "1441", "-1", "1e9", "\"60\"", "null")),
                    "location", text(r), "notes", text(r), "color_hex", q(pick(r, COLOURS)),
                    "session_type", q(pick(r, List.of("group", "online", "GROUP", "yoga", ""))))), false);
            case 5, 6 -> new Request("PATCH", "/api/v1/bookings/" + (r.nextBoolean() ? booking : anyId),
                    body(r, Map.of("starts_at", q(pick(r, TIMES)), "location", text(r), "color_hex",
                            q(pick(r, COLOURS)))), false);
            case 7 -> new Request("POST", "/api/v1/bookings/" + anyId + "/cancel", r.nextBoolean() ? null : "{}",
                    false);
            case 8 -> new Request(pick(r, List.of("GET", "DELETE")), "/api/v1/bookings/" + anyId, null, false);
            case 9 -> new Request("GET", "/api/v1/bookings?from=" + pick(r, TIMES).replace("+", "%2B") + "&to="
                    + pick(r, TIMES).replace("+", "%2B"), null, false);
            case 10, 11 -> new Request("PUT", "/api/v1/calendar-sync/preferences", body(r, Map.of(
                    "timezone_display", q(pick(r, ZONES)), "show_client_names",
                    pick(r, List.of("true", "false", "\"yes\"", "1", "null")), "sync_frequency",
                    q(pick(r, List.of("realtime", "hourly", "weekly", "REALTIME", ""))), "session_colors",
                    pick(r, List.of("{\"group\":\"#FF0000\"}", "{\"yoga\":\"#FF0000\"}", "{\"group\":\"red\"}",
                            "[]", "\"#FF0000\"", "{\"online\":" + q(pick(r, COLOURS)) + "}")),
                    "calendar_view_default", q(pick(r, List.of("week", "year", ""))))), false);
            case 12 -> new Request("PUT", "/api/v1/calendar-sync/connections/apple", body(r, Map.of("username",
                    text(r), "app_password", text(r))).replaceFirst("\\{", "{\"server_url\":" + q(pick(r,
                    List.of("ftp://x", "http://u:p@h/", "not a url", "javascript:alert(1)", "http:///nohost")))
                    + ","), false); // never a reachable server: the fuzz makes no outbound connection
            case 13 -> new Request(pick(r, List.of("POST", "DELETE")), pick(r, List.of(
                    "/api/v1/calendar-sync/sync", "/api/v1/calendar-sync/connections/" + pick(r, List.of("icloud",
                            "", "..", "google%0d%0a", "EMAIL")))), body(r, Map.of("provider", text(r))), false);
            case 14 -> new Request("POST", pick(r, List.of("/api/v1/trainers", "/api/v1/auth/tokens")),
                    body(r, Map.of("name", text(r), "email", q(pick(r, List.of("x@example.com", "x", "")))
                            .replace("x@", UUID.randomUUID() + "@"), "password", text(r),
                            "timezone", q(pick(r, ZONES)))), true);
            default -> new Request(pick(r, List.of("GET", "POST", "PUT")), pick(r, List.of("/api/v1/me",
                    "/api/v1/clients", "/api/v1/calendar-sync/status", "/api/v1/calendar-sync/preferences",
                    "/oauth/google/callback?state=" + anyId + "&code=x", "/api/v1/bookings")),
                    garbage(r), false);
        };
    }

    /** A JSON object with some of the fields (values already JSON), sometimes broken on purpose. */
    private static String body(Random r, Map<String, String> fields) {
        StringBuilder json = new StringBuilder("{");
        fields.forEach((name, value) -> {
            if (r.nextInt(4) != 0) {
                json.append(json.length() > 1 ? "," : "").append(q(name)).append(':').append(value);
            }
        });
        if (r.nextInt(10) == 0) {
            json.append(json.length() > 1 ? "," : "").append("\"unknown_field\":1");
        }
        json.append('}');
        return switch (r.nextInt(20)) {
            case 0 -> garbage(r);
            case 1 -> json.substring(0, json.length() / 2);
            default -> json.toString();
        };
    }

    private static String garbage(Random r) {
        return pick(r, List.of("", "null", "[]", "[1,2]", "\"text\"", "42", "{", "{\"a\":{\"b\":{\"c\":[[[[]]]]}}}",
                "{\"first_name\":" + "[".repeat(2000) + "}", "\u0000", "{\"starts_at\":1e999}", "true"));
    }

    /** A JSON value for a text field: a hostile string, or a wrong type. */
    private static String text(Random r) {
        return switch (r.nextInt(10)) {
            case 0 -> pick(r, List.of("null", "42", "true", "[]", "{}"));
            default -> q(pick(r, TEXT));
        };
    }

    private static String q(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    private static <T> T pick(Random r, List<T> values) {
        return values.get(r.nextInt(values.size()));
    }
}
