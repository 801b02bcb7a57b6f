package app.spotter.sync.caldav;

import app.spotter.sync.SyncFailure;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The RFC 6578 sync-collection REPORT: one request per sync round when nothing changed, more only when the
 * server truncates (507) and we continue from the token it returned.
 */
final class SyncCollection {

    /** A guard against a server that truncates forever; each round is a full page of changes. */
    static final int MAX_ROUNDS = 100;

    private final DavTransport transport;

    SyncCollection(DavTransport transport) {
        this.transport = transport;
    }

    SyncOutcome since(URI calendar, SyncToken token) throws SyncFailure {
        URI collection = Hrefs.asCollection(calendar);
        Map<URI, ETag> changed = new LinkedHashMap<>();
        Set<URI> removed = new LinkedHashSet<>();
        SyncToken from = token;
        for (int round = 0; round < MAX_ROUNDS; round++) {
            // RFC 6578 3.2: the report is defined for Depth 0 only; sync-level 1 in the body picks the members.
            DavExchange report = transport.send(
                    DavRequest.xml("REPORT", collection, "0", DavBodies.syncCollection(from)));
            if ((report.status() == 403 || report.status() == 409) && from != null
                    && DavErrors.names(report.body(), Dav.VALID_SYNC_TOKEN)) {
                // RFC 6578 3.2: the token expired or was never valid here. Radicale answers 403, others 409.
                return new SyncOutcome.TokenRefused(from);
            }
            if (report.status() == 500 && round == 0 && from != null) {
                // Xandikos 0.2 answers a token it does not know (a restored or migrated server) with a plain 500
                // instead of RFC 6578's valid-sync-token error. Treated as refused, the caller lists everything
                // once; a server that is really failing fails that listing too, which is then retried as usual.
                // Only 500: 502/503/504 and Retry-After mean "come back later", not "this token is wrong".
                return new SyncOutcome.TokenRefused(from);
            }
            if (report.status() != 207) {
                throw transport.failures().forStatus(report, FailureMapper.Access.READ);
            }
            Multistatus page = Propfind.parse(report);
            boolean truncated = collect(report.uri(), collection, page, changed, removed);
            if (page.syncToken() == null) {
                throw SyncFailure.permanent("The calendar server " + report.uri().getHost()
                        + " answered a sync without a sync token.", null);
            }
            from = page.syncToken();
            if (!truncated) {
                return new SyncOutcome.Changes(from, changed.entrySet().stream()
                        .map(e -> new SyncOutcome.Member(e.getKey(), e.getValue()))
                        .toList(), removed);
            }
        }
        throw SyncFailure.transientFailure("The calendar server kept truncating its list of changes; "
                + "Spotter will continue later.", null, null);
    }

    /** Sorts one page into changed and removed members; true when the server says it truncated the page. */
    private static boolean collect(URI answeredBy, URI collection, Multistatus page, Map<URI, ETag> changed,
            Set<URI> removed) throws SyncFailure {
        boolean truncated = false;
        for (Multistatus.Response response : page.responses()) {
            URI href = resolve(answeredBy, response.href());
            if (Hrefs.asCollection(href).equals(collection)) {
                // RFC 6578 3.6: the collection itself with 507 marks a truncated answer; otherwise it is not news.
                truncated |= response.status() == 507;
                continue;
            }
            if (response.status() == 404) {
                // RFC 6578 3.5.2: a removed member is reported with a 404 status and no properties.
                changed.remove(href);
                removed.add(href);
            } else {
                // A later page may report the same member again: the latest word (and ETag) wins.
                removed.remove(href);
                changed.put(href, response.text(Dav.GETETAG).map(ETag::ofNullable).orElse(null));
            }
        }
        return truncated;
    }

    private static URI resolve(URI base, String href) throws SyncFailure {
        try {
            return Hrefs.resolve(base, href);
        } catch (URISyntaxException e) {
            throw SyncFailure.permanent("The calendar server sent an address Spotter cannot read: " + href, e);
        }
    }
}
