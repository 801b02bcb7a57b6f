package app.spotter.sync.caldav;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;

/** Turns hrefs from multistatus bodies into absolute URLs, and names into URL path segments. */
final class Hrefs {

    private Hrefs() {}

    /**
     * Resolves against the URL that produced the answer (after redirects), since hrefs may be absolute paths or
     * full URLs on another host: iCloud answers {@code https://pNN-caldav.icloud.com/...} (RFC 4918 8.3).
     */
    static URI resolve(URI base, String href) throws URISyntaxException {
        return base.resolve(new URI(encodeIllegal(href)));
    }

    /** Makes a collection URL end in a slash, so that resolving a member name lands inside it. */
    static URI asCollection(URI uri) {
        String s = uri.toString();
        return s.endsWith("/") ? uri : URI.create(s + "/");
    }

    /** The member URL for a resource name, percent-encoding anything not safe in a path segment (RFC 3986 3.3); ":" too, or "a:b.ics" would read as a scheme. */
    static URI member(URI collection, String name) {
        if (name.isEmpty() || name.equals(".") || name.equals("..")) {
            throw new IllegalArgumentException("not a resource name: " + name);
        }
        StringBuilder segment = new StringBuilder();
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (isUnreserved(c) || "!$&'()*+,;=@".indexOf(c) >= 0) {
                segment.append((char) c);
            } else {
                segment.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return asCollection(collection).resolve(segment.toString());
    }

    /**
     * Some servers put raw spaces or non-ASCII letters in hrefs, which java.net.URI rejects; those bytes are
     * percent-encoded, anything already encoded is left alone.
     */
    private static String encodeIllegal(String href) {
        StringBuilder out = new StringBuilder();
        for (byte b : href.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c <= 0x20 || c >= 0x7f || "\"<>\\^`{|}".indexOf(c) >= 0) {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            } else {
                out.append((char) c);
            }
        }
        return out.toString();
    }

    private static boolean isUnreserved(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~".indexOf(c) >= 0;
    }
}
