package app.spotter.sync.caldav;

import app.spotter.sync.Connection;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * One CalDavClient per connection, over one shared HttpClient, so keep-alive connections are reused across
 * bookings (a bulk push is bounded by the server, not by TLS handshakes). A changed password makes a new client.
 */
@Component
class CalDavClients {

    private record Key(String trainer, String baseUrl, String username, int secretHash) {}

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(CalDavClients.class);

    private final HttpClient http = DavTransport.defaultHttpClient();
    private final Map<Key, CalDavClient> clients = new ConcurrentHashMap<>();
    private final Clock clock;
    private final String userAgent;
    private final DavPolicy policy;

    CalDavClients(Clock clock) {
        this(clock, "", DavPolicy.DEFAULT);
    }

    /**
     * @param instanceName {@code spotter.instance-name}: when set, requests say {@code Spotter/<name>}
     * @param deadline {@code spotter.caldav.deadline}: total time for one call, body included
     * @param maxMultistatus {@code spotter.caldav.max-multistatus-size}: cap for PROPFIND and REPORT answers
     * @param maxObject {@code spotter.caldav.max-object-size}: cap for any other answer
     * @param allowPrivateNetworks {@code spotter.caldav.allow-private-networks}: reach non-public addresses
     */
    @Autowired
    CalDavClients(Clock clock, @Value("${spotter.instance-name:}") String instanceName,
            @Value("${spotter.caldav.deadline:30s}") Duration deadline,
            @Value("${spotter.caldav.max-multistatus-size:8MB}") DataSize maxMultistatus,
            @Value("${spotter.caldav.max-object-size:1MB}") DataSize maxObject,
            @Value("${spotter.caldav.allow-private-networks:false}") boolean allowPrivateNetworks) {
        this(clock, instanceName, new DavPolicy(deadline, maxMultistatus.toBytes(), maxObject.toBytes(),
                allowPrivateNetworks));
    }

    CalDavClients(Clock clock, String instanceName, DavPolicy policy) {
        this.clock = clock;
        this.userAgent = instanceName == null || instanceName.isBlank() ? null : "Spotter/" + instanceName;
        this.policy = policy;
        if (!policy.allowPrivateNetworks() && !PinnedAddresses.installed()) {
            // Without the resolver the address check still runs, but DNS rebinding could race it.
            log.warn("The JVM did not load Spotter's CalDAV address resolver; checked CalDAV addresses are not pinned");
        }
    }

    CalDavClient forConnection(Connection c) {
        String base = Objects.requireNonNullElse(c.setting(AppleConnector.SERVER_URL), AppleConnector.ICLOUD);
        String username = Objects.requireNonNullElse(c.setting(AppleConnector.USERNAME), "");
        String secret = Objects.requireNonNullElse(c.secret(), "");
        Key key = new Key(c.trainerId().toString(), base, username, secret.hashCode());
        return clients.computeIfAbsent(key, k -> CalDavClient.connect(URI.create(base), username, secret, http, clock,
                policy, userAgent));
    }

    /** A client for credentials being tried out, not yet stored. */
    CalDavClient forTrial(URI baseUrl, String username, String password) {
        return CalDavClient.connect(baseUrl, username, password, http, clock, policy, userAgent);
    }
}
