package app.spotter.support.web;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * An opaque keyset-paging cursor: the sort key of the last item a page showed, base64url-encoded, so the next
 * page starts right after it (stable under inserts, no OFFSET scans). Not a secret and not trusted: every part is
 * parsed and validated by the caller, and every query stays scoped to the trainer.
 */
public final class Cursor {

    /** The largest page any list endpoint answers. */
    public static final int MAX_PAGE = 500;

    private static final char SEPARATOR = '\u001f';

    private Cursor() {}

    public static String encode(String... parts) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(String.join(String.valueOf(SEPARATOR), parts).getBytes(StandardCharsets.UTF_8));
    }

    /** @throws ApiProblem 400 on {@code cursor} when it is not one this service made with that many parts */
    public static List<String> decode(String cursor, int parts) {
        try {
            if (cursor.length() > 2000) {
                throw new IllegalArgumentException("too long");
            }
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            List<String> values = Arrays.asList(text.split(String.valueOf(SEPARATOR), -1));
            if (values.size() != parts) {
                throw new IllegalArgumentException("wrong shape");
            }
            return values;
        } catch (IllegalArgumentException e) {
            throw ApiProblem.invalid("cursor", "is not a cursor from a previous page");
        }
    }

    /** {@code limit} as asked, defaulting to and capped at {@link #MAX_PAGE}. */
    public static int limit(Integer asked) {
        if (asked == null) {
            return MAX_PAGE;
        }
        if (asked < 1 || asked > MAX_PAGE) {
            throw ApiProblem.invalid("limit", "must be between 1 and " + MAX_PAGE);
        }
        return asked;
    }

    /**
     * An RFC 8288 {@code Link} header value naming the next page: this request's URL with {@code cursor} replaced.
     */
    public static String nextLink(String cursor) {
        String url = org.springframework.web.servlet.support.ServletUriComponentsBuilder.fromCurrentRequest()
                .replaceQueryParam("cursor", cursor).build().toUriString();
        return "<" + url + ">; rel=\"next\"";
    }
}
