package app.spotter.sync.caldav;

import app.spotter.sync.SyncFailure;
import app.spotter.sync.http.BoundedHttp;
import app.spotter.sync.http.CappedBody;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import javax.net.ssl.SSLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends WebDAV requests with HTTP Basic auth, bounded cost and self-handled redirects. It answers with whatever
 * status the server gave (operations decide which are outcomes and which are failures); only I/O trouble, refused
 * addresses or redirects, and exceeded limits become {@link SyncFailure}s here. Logs name the method, URL and
 * status, never a header.
 *
 * <p>Bounds ({@link DavPolicy}): one call, redirects and the retry on a dropped connection included, ends within
 * the deadline, headers and body alike ({@code HttpRequest.timeout} alone stops counting once headers arrive), and
 * holds at most the size cap in memory. Before every request the host is resolved and each address checked
 * ({@link PublicAddresses}); the checked addresses are the ones connected to ({@link PinnedAddresses}).
 * Credentials go only to the origin the trainer entered (for iCloud also its {@code *.icloud.com} hosts).
 */
final class DavTransport {

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

    private static final Logger log = LoggerFactory.getLogger(DavTransport.class);

    private final HttpClient http;
    private final String authorization;
    private final FailureMapper failures;
    private final String userAgent;
    private final DavPolicy policy;
    private final URI origin;
    private final Predicate<InetAddress> publicAddress;

    /** For tests on loopback: private networks allowed, credentials for the origin of each call's first request. */
    DavTransport(HttpClient http, String username, String password, Clock clock) {
        this(http, DavPolicy.allowingPrivateNetworks(), null, username, password, clock, null);
    }

    /**
     * @param origin the URL the trainer entered: credentials go to its origin only; null: to each call's first URL
     * @param userAgent sent as User-Agent when given (which Spotter instance wrote what), else the JDK's
     */
    DavTransport(HttpClient http, DavPolicy policy, URI origin, String username, String password, Clock clock,
            String userAgent) {
        this(http, policy, PublicAddresses::isPublic, origin, username, password, clock, userAgent);
    }

    /** @param publicAddress which resolved addresses count as public (tests stand a loopback server in for one) */
    DavTransport(HttpClient http, DavPolicy policy, Predicate<InetAddress> publicAddress, URI origin, String username,
            String password, Clock clock, String userAgent) {
        this.http = http;
        this.publicAddress = publicAddress;
        this.policy = policy;
        this.origin = origin;
        this.userAgent = userAgent;
        // RFC 7617 2.1: user-id ":" password, UTF-8 (the charset every current server assumes), base64.
        this.authorization = "Basic " + Base64.getEncoder()
                .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
        this.failures = new FailureMapper(clock);
    }

