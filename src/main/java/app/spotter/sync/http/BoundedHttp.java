package app.spotter.sync.http;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One HTTP exchange that costs at most a deadline and a size cap. {@code HttpRequest.timeout} stops counting when
 * the headers arrive, so a server that sends headers and then one byte a second would hold the caller for ever;
 * here the whole exchange, body included, is waited for only until the deadline, then the body is abandoned and
 * the connection closed.
 */
public final class BoundedHttp {

    /** The deadline passed before the whole answer arrived (headers or body). */
    public static final class DeadlineExceeded extends HttpTimeoutException {
        public DeadlineExceeded() {
            super("no complete answer before the deadline");
        }
    }

    private BoundedHttp() {}

    /**
     * @param deadline {@link System#nanoTime()} by which the answer must be complete
     * @throws DeadlineExceeded when it was not; {@link CappedBody.TooLarge} when the body exceeded {@code cap};
     *     any other IOException as HttpClient reported it (connect timeout, refused, reset, TLS)
     */
    public static HttpResponse<byte[]> send(HttpClient http, HttpRequest.Builder request, long cap, long deadline)
            throws IOException, InterruptedException {
        long remaining = deadline - System.nanoTime();
        if (remaining <= 0) {
            throw new DeadlineExceeded();
        }
        // Until the headers arrive; the body is bounded by the wait below.
        request.timeout(Duration.ofNanos(remaining));
        AtomicReference<CappedBody> reader = new AtomicReference<>();
        CompletableFuture<HttpResponse<byte[]>> pending = http.sendAsync(request.build(), info -> {
            CappedBody capped = CappedBody.of(info, cap);
            reader.set(capped);
            return capped;
        });
        try {
            return pending.get(remaining, TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            stop(pending, reader, e);
            throw new DeadlineExceeded();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof HttpTimeoutException && !(cause instanceof HttpConnectTimeoutException)) {
                throw new DeadlineExceeded();
            }
            if (cause instanceof IOException io) {
                throw io;
            }
            throw new IOException(cause);
        } catch (InterruptedException e) {
            stop(pending, reader, e);
            throw e;
        }
    }

    private static void stop(CompletableFuture<?> pending, AtomicReference<CappedBody> reader, Throwable why) {
        CappedBody body = reader.get();
        if (body != null) {
            body.abort(why);
        }
        pending.cancel(true);
    }
}
