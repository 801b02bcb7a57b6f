package app.spotter.sync.caldav;

import app.spotter.sync.SyncFailure;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.w3c.dom.Element;

/** Lists and creates calendar collections in a calendar home. */
final class Calendars {

    private static final List<javax.xml.namespace.QName> LISTING =
            List.of(Dav.RESOURCETYPE, Dav.DISPLAYNAME, Dav.SUPPORTED_CALENDAR_COMPONENT_SET, Dav.SYNC_TOKEN,
                    Dav.GETCTAG);

    private final DavTransport transport;
    private final Propfind propfind;

    Calendars(DavTransport transport, Propfind propfind) {
        this.transport = transport;
        this.propfind = propfind;
    }

    /** Depth 1 lists the home's members; only those whose resourcetype says calendar count (RFC 4791 4.2). */
    List<CalendarCollection> list(URI home) throws SyncFailure {
        Propfind.Result result = propfind.run(Hrefs.asCollection(home), "1", LISTING);
        List<CalendarCollection> calendars = new ArrayList<>();
        for (Multistatus.Response response : result.multistatus().responses()) {
            boolean calendar = response.property(Dav.RESOURCETYPE)
                    .map(type -> XmlElements.child(type, Dav.CALENDAR).isPresent())
                    .orElse(false);
            if (calendar) {
                calendars.add(new CalendarCollection(resolve(result.answeredBy(), response.href()),
                        response.text(Dav.DISPLAYNAME).orElse(null), components(response),
                        response.text(Dav.SYNC_TOKEN).or(() -> response.text(Dav.GETCTAG)).orElse(null)));
            }
        }
        return calendars;
    }

    /**
     * Creates a calendar named {@code displayName} under a fresh UUID path, so that two Spotter instances or a
     * retry never collide on the path (the display name is what the trainer sees).
     */
    CalendarCollection create(URI home, String displayName) throws SyncFailure {
        URI target = Hrefs.asCollection(Hrefs.member(home, UUID.randomUUID().toString()));
        DavExchange made = transport.send(
                DavRequest.xml("MKCALENDAR", target, null, DavBodies.mkcalendar(displayName)));
        if ((made.status() == 405 || made.status() == 501) && !isCalendar(target)) {
            // 501: no MKCALENDAR at all; 405: not allowed here (some servers only take extended MKCOL, RFC 5689).
            made = transport.send(DavRequest.xml("MKCOL", target, null, DavBodies.extendedMkcol(displayName)));
        }
        // RFC 4791 5.3.1: success is 201 Created. Any other answer may follow a retried request whose first try
        // succeeded unseen (the path is a fresh UUID only we know), so look before reporting a failure.
        if (made.status() != 201 && !isCalendar(target)) {
            throw transport.failures().forStatus(made, FailureMapper.Access.WRITE);
        }
        return new CalendarCollection(made.status() == 201 ? made.uri() : target, displayName, Set.of("VEVENT"));
    }

    private boolean isCalendar(URI target) throws SyncFailure {
        DavExchange found = propfind.exchange(target, "0", List.of(Dav.RESOURCETYPE));
        if (found.status() != 207) {
            return false;
        }
        return Propfind.parse(found).responses().stream()
                .anyMatch(r -> r.property(Dav.RESOURCETYPE)
                        .map(type -> XmlElements.child(type, Dav.CALENDAR).isPresent())
                        .orElse(false));
    }

    private static Set<String> components(Multistatus.Response response) {
        Set<String> names = new LinkedHashSet<>();
        response.property(Dav.SUPPORTED_CALENDAR_COMPONENT_SET).ifPresent(set -> {
            for (Element comp : XmlElements.children(set, Dav.COMP)) {
                names.add(comp.getAttribute("name").toUpperCase(java.util.Locale.ROOT));
            }
        });
        return names;
    }

    private static URI resolve(URI base, String href) throws SyncFailure {
        try {
            return Hrefs.asCollection(Hrefs.resolve(base, href));
        } catch (URISyntaxException e) {
            throw SyncFailure.permanent("The calendar server sent an address Spotter cannot read: " + href, e);
        }
    }
}
