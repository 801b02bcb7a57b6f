package app.spotter.sync.caldav;

import app.spotter.sync.SyncFailure;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import javax.net.ssl.SSLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends WebDAV requests with HTTP Basic auth, timeouts and self-handled redirects. It answers with whatever status
 * the server gave (operations decide which are outcomes and which are failures); only I/O trouble and refused
 * redirects become {@link SyncFailure}s here. Logs name the method, URL and status, never a header.
 */
final class DavTransport {

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private static final Logger log = LoggerFactory.getLogger(DavTransport.class);

    private final HttpClient http;
    private final String authorization;
    private final FailureMapper failures;
    private final String userAgent;

    DavTransport(HttpClient http, String username, String password, Clock clock) {
        this(http, username, password, clock, null);
    }

    /** @param userAgent sent as User-Agent when given (which Spotter instance wrote what), else the JDK's */
    DavTransport(HttpClient http, String username, String password, Clock clock, String userAgent) {
        this.http = http;
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

    DavExchange send(DavRequest request) throws SyncFailure {
        DavRequest current = request;
        boolean credentials = true;
        for (int hop = 0; ; hop++) {
            DavExchange exchange = once(current, credentials);
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
            credentials = credentials && Redirects.keepsCredentials(current.uri(), next.get());
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
    private DavExchange once(DavRequest request, boolean credentials) throws SyncFailure {
        try {
            return attempt(request, credentials);
        } catch (BrokenConnection first) {
            log.debug("{} retried after a dropped connection: {}", request, first.cause.toString());
            try {
                return attempt(request, credentials);
            } catch (BrokenConnection second) {
                throw failures.forIo(second.cause, request.uri().getHost());
            }
        }
    }

    private DavExchange attempt(DavRequest request, boolean credentials) throws SyncFailure, BrokenConnection {
        HttpRequest.BodyPublisher body = request.body() == null
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(request.body());
        HttpRequest.Builder builder = HttpRequest.newBuilder(request.uri())
                .timeout(REQUEST_TIMEOUT)
                .method(request.method(), body);
        request.headers().forEach(builder::header);
        if (userAgent != null) {
            builder.header("User-Agent", userAgent);
        }
        if (credentials) {
            // Preemptive: iCloud and Radicale both expect Basic on the first request, saving a 401 round trip.
            builder.header("Authorization", authorization);
        }
        long started = System.nanoTime();
        try {
            HttpResponse<byte[]> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
            DavExchange exchange = new DavExchange(request.method(), request.uri(), response.statusCode(),
                    response.headers(), response.body() == null ? new byte[0] : response.body());
            log.debug("{} in {} ms", exchange, (System.nanoTime() - started) / 1_000_000);
            return exchange;
        } catch (HttpTimeoutException | ConnectException | SSLException e) {
            // Slow, unreachable or untrusted: repeating at once would not help, the engine's backoff may.
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

    /** The connection broke after it was established: possibly a dead pooled socket, worth one fresh try. */
    private static final class BrokenConnection extends Exception {
        private final IOException cause;

        BrokenConnection(IOException cause) {
            super(cause);
            this.cause = cause;
        }
    }
}
