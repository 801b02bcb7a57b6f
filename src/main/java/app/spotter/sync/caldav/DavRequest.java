package app.spotter.sync.caldav;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A request before authentication is added. Headers here never include Authorization: the transport adds it
 * per hop, so a request can be logged or compared in tests without leaking the password.
 */
record DavRequest(String method, URI uri, Map<String, String> headers, byte[] body) {

    static final String XML = "application/xml; charset=utf-8";

    DavRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(uri, "uri");
        headers = Map.copyOf(headers);
        if (headers.keySet().stream().anyMatch("authorization"::equalsIgnoreCase)) {
            throw new IllegalArgumentException("credentials are the transport's business");
        }
    }

    static DavRequest of(String method, URI uri) {
        return new DavRequest(method, uri, Map.of(), null);
    }

    /** PROPFIND and REPORT: Depth is always explicit, since its default is "infinity" (RFC 4918 9.1). */
    static DavRequest xml(String method, URI uri, String depth, byte[] body) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", XML);
        if (depth != null) {
            headers.put("Depth", depth);
        }
        return new DavRequest(method, uri, headers, body);
    }

    DavRequest withHeader(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.put(name, value);
        return new DavRequest(method, uri, copy, body);
    }

    DavRequest redirectedTo(URI target, boolean seeOther) {
        // 303 asks for a GET of the other resource (RFC 9110 15.4.4); every other redirect repeats the request.
        return seeOther ? new DavRequest("GET", target, Map.of(), null) : new DavRequest(method, target, headers, body);
    }

    @Override
    public String toString() {
        return method + " " + uri;
    }
}
