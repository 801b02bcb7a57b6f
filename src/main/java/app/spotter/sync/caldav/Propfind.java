package app.spotter.sync.caldav;

import app.spotter.sync.SyncFailure;
import java.net.URI;
import java.util.List;
import javax.xml.namespace.QName;

/** PROPFIND, answered as a parsed multistatus together with the URL that finally answered it. */
final class Propfind {

    private final DavTransport transport;

    Propfind(DavTransport transport) {
        this.transport = transport;
    }

    record Result(URI answeredBy, Multistatus multistatus) {}

    Result run(URI uri, String depth, List<QName> properties) throws SyncFailure {
        DavExchange exchange = transport.send(
                DavRequest.xml("PROPFIND", uri, depth, DavBodies.propfind(properties)));
        return read(exchange);
    }

    /** The raw exchange, for callers (discovery) that treat some failures as "try elsewhere". */
    DavExchange exchange(URI uri, String depth, List<QName> properties) throws SyncFailure {
        return transport.send(DavRequest.xml("PROPFIND", uri, depth, DavBodies.propfind(properties)));
    }

    Result read(DavExchange exchange) throws SyncFailure {
        if (exchange.status() != 207) {
            // 200 with a body is not a multistatus either (some proxies); anything else is the status's own story.
            throw exchange.successful()
                    ? SyncFailure.permanent("The server at " + exchange.uri().getHost()
                            + " does not speak CalDAV (no multistatus answer).", null)
                    : failure(exchange);
        }
        return new Result(exchange.uri(), parse(exchange));
    }

    SyncFailure failure(DavExchange exchange) {
        return transport.failures().forStatus(exchange, FailureMapper.Access.READ);
    }

    static Multistatus parse(DavExchange exchange) throws SyncFailure {
        try {
            return MultistatusParser.parse(exchange.body());
        } catch (SafeXml.XmlException e) {
            // A garbled answer is more likely a proxy or an outage page than a permanent server bug: retry.
            throw SyncFailure.transientFailure("The calendar server " + exchange.uri().getHost()
                    + " sent an unreadable answer; Spotter will retry.", null, e);
        }
    }
}