    static HttpClient defaultHttpClient() {
        return HttpClient.newBuilder()
                .connectTimeout(CONNECT_TIMEOUT)
                // Redirects are followed by send() so that DAV bodies and credentials are handled deliberately.
                .followRedirects(HttpClient.Redirect.NEVER)
                // HTTP/1.1: no h2c upgrade attempts against small servers such as Radicale's WSGI server.
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    FailureMapper failures() {
        return failures;
    }

    DavPolicy policy() {
        return policy;
    }

    DavExchange send(DavRequest request) throws SyncFailure {
        long deadline = System.nanoTime() + policy.deadline().toNanos();
        URI trusted = origin != null ? origin : request.uri();
        DavRequest current = request;
        for (int hop = 0; ; hop++) {
            boolean credentials = Redirects.keepsCredentials(trusted, current.uri());
            DavExchange exchange = once(current, credentials, deadline);
            if (!credentials && exchange.status() == 401) {
                // A server sent us elsewhere (redirect or discovered href), and that host wants the password.
                throw new CredentialsWithheld(trusted.getHost(), current.uri().getHost());
            }
            Optional<URI> next;
            try {
                next = Redirects.target(current.uri(), exchange.status(), exchange.header("Location"));
            } catch (Redirects.RefusedRedirect refused) {
                throw SyncFailure.permanent("The calendar server " + current.uri().getHost() + " sent "
                        + refused.getMessage() + "; Spotter did not follow it.", null);
            }
            if (next.isEmpty()) {
                return exchange;
            }
            if (hop + 1 >= Redirects.MAX_HOPS) {
                throw SyncFailure.permanent("The calendar server " + request.uri().getHost()
                        + " redirected Spotter too many times; check the server address.", null);
            }
            log.debug("{} redirected ({}) to {}", current, exchange.status(), next.get());
            current = current.redirectedTo(next.get(), exchange.status() == 303);
        }
    }

    /**
     * One request, repeated once when a kept-alive connection turned out to be dead. HTTP/1.0 servers such as
     * Radicale's close after every answer without saying "Connection: close", so HttpClient may hand out a pooled
     * socket the server already closed; it retries only GET/HEAD itself. Spotter's methods are idempotent (RFC 9110
     * 9.2.2; a repeated conditional PUT at worst answers 412, which the engine treats as "exists, re-read"), and
     * MKCALENDAR goes to a fresh path that {@link Calendars#create} checks after any refusal, so one retry on a
     * fresh connection is safe for all of them.
     */
    private DavExchange once(DavRequest request, boolean credentials, long deadline) throws SyncFailure {
        URI uri = request.uri();
        if (uri.getHost() == null
                || !("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))) {
            // A discovered href may name any scheme (file:, gopher:); HttpClient would refuse it with a 500 for us.
            throw SyncFailure.permanent("The calendar server pointed Spotter to an address that is not an http(s) "
                    + "URL; Spotter did not follow it.", null);
        }
        checkAddress(uri);
        try {
            return attempt(request, credentials, deadline);
        } catch (BrokenConnection first) {
            log.debug("{} retried after a dropped connection: {}", request, first.cause.toString());
            try {
                return attempt(request, credentials, deadline);
            } catch (BrokenConnection second) {
                throw failures.forIo(second.cause, request.uri().getHost());
            }
        }
    }

    /**
     * Resolves the host and refuses it unless every address is public; then pins those addresses so that the
     * connection HttpClient opens next goes to one of them, whatever DNS answers by then.
     */
    private void checkAddress(URI uri) throws SyncFailure {
        if (policy.allowPrivateNetworks()) {
            return;
        }
        String host = uri.getHost();
        if (host == null) {
            throw new AddressRefused(String.valueOf(uri.getAuthority()));
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            throw failures.forIo(e, host);
        }
        for (InetAddress address : addresses) {
            if (!publicAddress.test(address)) {
                log.debug("refused {}: {} is not public", uri, address);
                throw new AddressRefused(host);
            }
        }
        PinnedAddresses.pin(host, List.of(addresses), policy.deadline().plus(CONNECT_TIMEOUT));
    }

    private DavExchange attempt(DavRequest request, boolean credentials, long deadline)
            throws SyncFailure, BrokenConnection {
        HttpRequest.BodyPublisher body = request.body() == null
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(request.body());
        HttpRequest.Builder builder = HttpRequest.newBuilder(request.uri()).method(request.method(), body);
        request.headers().forEach(builder::header);
        if (userAgent != null) {
            builder.header("User-Agent", userAgent);
        }
        if (credentials) {
            // Preemptive: iCloud and Radicale both expect Basic on the first request, saving a 401 round trip.
            builder.header("Authorization", authorization);
        }
        long cap = policy.capFor(request.method());
        long started = System.nanoTime();
        try {
            HttpResponse<byte[]> response = BoundedHttp.send(http, builder, cap, deadline);
            DavExchange exchange = new DavExchange(request.method(), request.uri(), response.statusCode(),
                    response.headers(), response.body() == null ? new byte[0] : response.body());
            log.debug("{} in {} ms", exchange, (System.nanoTime() - started) / 1_000_000);
            return exchange;
        } catch (BoundedHttp.DeadlineExceeded e) {
            // A server that stalls or trickles: the connection is closed; it costs no more than this.
            log.debug("{} passed its deadline", request);
            throw tooSlow(request);
        } catch (CappedBody.TooLarge e) {
            log.debug("{} answered more than {} bytes", request, cap);
            throw SyncFailure.transientFailure("The calendar server " + request.uri().getHost()
                    + " sent an answer larger than " + size(cap) + ", far more than a calendar needs; Spotter "
                    + "stopped reading it. Spotter will retry.", null, e);
        } catch (HttpTimeoutException | ConnectException | SSLException e) {
            // Unreachable or untrusted: repeating at once would not help, the engine's backoff may.
            log.debug("{} failed: {}", request, e.toString());
            throw failures.forIo(e, request.uri().getHost());
        } catch (IOException e) {
            throw new BrokenConnection(e);
        } catch (InterruptedException e) {
            // Keep the interrupt for the scheduler that is shutting us down; the work stays pending.
            Thread.currentThread().interrupt();
            throw SyncFailure.transientFailure("Spotter was interrupted while talking to the calendar server.",
                    null, e);
        }
    }

    private SyncFailure tooSlow(DavRequest request) {
        return SyncFailure.transientFailure("The calendar server " + request.uri().getHost()
                + " did not finish answering within " + policy.deadline().toSeconds() + " seconds; Spotter will "
                + "retry.", null, null);
    }

    private static String size(long bytes) {
        return bytes >= 1024 * 1024 ? (bytes / (1024 * 1024)) + " MiB"
                : bytes >= 1024 ? (bytes / 1024) + " KiB" : bytes + " bytes";
    }

    /** The connection broke after it was established: possibly a dead pooled socket, worth one fresh try. */
    private static final class BrokenConnection extends Exception {
        private final IOException cause;

        BrokenConnection(IOException cause) {
            super(cause);
            this.cause = cause;
        }
    }
}
