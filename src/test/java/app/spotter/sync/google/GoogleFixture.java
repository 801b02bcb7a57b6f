package app.spotter.sync.google;

import app.spotter.booking.SessionType;
import app.spotter.calendar.CalendarEvent;
import app.spotter.sync.Connection;
import app.spotter.sync.Provider;
import app.spotter.sync.google.fake.FakeGoogle;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;

/** The real provider and OAuth client wired to a fresh {@link FakeGoogle}, plus booking builders. */
final class GoogleFixture implements AutoCloseable {

    static final ZoneId JOBURG = ZoneId.of("Africa/Johannesburg");
    static final Instant NINE_AM = Instant.parse("2026-03-02T07:00:00Z"); // 09:00 in Johannesburg

    final FakeGoogle google;
    final GoogleEndpoints endpoints;
    final GoogleOAuth oauth;
    final GoogleCalendarProvider provider;
    final UUID trainerId = UUID.randomUUID();
    final Connection connection;

    GoogleFixture() throws IOException {
        this(InstantSource.system());
    }

    GoogleFixture(InstantSource clock) throws IOException {
        google = new FakeGoogle();
        endpoints = GoogleEndpoints.fromEnvironment(Map.of(
                "SPOTTER_GOOGLE_API_ROOT", google.apiRoot(),
                "SPOTTER_GOOGLE_OAUTH_BASE", google.oauthBase(),
                "SPOTTER_GOOGLE_CLIENT_ID", FakeGoogle.CLIENT_ID,
                "SPOTTER_GOOGLE_CLIENT_SECRET", FakeGoogle.CLIENT_SECRET));
        BoundedHttpTransport transport = BoundedHttpTransport.withDefaults();
        oauth = new GoogleOAuth(endpoints, transport, clock);
        provider = new GoogleCalendarProvider(endpoints, oauth, transport, TrainerRateLimiter.standard(), clock);
        connection = new Connection(trainerId, Provider.GOOGLE, Map.of(), google.grantRefreshToken());
    }

    CalendarEvent booking() {
        return booking(UUID.randomUUID(), NINE_AM, 0);
    }

    CalendarEvent booking(UUID bookingId, Instant start, int sequence) {
        return new CalendarEvent(bookingId, trainerId, UUID.randomUUID(), bookingId + "@spotter.app",
                "1:1 session · Thandi Nkosi", SessionType.ONE_ON_ONE, "Sea Point Gym", start,
                start.plusSeconds(3600), JOBURG, "#dc2127", sequence, false);
    }

    JsonObject stored(CalendarEvent event) {
        return google.event("primary", event.bookingHex()).orElseThrow();
    }

    @Override
    public void close() {
        google.close();
    }
}
