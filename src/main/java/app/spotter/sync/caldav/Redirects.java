package app.spotter.sync.caldav;

import java.net.URI;
import java.util.Optional;
import java.util.Set;

/**
 * Redirect rules, applied by {@link DavTransport} itself: HttpClient's {@code Redirect.NORMAL} does not
 * reliably resend PROPFIND and REPORT bodies on 301/302, yet iCloud answers discovery with redirects to its
 * per-account {@code pNN-caldav} hosts, and Radicale answers {@code /.well-known/caldav} with a 301.
 */
final class Redirects {

    /** Enough for well-known -> root -> per-account host; more is a loop. */
    static final int MAX_HOPS = 5;

    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);

    private Redirects() {}

    static boolean isRedirect(int status) {
        return REDIRECTS.contains(status);
    }

    /**
     * Where to go next, or empty when the answer is not a usable redirect.
     *
     * @throws RefusedRedirect when following would send the password in clear text
     */
    static Optional<URI> target(URI current, int status, Optional<String> location) throws RefusedRedirect {
        if (!isRedirect(status) || location.isEmpty() || location.get().isBlank()) {
            return Optional.empty();
        }
        URI target;
        try {
            target = current.resolve(location.get().strip());
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
        if (!"http".equalsIgnoreCase(target.getScheme()) && !"https".equalsIgnoreCase(target.getScheme())) {
            throw new RefusedRedirect("a redirect to a non-HTTP address (" + target.getScheme() + ")");
        }
        if ("https".equalsIgnoreCase(current.getScheme()) && "http".equalsIgnoreCase(target.getScheme())) {
            // Basic auth sends the password with every request: never let a redirect strip TLS from it.
            throw new RefusedRedirect("a redirect from https to plain http");
        }
        return Optional.of(target);
    }

    /**
     * Credentials go only to the origin the trainer entered (issue: a redirect or a discovered href naming another
     * host must not receive the password). iCloud is the one exception it needs: caldav.icloud.com hands each
     * account to a partition host (pNN-caldav.icloud.com), always over https.
     *
     * @param origin the URL the trainer entered
     */
    static boolean keepsCredentials(URI origin, URI target) {
        return sameOrigin(origin, target) || (isIcloud(origin) && isIcloud(target)
                && "https".equalsIgnoreCase(origin.getScheme()) && "https".equalsIgnoreCase(target.getScheme()));
    }

    private static boolean isIcloud(URI uri) {
        String host = uri.getHost();
        if (host == null) {
            return false;
        }
        String lower = host.toLowerCase(java.util.Locale.ROOT);
        return lower.equals("icloud.com") || lower.endsWith(".icloud.com");
    }

    private static boolean sameOrigin(URI a, URI b) {
        return a.getScheme().equalsIgnoreCase(b.getScheme())
                && a.getHost() != null && a.getHost().equalsIgnoreCase(b.getHost())
                && port(a) == port(b);
    }

    private static int port(URI uri) {
        return uri.getPort() != -1 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    static final class RefusedRedirect extends Exception {
        RefusedRedirect(String message) {
            super(message);
        }
    }
}
