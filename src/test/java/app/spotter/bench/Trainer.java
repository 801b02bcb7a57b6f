package app.spotter.bench;

import app.spotter.support.ApiClient;
import app.spotter.sync.caldav.CalDavServerProcess;
import java.net.URI;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** One trainer of a benchmark, driven through Spotter's public API only (docs/api.md), as a real client would. */
final class Trainer {

    /** Bookings start here, one hour apart: never in the past, never overlapping (the overlap rule answers 409). */
    static final OffsetDateTime FIRST_SLOT = OffsetDateTime.of(2030, 1, 7, 6, 0, 0, 0, ZoneOffset.ofHours(2));

    private static final String PASSWORD = "correct horse battery";

    final ApiClient api;
    final String token;
    final String clientId;

    private Trainer(ApiClient api, String token, String clientId) {
        this.api = api;
        this.token = token;
        this.clientId = clientId;
    }

    /** A new trainer with one client; the token is kept for the load generator's own HTTP client. */
    static Trainer signUp(int port) {
        ApiClient anonymous = new ApiClient(port, null);
        String email = "bench-" + UUID.randomUUID() + "@example.com";
        expect(201, politely(() -> anonymous.post("/api/v1/trainers", """
                {"name":"Thandi Trainer","email":"%s","password":"%s","timezone":"Africa/Johannesburg"}"""
                .formatted(email, PASSWORD))));
        var token = politely(() -> anonymous.post("/api/v1/auth/tokens", """
                {"email":"%s","password":"%s"}""".formatted(email, PASSWORD)));
        expect(201, token);
        String value = token.json().get("token").stringValue();
        ApiClient api = new ApiClient(port, value);
        return new Trainer(api, value, api.createClient("Naledi", "Dube", "naledi@example.com"));
    }

    /**
     * Sends again, as a well-behaved client does, while Spotter answers 503 "busy": password hashing runs with
     * bounded concurrency, and the benchmarks sign up many trainers at once.
     */
    private static ApiClient.Response politely(java.util.function.Supplier<ApiClient.Response> call) {
        for (int attempt = 1; ; attempt++) {
            ApiClient.Response response = call.get();
            if (response.status() != 503 || attempt == 50) {
                return response;
            }
            try {
                Thread.sleep(200L * Math.min(attempt, 5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return response;
            }
        }
    }

    void syncFrequency(String frequency) {
        expect(200, api.put("/api/v1/calendar-sync/preferences", "{\"sync_frequency\":\"" + frequency + "\"}"));
    }

    /** Connects Apple to a CalDAV server (directly or through a proxy); returns the calendar's URL. */
    URI connectApple(URI serverUrl) {
        var r = api.put("/api/v1/calendar-sync/connections/apple", """
                {"username":"%s","app_password":"%s","server_url":"%s","calendar_name":"%s"}"""
                .formatted(CalDavServerProcess.USER, CalDavServerProcess.PASSWORD, serverUrl,
                        "Bench " + UUID.randomUUID()));
        expect(200, r);
        return URI.create(r.json().get("calendar_url").stringValue());
    }

    static String slot(int index) {
        return FIRST_SLOT.plusHours(index).toString();
    }

    /** Creates bookings in slots {@code 0..count-1} over {@code parallel} connections; returns their ids. */
    List<String> createBookings(int count, int parallel) throws Exception {
        List<Future<String>> ids = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(parallel)) {
            for (int i = 0; i < count; i++) {
                int slot = i;
                ids.add(pool.submit(() -> api.createBooking(clientId, slot(slot), 45)));
            }
        }
        List<String> result = new ArrayList<>();
        for (Future<String> id : ids) {
            result.add(id.get());
        }
        return result;
    }

    void syncNow() {
        expect(202, api.post("/api/v1/calendar-sync/sync", "{}"));
    }

    /** events_synced of the first (only) connection: Spotter counts a booking once the server answered its PUT. */
    int eventsSynced() {
        var r = api.get("/api/v1/calendar-sync/status");
        expect(200, r);
        return r.json().size() == 0 ? 0 : r.json().get(0).get("events_synced").intValue();
    }

    private static void expect(int status, ApiClient.Response r) {
        if (r.status() != status) {
            throw new IllegalStateException("expected " + status + ", got " + r.status() + ": " + r.body());
        }
    }
}
