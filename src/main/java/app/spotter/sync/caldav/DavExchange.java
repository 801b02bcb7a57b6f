package app.spotter.sync.caldav;

import java.net.URI;
import java.net.http.HttpHeaders;
import java.util.Optional;

/**
 * One answered request, after redirects.
 *
 * @param uri the URL that finally answered: relative hrefs in the body resolve against it
 */
record DavExchange(String method, URI uri, int status, HttpHeaders headers, byte[] body) {

    Optional<String> header(String name) {
        return headers.firstValue(name);
    }

    boolean successful() {
        return status / 100 == 2;
    }

    @Override
    public String toString() {
        // Bodies may hold event details; headers are never echoed (the request's Authorization is not here anyway).
        return method + " " + uri + " -> " + status;
    }
}
