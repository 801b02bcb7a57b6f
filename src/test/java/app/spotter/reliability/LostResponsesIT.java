package app.spotter.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import app.spotter.support.ApiClient;
import app.spotter.support.Eventually;
import app.spotter.support.FaultyProxy;
import app.spotter.support.SpotterIT;
import app.spotter.sync.caldav.CalDavServerProcess;
import app.spotter.sync.google.fake.FakeGoogle;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A seeded chaos proxy between Spotter and both a real Radicale and the fake Google: 10% of responses dropped after
 * the server applied the request, 5% of connections reset before forwarding, 20% delayed. Meanwhile bookings are
 * created, rescheduled, cancelled and deleted. Once the chaos stops, both calendars hold exactly the scheduled
 * bookings at their current times: no duplicate, none missing, nothing cancelled left behind.
 */
class LostResponsesIT extends SpotterIT {

    static final long SEED = 20261124L;
    static final int BOOKINGS = 240;
    static final ZoneId JOBURG = ZoneId.of("Africa/Johannesburg");
    static final FakeGoogle GOOGLE = start();
    static final FaultyProxy GOOGLE_PROXY = proxy(URI.create(GOOGLE.apiRoot()));

    @DynamicPropertySource
    static void google(DynamicPropertyRegistry registry) {
        registry.add("spotter.google.client-id", () -> FakeGoogle.CLIENT_ID);
        registry.add("spotter.google.client-secret", () -> FakeGoogle.CLIENT_SECRET);
        registry.add("spotter.google.api-root", () -> GOOGLE_PROXY.uri().toString());
        registry.add("spotter.google.oauth-base", GOOGLE::oauthBase);
    }

    @AfterAll
    static void stop() {
        GOOGLE_PROXY.close();
        GOOGLE.close();
    }

    @Test
    void droppedResetAndDelayedResponsesLeaveNoDuplicateAndNothingMissing() throws Exception {
        try (CalDavServerProcess radicale = CalDavServerProcess.start(CalDavServerProcess.Kind.RADICALE);
                FaultyProxy davProxy = new FaultyProxy(radicale.baseUrl())) {
            ApiClient api = newTrainer();
            String clientId = api.createClient("Naledi", "Dube", null);
            var apple = api.put("/api/v1/calendar-sync/connections/apple", """
                    {"username":"%s","app_password":"%s","server_url":"%s","calendar_name":"Chaos"}"""
                    .formatted(CalDavServerProcess.USER, CalDavServerProcess.PASSWORD, davProxy.uri()));
            assertThat(apple.status()).as(apple.body()).isEqualTo(200);
            URI calendar = radicale.baseUrl().resolve(URI.create(apple.json().get("calendar_url").stringValue())
                    .getRawPath());
            connectGoogle(api);

            var chaos = new FaultyProxy.Chaos(SEED, 0.10, 0.05, 0.20, Duration.ofMillis(300));
            davProxy.chaos(chaos);
            GOOGLE_PROXY.chaos(new FaultyProxy.Chaos(SEED + 1, 0.10, 0.05, 0.20, Duration.ofMillis(300)));
            Map<String, Instant> expected = churn(api, clientId, new Random(SEED));
            davProxy.chaos(null);
            GOOGLE_PROXY.chaos(null);
            long calm = System.nanoTime();
            assertThat(api.post("/api/v1/calendar-sync/sync", "{}").status()).isEqualTo(202);

            CalendarOnServer dav = new CalendarOnServer(CalDavServerProcess.USER, CalDavServerProcess.PASSWORD);
            Eventually.await(Duration.ofSeconds(300), "both calendars converge", () ->
                    appleStarts(dav, calendar).equals(expected) && googleStarts().equals(expected));
            double converged = (System.nanoTime() - calm) / 1e9;

            List<String> uids = dav.objects(calendar).stream().flatMap(o -> o.uids().stream()).toList();
            long duplicates = uids.size() - uids.stream().distinct().count();
            System.out.printf("[lost responses] %d bookings kept of %d created; CalDAV proxy: %d forwarded, %d "
                            + "responses dropped after applying, %d connections reset, %d delayed; Google proxy: %d "
                            + "forwarded, %d dropped, %d reset, %d delayed; converged %.1f s after the chaos stopped; "
                            + "duplicates %d, missing %d%n", expected.size(), BOOKINGS, davProxy.forwarded(),
                    davProxy.dropped(), davProxy.reset(), davProxy.delayed(), GOOGLE_PROXY.forwarded(),
                    GOOGLE_PROXY.dropped(), GOOGLE_PROXY.reset(), GOOGLE_PROXY.delayed(), converged, duplicates,
                    expected.size() - appleStarts(dav, calendar).size());
            assertThat(davProxy.dropped()).isPositive();
            assertThat(GOOGLE_PROXY.dropped()).isPositive();
            assertThat(duplicates).isZero();
            assertThat(dav.resources(calendar)).hasSize(expected.size());
            Eventually.await(Duration.ofSeconds(30), "status ok with every event counted", () -> {
                var status = api.get("/api/v1/calendar-sync/status").json();
                for (var provider : status) {
                    if (!"ok".equals(provider.get("sync_status").stringValue())
                            || provider.get("events_synced").intValue() != expected.size()) {
                        return false;
                    }
                }
                return status.size() == 2;
            });
        }
    }

