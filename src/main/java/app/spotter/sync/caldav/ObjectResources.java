package app.spotter.sync.caldav;

import app.spotter.sync.SyncFailure;
import java.net.URI;
import java.util.Optional;

/** PUT, GET and DELETE of single calendar object resources (RFC 4791 5.3.2, 7.8 of RFC 4918). */
final class ObjectResources {

    /** RFC 4791 5.3.2 expects iCalendar as text/calendar; UTF-8 is the only charset RFC 5545 3.1.4 allows. */
    static final String ICS = "text/calendar; charset=utf-8";

    private final DavTransport transport;

    ObjectResources(DavTransport transport) {
        this.transport = transport;
    }

    PutOutcome put(URI href, byte[] ics, WritePrecondition precondition) throws SyncFailure {
        DavRequest request = DavRequest.of("PUT", href).withHeader("Content-Type", ICS);
        request = switch (precondition) {
            case WritePrecondition.CreateOnly c -> request.withHeader("If-None-Match", "*");
            case WritePrecondition.MatchOnly m -> request.withHeader("If-Match", m.etag().value());
            case WritePrecondition.Unconditional u -> request;
        };
        DavExchange put = transport.send(new DavRequest(request.method(), request.uri(), request.headers(), ics));
        if (put.status() == 412) {
            // Create: something is already stored there. Update: it changed or vanished there since our ETag.
            return new PutOutcome.PreconditionFailed();
        }
        if (!put.successful()) {
            // 403 (read-only calendar), 409/415 (rejected content), 507 (quota), 5xx: see FailureMapper.
            throw transport.failures().forStatus(put, FailureMapper.Access.WRITE);
        }
        Optional<ETag> etag = Optional.ofNullable(ETag.ofNullable(put.header("ETag").orElse(null)));
        // RFC 4791 5.3.4: a server that rewrote our object omits the ETag. One HEAD fetches the stored version's,
        // which the engine needs to send If-Match next time and to recognise its own write in a sync report.
        return new PutOutcome.Stored(etag.isPresent() ? etag : headEtag(put.uri()));
    }

    GetOutcome get(URI href) throws SyncFailure {
        DavExchange got = transport.send(DavRequest.of("GET", href).withHeader("Accept", "text/calendar"));
        if (got.status() == 404 || got.status() == 410) {
            // A confirmed absence, unlike any failure: only this lets the engine treat the object as gone.
            return new GetOutcome.NotFound(href);
        }
        if (got.status() != 200) {
            throw transport.failures().forStatus(got, FailureMapper.Access.READ);
        }
        return new GetOutcome.Found(got.uri(), got.body(),
                Optional.ofNullable(ETag.ofNullable(got.header("ETag").orElse(null))));
    }

    DeleteOutcome delete(URI href, ETag ifMatch) throws SyncFailure {
        DavRequest request = DavRequest.of("DELETE", href);
        if (ifMatch != null) {
            request = request.withHeader("If-Match", ifMatch.value());
        }
        DavExchange deleted = transport.send(request);
        if (deleted.status() == 404 || deleted.status() == 410) {
            // Already gone is what a delete wants: success (docs/architecture.md "Failures").
            return new DeleteOutcome.AlreadyGone();
        }
        if (deleted.status() == 412) {
            // Changed there since our ETag: nothing was deleted; the engine re-reads and decides.
            return new DeleteOutcome.PreconditionFailed();
        }
        if (deleted.status() == 207) {
            // RFC 4918 9.6.1: a multistatus on DELETE lists members that could NOT be deleted.
            throw SyncFailure.permanent("The calendar server " + deleted.uri().getHost()
                    + " could not delete the event completely.", null);
        }
        if (!deleted.successful()) {
            throw transport.failures().forStatus(deleted, FailureMapper.Access.WRITE);
        }
        return new DeleteOutcome.Deleted();
    }

    private Optional<ETag> headEtag(URI href) throws SyncFailure {
        DavExchange head = transport.send(DavRequest.of("HEAD", href));
        return head.status() == 200 ? Optional.ofNullable(ETag.ofNullable(head.header("ETag").orElse(null)))
                : Optional.empty();
    }
}
