package app.spotter.sync.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * A response body read into memory up to a cap. {@code BodyHandlers.ofByteArray()} reads whatever arrives, so a
 * server sending 1 GiB would have it all held; this stops at the cap (or at once when Content-Length announces
 * more) and cancels the subscription, which makes HttpClient close the connection instead of draining it.
 * Shared by the provider adapters that talk HTTP (CalDAV, Google); it knows nothing of either.
 */
public final class CappedBody implements HttpResponse.BodySubscriber<byte[]> {

    /** The answer was larger than the cap. */
    public static final class TooLarge extends IOException {
        public TooLarge(long cap) {
            super("response larger than " + cap + " bytes");
        }
    }

    private final long cap;
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private volatile Flow.Subscription subscription;
    private long received;

    private CappedBody(long cap, long declaredLength) {
        this.cap = cap;
        if (declaredLength > cap) {
            result.completeExceptionally(new TooLarge(cap));
        }
    }

    public static CappedBody of(HttpResponse.ResponseInfo info, long cap) {
        return new CappedBody(cap, info.headers().firstValueAsLong("Content-Length").orElse(-1));
    }

    @Override
    public CompletionStage<byte[]> getBody() {
        return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        subscription = s;
        if (result.isDone()) {
            s.cancel();
        } else {
            s.request(Long.MAX_VALUE);
        }
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
        if (result.isDone()) {
            return;
        }
        for (ByteBuffer item : items) {
            received += item.remaining();
            if (received > cap) {
                abort(new TooLarge(cap));
                return;
            }
            byte[] chunk = new byte[item.remaining()];
            item.get(chunk);
            bytes.writeBytes(chunk);
        }
    }

    @Override
    public void onError(Throwable error) {
        result.completeExceptionally(error);
    }

    @Override
    public void onComplete() {
        result.complete(bytes.toByteArray());
    }

    /** Stops reading (deadline passed or cap hit); the connection is closed, not returned to the pool. */
    public void abort(Throwable why) {
        result.completeExceptionally(why);
        Flow.Subscription s = subscription;
        if (s != null) {
            s.cancel();
        }
    }
}
