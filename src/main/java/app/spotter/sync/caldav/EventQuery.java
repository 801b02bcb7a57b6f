package app.spotter.sync.caldav;

import app.spotter.sync.SyncFailure;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** calendar-query REPORT (RFC 4791 7.8): the calendar objects with an event overlapping a window. */
final class EventQuery {

    private final DavTransport transport;

    EventQuery(DavTransport transport) {
        this.transport = transport;
    }

    /** The iCalendar text of each object; the multistatus size cap bounds how much is read. */
    List<String> between(URI calendar, Instant start, Instant end) throws SyncFailure {
        // RFC 4791 7.8: Depth 1 applies the query to the calendar's members
        DavExchange report = transport.send(DavRequest.xml("REPORT", Hrefs.asCollection(calendar), "1",
                DavBodies.calendarQuery(start, end)));
        if (report.status() != 207) {
            throw transport.failures().forStatus(report, FailureMapper.Access.READ);
        }
        List<String> objects = new ArrayList<>();
        for (Multistatus.Response response : Propfind.parse(report).responses()) {
            response.property(Dav.CALENDAR_DATA).map(XmlElements::text).filter(t -> !t.isEmpty())
                    .ifPresent(objects::add);
        }
        return objects;
    }
}
