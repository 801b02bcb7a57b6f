package app.spotter.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The "bare client": plain java.net.http requests to a CalDAV server, nothing of Spotter's sync engine. It is the
 * floor Spotter's bulk push is measured against, and the benchmarks' independent view of what the server holds.
 */
final class BareDav {

    private static final Pattern HREF = Pattern.compile("<(?:[A-Za-z]+:)?href>([^<]+\\.ics)</(?:[A-Za-z]+:)?href>");

    // HTTP/1.1 like Spotter's own client (DavTransport): no h2c upgrade attempts against Radicale
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final String authorization;

    BareDav(String user, String password) {
        authorization = "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** A fresh, empty calendar collection under the user's home (MKCALENDAR), as Spotter's connect makes one. */
    URI newCalendar(URI server, String user) {
        URI calendar = server.resolve("/" + user + "/" + UUID.randomUUID() + "/");
        int status = send(HttpRequest.newBuilder(calendar).method("MKCALENDAR", HttpRequest.BodyPublishers.ofString("""
                <?xml version="1.0" encoding="utf-8"?>
                <C:mkcalendar xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:caldav"><D:set><D:prop>
                <C:supported-calendar-component-set><C:comp name="VEVENT"/></C:supported-calendar-component-set>
                </D:prop></D:set></C:mkcalendar>
                """)).header("Content-Type", "application/xml; charset=utf-8")).statusCode();
        if (status != 201) {
            throw new IllegalStateException("MKCALENDAR " + calendar + " answered " + status);
        }
        return calendar;
    }

    /** A create, exactly as Spotter sends it: {@code If-None-Match: *}. */
    int put(URI object, byte[] ics) {
        return send(HttpRequest.newBuilder(object).header("Content-Type", "text/calendar; charset=utf-8")
                .header("If-None-Match", "*").PUT(HttpRequest.BodyPublishers.ofByteArray(ics))).statusCode();
    }

    String get(URI object) {
        HttpResponse<String> r = send(HttpRequest.newBuilder(object).GET());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("GET " + object + " answered " + r.statusCode());
        }
        return r.body();
    }

    /** The .ics members of a collection, from a Depth 1 PROPFIND: the server's own view. */
    List<URI> members(URI calendar) {
        HttpResponse<String> r = send(HttpRequest.newBuilder(calendar).header("Depth", "1")
                .header("Content-Type", "application/xml; charset=utf-8")
                .method("PROPFIND", HttpRequest.BodyPublishers.ofString("""
                        <?xml version="1.0" encoding="utf-8"?>
                        <d:propfind xmlns:d="DAV:"><d:prop><d:getetag/></d:prop></d:propfind>
                        """)));
        if (r.statusCode() != 207) {
            throw new IllegalStateException("PROPFIND " + calendar + " answered " + r.statusCode());
        }
        List<URI> hrefs = new ArrayList<>();
        Matcher m = HREF.matcher(r.body());
        while (m.find()) {
            hrefs.add(calendar.resolve(m.group(1)));
        }
        return hrefs;
    }

    private HttpResponse<String> send(HttpRequest.Builder builder) {
        HttpRequest request = builder.header("Authorization", authorization).timeout(Duration.ofSeconds(60)).build();
        try {
            try {
                return http.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (IOException dropped) {
                // Radicale closes idle connections without saying so: one fresh attempt, as Spotter's client does
                return http.send(request, HttpResponse.BodyHandlers.ofString());
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
