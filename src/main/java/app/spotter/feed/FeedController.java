package app.spotter.feed;

import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * {@code GET /feeds/{token}.ics}: the token is the only credential (calendar apps cannot log in). It is never
 * logged, never put in an exception message, and an unknown or rotated token gets exactly the 404 any unknown
 * path gets, so nothing tells a guessed token from a revoked one.
 */
@RestController
class FeedController {

    static final MediaType TEXT_CALENDAR = new MediaType("text", "calendar", StandardCharsets.UTF_8);
    // Tokens.newToken(): 32 random bytes, base64url without padding
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");
    // calendar apps poll every few minutes to hours; five minutes of private caching spares re-renders
    private static final CacheControl CACHING = CacheControl.maxAge(Duration.ofMinutes(5)).cachePrivate();

    private final Feeds feeds;

    FeedController(Feeds feeds) {
        this.feeds = feeds;
    }

    /**
     * Answers 304 from the cheap entity tag alone, else streams the calendar: headers first, then VEVENT by VEVENT
     * through a small buffer, so neither the body nor the list of bookings is ever held whole.
     */
    @GetMapping("/feeds/{token}.ics")
    void feed(@PathVariable String token,
            @RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch,
            HttpServletResponse response) throws NoResourceFoundException, IOException {
        UUID trainerId = (TOKEN.matcher(token).matches() ? feeds.trainerFor(token) : Optional.<UUID>empty())
                .orElseThrow(FeedController::notFound);
        FeedSnapshot snapshot = feeds.snapshot(trainerId);
        String etag = snapshot.etag();
        response.setHeader(HttpHeaders.ETAG, etag);
        response.setHeader(HttpHeaders.CACHE_CONTROL, CACHING.getHeaderValue());
        if (matches(ifNoneMatch, etag)) {
            response.setStatus(HttpStatus.NOT_MODIFIED.value());
            return;
        }
        if (!feeds.acquireRender()) {
            // every render slot stayed busy: a calendar app retries later, and health stays responsive meanwhile
            response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(Feeds.RENDER_WAIT.toSeconds()));
            return;
        }
        try {
            render(snapshot, response);
        } finally {
            feeds.releaseRender();
        }
    }

    private void render(FeedSnapshot snapshot, HttpServletResponse response) throws IOException {
        response.setStatus(HttpStatus.OK.value());
        response.setContentType(TEXT_CALENDAR.toString());
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.inline().filename("spotter.ics").build().toString());
        Writer out = new BufferedWriter(new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8),
                16 * 1024);
        feeds.write(snapshot, out);
        out.flush();
    }

    /** RFC 9110 13.1.2: If-None-Match uses the weak comparison, so W/ prefixes are ignored on both sides. */
    static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        String ours = opaque(etag);
        return Arrays.stream(ifNoneMatch.split(","))
                .map(String::strip)
                .anyMatch(tag -> tag.equals("*") || opaque(tag).equals(ours));
    }

    private static String opaque(String tag) {
        return tag.startsWith("W/") ? tag.substring(2) : tag;
    }

    // the same exception (and so the same body) as any unknown path; its path names no token
    private static NoResourceFoundException notFound() {
        return new NoResourceFoundException(HttpMethod.GET, "/feeds", "feeds");
    }
}
