package app.spotter.sync.caldav;

import java.util.List;
import java.util.Optional;
import javax.xml.namespace.QName;
import org.w3c.dom.Element;

/**
 * A parsed {@code DAV:multistatus} body (RFC 4918 13, 14.16): one entry per resource, plus the RFC 6578 sync token
 * when the body answers a sync-collection REPORT. Hrefs stay as the server wrote them; {@link Hrefs} resolves them.
 */
record Multistatus(List<Response> responses, SyncToken syncToken) {

    Multistatus {
        responses = List.copyOf(responses);
    }

    /**
     * @param status the response-level status (RFC 4918 14.28), or 0 when the server gave per-property statuses
     *     instead
     */
    record Response(String href, int status, List<Propstat> propstats) {

        Response {
            propstats = List.copyOf(propstats);
        }

        /** A property the server returned with a 2xx status; properties it reported 404 for count as absent. */
        Optional<Element> property(QName name) {
            return propstats.stream()
                    .filter(p -> p.status() / 100 == 2)
                    .flatMap(p -> p.properties().stream())
                    .filter(e -> XmlElements.is(e, name))
                    .findFirst();
        }

        Optional<String> text(QName name) {
            return property(name).map(XmlElements::text).filter(t -> !t.isEmpty());
        }
    }

    record Propstat(int status, List<Element> properties) {
        Propstat {
            properties = List.copyOf(properties);
        }
    }
}
