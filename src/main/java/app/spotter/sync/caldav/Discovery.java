package app.spotter.sync.caldav;

import app.spotter.sync.SyncFailure;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Optional;
import javax.xml.namespace.QName;

/**
 * Finds the calendar home from a base URL (RFC 6764 6, RFC 5397, RFC 4791 6.2.1): the per-account path and host
 * differ (iCloud's pNN-caldav), so nothing is ever guessed.
 */
final class Discovery {

    private final Propfind propfind;

    Discovery(Propfind propfind) {
        this.propfind = propfind;
    }

    record Home(URI principal, URI calendarHome) {}

    Home discover(URI baseUrl) throws SyncFailure {
        Optional<URI> fromWellKnown = principalFromWellKnown(baseUrl);
        // A server without current-user-principal may have been given the principal URL itself.
        URI principal = fromWellKnown.isPresent() ? fromWellKnown.get() : principalAt(baseUrl).orElse(baseUrl);
        Propfind.Result result = propfind.run(principal, "0", List.of(Dav.CALENDAR_HOME_SET));
        URI home = firstHref(result, Dav.CALENDAR_HOME_SET).orElseThrow(() -> SyncFailure.permanent(
                "The server at " + baseUrl.getHost() + " offers no calendars for this account.", null));
        return new Home(principal, Hrefs.asCollection(home));
    }

    /**
     * RFC 6764 5: the well-known URI usually redirects to the context path (the transport follows it). A 404 or
     * any refusal other than 401 just means "not offered here": fall back to the base URL itself.
     */
    private Optional<URI> principalFromWellKnown(URI baseUrl) throws SyncFailure {
        DavExchange exchange = propfind.exchange(baseUrl.resolve("/.well-known/caldav"), "0",
                List.of(Dav.CURRENT_USER_PRINCIPAL));
        if (exchange.status() == 401) {
            // A wrong password is wrong everywhere: report it now rather than after a second 401.
            throw propfind.failure(exchange);
        }
        if (exchange.status() != 207) {
            return Optional.empty();
        }
        return firstHref(propfind.read(exchange), Dav.CURRENT_USER_PRINCIPAL);
    }

    private Optional<URI> principalAt(URI url) throws SyncFailure {
        return firstHref(propfind.run(url, "0", List.of(Dav.CURRENT_USER_PRINCIPAL)), Dav.CURRENT_USER_PRINCIPAL);
    }

    private static Optional<URI> firstHref(Propfind.Result result, QName property)
            throws SyncFailure {
        for (Multistatus.Response response : result.multistatus().responses()) {
            Optional<String> href = response.property(property).flatMap(XmlElements::href);
            if (href.isPresent()) {
                try {
                    return Optional.of(Hrefs.resolve(result.answeredBy(), href.get()));
                } catch (URISyntaxException e) {
                    throw SyncFailure.permanent("The calendar server sent an address Spotter cannot read: "
                            + href.get(), e);
                }
            }
        }
        return Optional.empty();
    }
}
