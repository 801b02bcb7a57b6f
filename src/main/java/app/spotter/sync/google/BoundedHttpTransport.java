package app.spotter.sync.google;

import app.spotter.sync.http.BoundedHttp;
import app.spotter.sync.http.CappedBody;
import com.google.api.client.http.HttpTransport;
import com.google.api.client.http.LowLevelHttpRequest;
import com.google.api.client.http.LowLevelHttpResponse;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;

/**
 * The official Google client's HTTP transport, over {@code java.net.http.HttpClient}, with a total deadline per
 * request and a cap on each answer. {@code NetHttpTransport} has only connect and read timeouts: a read timeout
 * restarts with every byte, so a server trickling one byte a second would hold a sync worker for ever, and an
 * answer of any size would be read whole. The client library above is unchanged (it builds, signs, retries and
 * parses as with any transport); a gzip answer is inflated here so that the cap holds for the inflated size.
 */
final class BoundedHttpTransport extends HttpTransport {

    /** Headers HttpClient sets itself and refuses to take from the caller. */
    private static final Set<String> RESTRICTED = Set.of("connection", "content-length", "expect", "host", "upgrade");

    private final HttpClient http;
    private final Duration deadline;
    private final long maxListingBytes;
    private final long maxObjectBytes;

    /**
     * @param maxListingBytes cap for GET answers (a page of events)
     * @param maxObjectBytes cap for every other answer (one event, a token)
     */
    BoundedHttpTransport(Duration connectTimeout, Duration deadline, long maxListingBytes, long maxObjectBytes) {
        this.http = HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                // The Google client follows redirects itself (HttpRequest.setFollowRedirects), as on NetHttpTransport.
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
        this.deadline = deadline;
        this.maxListingBytes = maxListingBytes;
        this.maxObjectBytes = maxObjectBytes;
    }

    /** 10 s to connect, 30 s per request in all, 8 MiB for a page of events, 1 MiB for anything else. */
    static BoundedHttpTransport withDefaults() {
        return new BoundedHttpTransport(Duration.ofSeconds(10), Duration.ofSeconds(30), 8L * 1024 * 1024, 1024 * 1024);
    }

    @Override
    public boolean supportsMethod(String method) {
        // HttpClient sends any method, PATCH included (NetHttpTransport needs X-HTTP-Method-Override for it).
        return true;
    }

    @Override
    protected LowLevelHttpRequest buildRequest(String method, String url) {
        return new Request(method, url);
    }

    private final class Request extends LowLevelHttpRequest {
        private final String method;
        private final String url;
        private final List<String[]> headers = new ArrayList<>();

        Request(String method, String url) {
            this.method = method;
            this.url = url;
        }

        @Override
        public void addHeader(String name, String value) {
            if (!RESTRICTED.contains(name.toLowerCase(Locale.ROOT))) {
                headers.add(new String[] {name, value});
            }
        }

        @Override
        public LowLevelHttpResponse execute() throws IOException {
            long until = System.nanoTime() + deadline.toNanos();
            HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.noBody();
            if (getStreamingContent() != null) {
                // Events and token requests are small: written out whole, as NetHttpTransport's fixed-length mode.
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                getStreamingContent().writeTo(out);
                body = HttpRequest.BodyPublishers.ofByteArray(out.toByteArray());
            }
            HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url)).method(method, body);
            headers.forEach(h -> builder.header(h[0], h[1]));
            if (getContentType() != null) {
                builder.header("Content-Type", getContentType());
            }
            if (getContentEncoding() != null) {
                builder.header("Content-Encoding", getContentEncoding());
            }
            long cap = "GET".equals(method) ? maxListingBytes : maxObjectBytes;
            try {
                return new Response(BoundedHttp.send(http, builder, cap, until), cap);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.io.InterruptedIOException("interrupted while waiting for Google");
            }
        }
    }

    private static final class Response extends LowLevelHttpResponse {
        private final HttpResponse<byte[]> response;
        private final List<Map.Entry<String, String>> headers = new ArrayList<>();
        private final byte[] content;
        private final boolean inflated;

        Response(HttpResponse<byte[]> response, long cap) throws IOException {
            this.response = response;
            String encoding = response.headers().firstValue("Content-Encoding").orElse("");
            this.inflated = encoding.equalsIgnoreCase("gzip");
            response.headers().map().forEach((name, values) -> {
                boolean stale = inflated && (name.equalsIgnoreCase("Content-Encoding")
                        || name.equalsIgnoreCase("Content-Length"));
                if (!stale) {
                    values.forEach(v -> headers.add(Map.entry(name, v)));
                }
            });
            this.content = inflated ? inflate(response.body(), cap) : response.body();
        }

        /** Inflates within the cap: a small gzip answer may expand a thousandfold. */
        private static byte[] inflate(byte[] gzip, long cap) throws IOException {
            if (gzip.length == 0) {
                return gzip;
            }
            try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gzip))) {
                byte[] inflated = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, cap + 1));
                if (inflated.length > cap) {
                    throw new CappedBody.TooLarge(cap);
                }
                return inflated;
            }
        }

        @Override
        public InputStream getContent() {
            return new ByteArrayInputStream(content);
        }

        @Override
        public String getContentEncoding() {
            // Already inflated: the client must not inflate again.
            return inflated ? null : response.headers().firstValue("Content-Encoding").orElse(null);
        }

        @Override
        public long getContentLength() {
            return content.length;
        }

        @Override
        public String getContentType() {
            return response.headers().firstValue("Content-Type").orElse(null);
        }

        @Override
        public String getStatusLine() {
            return "HTTP/1.1 " + response.statusCode();
        }

        @Override
        public int getStatusCode() {
            return response.statusCode();
        }

        @Override
        public String getReasonPhrase() {
            return null;
        }

        @Override
        public int getHeaderCount() {
            return headers.size();
        }

        @Override
        public String getHeaderName(int index) {
            return headers.get(index).getKey();
        }

        @Override
        public String getHeaderValue(int index) {
            return headers.get(index).getValue();
        }
    }
}
