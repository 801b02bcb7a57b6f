package app.spotter.sync.caldav;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Reads what the server stores without the client under test: bare HttpClient requests with constant bodies, so a
 * bug in the client cannot hide itself in its own checks.
 */
public final class RawDav {

    public record Answer(int status, String etag, String body) {}

    private final HttpClient http = HttpClient.newHttpClient();
    private final String authorization;

    public RawDav(String user, String password) {
        authorization = "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    public Answer get(URI uri) {
        return send(HttpRequest.newBuilder(uri).GET());
    }

    /** PUT without any precondition: how "someone else" changes an event behind Spotter's back. */
    public Answer put(URI uri, String ics) {
        return send(HttpRequest.newBuilder(uri).header("Content-Type", "text/calendar; charset=utf-8")
                .PUT(HttpRequest.BodyPublishers.ofString(ics)));
    }

    Answer delete(URI uri) {
        return send(HttpRequest.newBuilder(uri).DELETE());
    }

    /** Depth 1 PROPFIND of a collection's display names and resource types, as the server reports them. */
    Answer listing(URI collection) {
        return send(HttpRequest.newBuilder(collection).header("Depth", "1")
                .header("Content-Type", "application/xml; charset=utf-8")
                .method("PROPFIND", HttpRequest.BodyPublishers.ofString("""
                        <?xml version="1.0" encoding="utf-8"?>
                        <d:propfind xmlns:d="DAV:"><d:prop><d:displayname/><d:resourcetype/><d:getetag/></d:prop></d:propfind>
                        """)));
    }

    /** A Depth 1 REPORT on a collection (calendar-query, RFC 4791 7.8). */
    Answer report(URI collection, String xml) {
        return send(HttpRequest.newBuilder(collection).header("Depth", "1")
                .header("Content-Type", "application/xml; charset=utf-8")
                .method("REPORT", HttpRequest.BodyPublishers.ofString(xml)));
    }

    private Answer send(HttpRequest.Builder builder) {
        HttpRequest request = builder.header("Authorization", authorization).build();
        try {
            HttpResponse<String> response;
            try {
                response = http.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (IOException dropped) {
                // Radicale speaks HTTP/1.0 and closes idle connections silently: one fresh attempt
                response = http.send(request, HttpResponse.BodyHandlers.ofString());
            }
            return new Answer(response.statusCode(), response.headers().firstValue("ETag").orElse(null),
                    response.body());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A minimal valid VEVENT: the client only moves bytes, so tests hand it fixed text. */
    static String event(String uid, String summary) {
        return String.join("\r\n",
                "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Spotter//CalDAV tests//EN",
                "BEGIN:VEVENT", "UID:" + uid, "DTSTAMP:20260101T080000Z",
                "DTSTART:20260301T080000Z", "DTEND:20260301T090000Z", "SUMMARY:" + summary,
                "END:VEVENT", "END:VCALENDAR", "");
    }
}
