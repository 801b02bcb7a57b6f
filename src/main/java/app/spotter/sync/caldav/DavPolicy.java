package app.spotter.sync.caldav;

import java.time.Duration;
import java.util.Objects;

/**
 * What one CalDAV call may cost and where it may go: a total deadline per call (connect, headers, body and any
 * redirects together), response size caps, and whether private network addresses are allowed (the SSRF guard,
 * {@link PublicAddresses}). A server that trickles, stalls or floods costs at most the deadline and the cap.
 *
 * @param deadline total time for one call, redirects and the one retry on a dropped connection included
 * @param maxMultistatusBytes cap for PROPFIND and REPORT answers (a full listing of 20,000 events is about 6 MiB)
 * @param maxObjectBytes cap for every other answer (one calendar object, or an error page)
 * @param allowPrivateNetworks true to reach loopback, RFC 1918 and other non-public addresses (a home server)
 */
record DavPolicy(Duration deadline, long maxMultistatusBytes, long maxObjectBytes, boolean allowPrivateNetworks) {

    static final Duration DEFAULT_DEADLINE = Duration.ofSeconds(30);
    static final long DEFAULT_MAX_MULTISTATUS_BYTES = 8L * 1024 * 1024;
    static final long DEFAULT_MAX_OBJECT_BYTES = 1024 * 1024;

    /** The production defaults: public addresses only. */
    static final DavPolicy DEFAULT = new DavPolicy(DEFAULT_DEADLINE, DEFAULT_MAX_MULTISTATUS_BYTES,
            DEFAULT_MAX_OBJECT_BYTES, false);

    DavPolicy {
        Objects.requireNonNull(deadline, "deadline");
        if (deadline.isNegative() || deadline.isZero() || maxMultistatusBytes <= 0 || maxObjectBytes <= 0) {
            throw new IllegalArgumentException("CalDAV deadline and size caps must be positive");
        }
    }

    /** For tests against servers on loopback. */
    static DavPolicy allowingPrivateNetworks() {
        return DEFAULT.withPrivateNetworks(true);
    }

    DavPolicy withPrivateNetworks(boolean allow) {
        return new DavPolicy(deadline, maxMultistatusBytes, maxObjectBytes, allow);
    }

    DavPolicy withDeadline(Duration value) {
        return new DavPolicy(value, maxMultistatusBytes, maxObjectBytes, allowPrivateNetworks);
    }

    DavPolicy withCaps(long multistatus, long object) {
        return new DavPolicy(deadline, multistatus, object, allowPrivateNetworks);
    }

    /** Multistatus answers may list a whole calendar; everything else is one object or a short status page. */
    long capFor(String method) {
        return "PROPFIND".equals(method) || "REPORT".equals(method) ? maxMultistatusBytes : maxObjectBytes;
    }
}
