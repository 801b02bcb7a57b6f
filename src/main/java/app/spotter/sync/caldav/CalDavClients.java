package app.spotter.sync.caldav;

import app.spotter.sync.Connection;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * One CalDavClient per connection, over one shared HttpClient, so keep-alive connections are reused across
 * bookings (a bulk push is bounded by the server, not by TLS handshakes). A changed password makes a new client.
 */
@Component
class CalDavClients {

    private record Key(String trainer, String baseUrl, String username, int secretHash) {}

    private final HttpClient http = DavTransport.defaultHttpClient();
    private final Map<Key, CalDavClient> clients = new ConcurrentHashMap<>();
    private final Clock clock;
    private final String userAgent;

    CalDavClients(Clock clock) {
        this(clock, "");
    }

    /** @param instanceName {@code spotter.instance-name}: when set, requests say {@code Spotter/<name>} */
    @Autowired
    CalDavClients(Clock clock, @Value("${spotter.instance-name:}") String instanceName) {
        this.clock = clock;
        this.userAgent = instanceName == null || instanceName.isBlank() ? null : "Spotter/" + instanceName;
    }

    CalDavClient forConnection(Connection c) {
        String base = Objects.requireNonNullElse(c.setting(AppleConnector.SERVER_URL), AppleConnector.ICLOUD);
        String username = Objects.requireNonNullElse(c.setting(AppleConnector.USERNAME), "");
        String secret = Objects.requireNonNullElse(c.secret(), "");
        Key key = new Key(c.trainerId().toString(), base, username, secret.hashCode());
        return clients.computeIfAbsent(key, k -> CalDavClient.connect(URI.create(base), username, secret, http, clock,
                userAgent));
    }

    /** A client for credentials being tried out, not yet stored. */
    CalDavClient forTrial(URI baseUrl, String username, String password) {
        return CalDavClient.connect(baseUrl, username, password, http, clock, userAgent);
    }
}