    /** Creates, reschedules, cancels and deletes; returns the scheduled bookings' ids and start times. */
    private Map<String, Instant> churn(ApiClient api, String clientId, Random random) {
        Map<String, Instant> scheduled = new HashMap<>();
        List<String> live = new ArrayList<>();
        OffsetDateTime first = OffsetDateTime.now(java.time.ZoneOffset.ofHours(2))
            .truncatedTo(java.time.temporal.ChronoUnit.DAYS).plusDays(1).withHour(6); // tomorrow: no fixed date
        for (int i = 0; i < BOOKINGS; i++) {
            // each booking owns a 12-hour slot, so moves within it never overlap another booking
            OffsetDateTime start = first.plusHours(12L * i);
            String id = api.createBooking(clientId, start.toString(), 60);
            scheduled.put(id, start.toInstant());
            live.add(id);
            if (i % 3 == 2) {
                String target = live.get(random.nextInt(live.size()));
                int what = random.nextInt(10);
                if (what < 6) {
                    Instant moved = scheduled.get(target).plus(Duration.ofMinutes(30));
                    var r = api.patch("/api/v1/bookings/" + target, "{\"starts_at\":\"%s\"}"
                            .formatted(moved.atZone(JOBURG).toOffsetDateTime()));
                    assertThat(r.status()).as(r.body()).isEqualTo(200);
                    scheduled.put(target, moved);
                } else if (what < 8) {
                    assertThat(api.post("/api/v1/bookings/" + target + "/cancel", null).status()).isEqualTo(200);
                    scheduled.remove(target);
                    live.remove(target);
                } else {
                    assertThat(api.delete("/api/v1/bookings/" + target).status()).isEqualTo(204);
                    scheduled.remove(target);
                    live.remove(target);
                }
            }
        }
        return scheduled;
    }

    private static Map<String, Instant> appleStarts(CalendarOnServer dav, URI calendar) {
        DateTimeFormatter local = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");
        return dav.objects(calendar).stream().collect(Collectors.toMap(
                o -> o.uids().getFirst().replace("@spotter.app", ""),
                o -> java.time.LocalDateTime.parse(o.unfolded().lines()
                        .filter(l -> l.startsWith("DTSTART;TZID=Africa/Johannesburg:")).findFirst().orElseThrow()
                        .substring("DTSTART;TZID=Africa/Johannesburg:".length()), local).atZone(JOBURG).toInstant(),
                (x, y) -> x));
    }

    private static Map<String, Instant> googleStarts() {
        return GOOGLE.events("primary").stream()
                .filter(e -> !"cancelled".equals(e.get("status").getAsString()))
                .collect(Collectors.toMap(LostResponsesIT::bookingId, e -> OffsetDateTime.parse(
                        e.getAsJsonObject("start").get("dateTime").getAsString()).toInstant(), (x, y) -> x));
    }

    private static String bookingId(JsonObject event) {
        String hex = event.get("id").getAsString();
        return hex.replaceFirst("(\\w{8})(\\w{4})(\\w{4})(\\w{4})(\\w{12})", "$1-$2-$3-$4-$5");
    }

    /** Plays the trainer's browser through the fake Google's consent and back to Spotter's callback. */
    private void connectGoogle(ApiClient api) throws Exception {
        var started = api.post("/api/v1/calendar-sync/connections/google", null);
        assertThat(started.status()).as(started.body()).isEqualTo(200);
        URI consent = URI.create(started.json().get("authorization_url").stringValue());
        HttpResponse<String> result = FakeGoogle.consentAndReturn(consent, port);
        assertThat(result.statusCode()).as(result.body()).isEqualTo(200);
    }

    private static FakeGoogle start() {
        try {
            return new FakeGoogle();
        } catch (IOException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private static FaultyProxy proxy(URI target) {
        try {
            return new FaultyProxy(target);
        } catch (IOException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
}
