package app.spotter.sync.caldav;

import app.spotter.sync.CalendarProvider;
import app.spotter.sync.Connection;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.Authenticator;
import java.net.CookieHandler;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Flow;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * A CalDAV server as a model, inside an {@link HttpClient}: the real provider, client and transport run against it
 * without I/O. It keeps objects with ETags and answers PUT (If-None-Match / If-Match), GET, HEAD and DELETE as RFC
 * 4791 servers do, and the sync-collection REPORT (RFC 6578) from a log of which object changed at which version.
 * While {@link #faults} is on, a seeded random source makes requests fail: 5xx without applying, a connection reset
 * before applying, a response lost after applying, or someone else touching the object just before a conditional
 * write (a 412 race). {@link #trainerEdits} and {@link #trainerDeletes} are the trainer changing an event in their
 * own calendar app.
 */
public final class ModelCalDavServer extends HttpClient {

    public record Stored(byte[] body, String etag) {}

    /** Faults injected so far, by kind. */
    public final Map<String, Integer> injected = new TreeMap<>();

    private final Map<String, Stored> objects = new TreeMap<>();
    /** Path -> the collection version at which it last changed (deletions included), for sync-collection. */
    private final Map<String, Long> changedAt = new TreeMap<>();
    private long version;
    private final Random random;
    private final boolean omitsEtagOnPut;
    private int etags;
    private boolean faults;
    private int responsesToLose;
    private final Map<String, Runnable> beforeGet = new TreeMap<>();

    public ModelCalDavServer(Random random) {
        this.random = random;
        this.omitsEtagOnPut = random.nextInt(4) == 0; // some servers rewrite objects and send no ETag on PUT
    }

    /** The real CalDAV provider of Spotter, talking to this model. */
    public CalendarProvider provider(Clock clock) {
        ModelCalDavServer http = this;
        return new CalDavCalendarProvider(new CalDavClients(clock) {
            @Override
            CalDavClient forConnection(Connection c) {
                return CalDavClient.connect(URI.create(c.setting(AppleConnector.SERVER_URL)), "trainer", "pw", http,
                        clock, DavPolicy.allowingPrivateNetworks(), null);
            }
        }, new app.spotter.calendar.CalendarObjects(clock), "spotter.app");
    }

    public void faults(boolean on) {
        faults = on;
    }

    /** Runs {@code hook} once, when the next GET of {@code path} arrives and before it is answered. */
    public synchronized void beforeNextGet(String path, Runnable hook) {
        beforeGet.put(path, hook);
    }

    /** The next {@code count} requests are applied and their responses lost (the transport retries once). */
    public synchronized void loseResponses(int count) {
        responsesToLose = count;
    }

    /** Path -> stored object, as the server holds them now. */
    public Map<String, Stored> objects() {
        return Map.copyOf(objects);
    }

    @Override
    public synchronized <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler)
            throws IOException {
        String path = request.uri().getPath();
        String method = request.method();
        byte[] body = body(request);
        String ifMatch = request.headers().firstValue("If-Match").orElse(null);
        Runnable hook = beforeGet.get(path);
        if (hook != null && method.equals("GET")) {
            beforeGet.remove(path);
            hook.run(); // on this thread, before the GET is answered (the monitor is re-entrant)
        }
        if (faults) {
            int draw = random.nextInt(100);
            if (draw < 6) {
                count("5xx before applying");
                return response(request, handler, random.nextBoolean() ? 500 : 503, null, new byte[0]);
            }
            if (draw < 12) {
                count("reset before applying");
                throw new IOException("connection reset (model)");
            }
            if (draw < 20 && ifMatch != null && objects.containsKey(path)) {
                count("412 race (touched just before)");
                Stored s = objects.get(path);
                store(path, new Stored(s.body(), nextEtag()));
            }
        }
        HttpResponse<T> response = apply(request, handler, path, method, body, ifMatch);
        if (responsesToLose > 0) {
            responsesToLose--;
            count("response lost after applying");
            throw new IOException("response lost (model)");
        }
        if (faults && random.nextInt(100) < 10) {
            count("response lost after applying");
            throw new IOException("response lost (model)");
        }
        return response;
    }

    private <T> HttpResponse<T> apply(HttpRequest request, HttpResponse.BodyHandler<T> handler, String path,
            String method, byte[] body, String ifMatch) {
        Stored current = objects.get(path);
        boolean createOnly = "*".equals(request.headers().firstValue("If-None-Match").orElse(null));
        boolean matches = ifMatch == null || current != null && current.etag().equals(ifMatch);
        return switch (method) {
            case "PUT" -> {
                if (createOnly && current != null || !matches) {
                    yield response(request, handler, 412, null, new byte[0]);
                }
                Stored stored = new Stored(body, nextEtag());
                store(path, stored);
                yield response(request, handler, current == null ? 201 : 204,
                        omitsEtagOnPut ? null : stored.etag(), new byte[0]);
            }
            case "GET", "HEAD" -> current == null ? response(request, handler, 404, null, new byte[0])
                    : response(request, handler, 200, current.etag(), method.equals("GET") ? current.body() : new byte[0]);
            case "DELETE" -> {
                if (current == null) {
                    yield response(request, handler, 404, null, new byte[0]);
                }
                if (!matches) {
                    yield response(request, handler, 412, null, new byte[0]);
                }
                remove(path);
                yield response(request, handler, 204, null, new byte[0]);
            }
            case "REPORT" -> report(request, handler, new String(body, StandardCharsets.UTF_8));
            default -> response(request, handler, 405, null, new byte[0]);
        };
    }

    /**
     * The trainer edits an object in their calendar app (a new ETag, as any write there).
     *
     * @return the new ETag, or null when there is no such object
     */
    public synchronized String trainerEdits(String path, UnaryOperator<String> edit) {
        Stored current = objects.get(path);
        if (current == null) {
            return null;
        }
        Stored edited = new Stored(edit.apply(new String(current.body(), StandardCharsets.UTF_8))
                .getBytes(StandardCharsets.UTF_8), nextEtag());
        store(path, edited);
        return edited.etag();
    }

    /** The trainer deletes an object in their calendar app; false when there was none. */
    public synchronized boolean trainerDeletes(String path) {
        if (!objects.containsKey(path)) {
            return false;
        }
        remove(path);
        return true;
    }

    private void store(String path, Stored stored) {
        objects.put(path, stored);
        changedAt.put(path, ++version);
    }

    private void remove(String path) {
        objects.remove(path);
        changedAt.put(path, ++version);
    }

    /**
     * RFC 6578 sync-collection: without a token every member (3.4), with one each member changed since (3.5), a
     * removed one as a 404 response with no properties (3.5.2); a token this server never gave is refused (3.2).
     */
    private <T> HttpResponse<T> report(HttpRequest request, HttpResponse.BodyHandler<T> handler, String body) {
        Matcher token = SYNC_TOKEN.matcher(body);
        String given = token.find() ? token.group(1).trim() : "";
        long since;
        if (given.isEmpty()) {
            since = -1;
        } else if (given.startsWith(TOKEN_PREFIX) && given.substring(TOKEN_PREFIX.length()).matches("\\d{1,18}")
                && Long.parseLong(given.substring(TOKEN_PREFIX.length())) <= version) {
            since = Long.parseLong(given.substring(TOKEN_PREFIX.length()));
        } else {
            return response(request, handler, 403, null, xml(w -> {
                w.writeStartElement("d", "error", "DAV:");
                w.writeNamespace("d", "DAV:");
                w.writeEmptyElement("d", "valid-sync-token", "DAV:");
                w.writeEndElement();
            }));
        }
        byte[] answer = xml(w -> {
            w.writeStartElement("d", "multistatus", "DAV:");
            w.writeNamespace("d", "DAV:");
            for (Map.Entry<String, Long> change : changedAt.entrySet()) {
                Stored member = objects.get(change.getKey());
                if (change.getValue() <= since || since < 0 && member == null) {
                    continue;
                }
                w.writeStartElement("d", "response", "DAV:");
                element(w, "href", change.getKey());
                if (member == null) {
                    element(w, "status", "HTTP/1.1 404 Not Found");
                } else {
                    w.writeStartElement("d", "propstat", "DAV:");
                    w.writeStartElement("d", "prop", "DAV:");
                    element(w, "getetag", member.etag());
                    w.writeEndElement();
                    element(w, "status", "HTTP/1.1 200 OK");
                    w.writeEndElement();
                }
                w.writeEndElement();
            }
            element(w, "sync-token", TOKEN_PREFIX + version);
            w.writeEndElement();
        });
        return response(request, handler, 207, null, answer);
    }

    private static final String TOKEN_PREFIX = "http://model.test/sync/";
    private static final Pattern SYNC_TOKEN = Pattern.compile("sync-token>([^<]*)<");

    private static void element(XMLStreamWriter w, String name, String text) throws XMLStreamException {
        w.writeStartElement("d", name, "DAV:");
        w.writeCharacters(text);
        w.writeEndElement();
    }

    private interface Body {
        void write(XMLStreamWriter w) throws XMLStreamException;
    }

    /** Written by an XML writer, so every href and ETag is escaped (never spliced into XML text). */
    private static byte[] xml(Body body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            XMLStreamWriter w = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            w.writeStartDocument("UTF-8", "1.0");
            body.write(w);
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }

    private void count(String kind) {
        injected.merge(kind, 1, Integer::sum);
    }

    private String nextEtag() {
        return "\"e" + (++etags) + "\"";
    }

    private static byte[] body(HttpRequest request) {
        if (request.bodyPublisher().isEmpty()) {
            return new byte[0];
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CompletableFuture<byte[]> done = new CompletableFuture<>();
        request.bodyPublisher().get().subscribe(new Flow.Subscriber<>() {
            @Override
            public void onSubscribe(Flow.Subscription s) {
                s.request(Long.MAX_VALUE);
            }

            @Override
            public void onNext(ByteBuffer item) {
                byte[] chunk = new byte[item.remaining()];
                item.get(chunk);
                out.writeBytes(chunk);
            }

            @Override
            public void onError(Throwable t) {
                done.completeExceptionally(t);
            }

            @Override
            public void onComplete() {
                done.complete(out.toByteArray());
            }
        });
        return done.join();
    }

    private static <T> HttpResponse<T> response(HttpRequest request, HttpResponse.BodyHandler<T> handler, int status,
            String etag, byte[] body) {
        HttpHeaders headers = HttpHeaders.of(etag == null ? Map.of() : Map.of("ETag", List.of(etag)), (a, b) -> true);
        HttpResponse.BodySubscriber<T> subscriber = handler.apply(new HttpResponse.ResponseInfo() {
            @Override
            public int statusCode() {
                return status;
            }

            @Override
            public HttpHeaders headers() {
                return headers;
            }

            @Override
            public Version version() {
                return Version.HTTP_1_1;
            }
        });
        subscriber.onSubscribe(new Flow.Subscription() {
            @Override
            public void request(long n) {}

            @Override
            public void cancel() {}
        });
        if (body.length > 0) {
            subscriber.onNext(List.of(ByteBuffer.wrap(body)));
        }
        subscriber.onComplete();
        T value = subscriber.getBody().toCompletableFuture().join();
        return new HttpResponse<>() {
            @Override
            public int statusCode() {
                return status;
            }

            @Override
            public HttpRequest request() {
                return request;
            }

            @Override
            public Optional<HttpResponse<T>> previousResponse() {
                return Optional.empty();
            }

            @Override
            public HttpHeaders headers() {
                return headers;
            }

            @Override
            public T body() {
                return value;
            }

            @Override
            public Optional<SSLSession> sslSession() {
                return Optional.empty();
            }

            @Override
            public URI uri() {
                return request.uri();
            }

            @Override
            public Version version() {
                return Version.HTTP_1_1;
            }
        };
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        // The transport waits on sendAsync to bound each call; the model answers at once, on the caller's thread.
        try {
            return CompletableFuture.completedFuture(send(request, handler));
        } catch (IOException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler,
            HttpResponse.PushPromiseHandler<T> push) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Optional<CookieHandler> cookieHandler() {
        return Optional.empty();
    }

    @Override
    public Optional<Duration> connectTimeout() {
        return Optional.empty();
    }

    @Override
    public Redirect followRedirects() {
        return Redirect.NEVER;
    }

    @Override
    public Optional<ProxySelector> proxy() {
        return Optional.empty();
    }

    @Override
    public SSLContext sslContext() {
        return null;
    }

    @Override
    public SSLParameters sslParameters() {
        return null;
    }

    @Override
    public Optional<Authenticator> authenticator() {
        return Optional.empty();
    }

    @Override
    public Version version() {
        return Version.HTTP_1_1;
    }

    @Override
    public Optional<Executor> executor() {
        return Optional.empty();
    }
}
