package app.spotter.sync.caldav;

import java.io.ByteArrayOutputStream;
import java.util.List;
import javax.xml.namespace.QName;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Request bodies, written with an {@link XMLStreamWriter} so that every value (a display name the trainer typed,
 * a token the server sent) is escaped by the writer and never spliced into XML text.
 */
final class DavBodies {

    private static final XMLOutputFactory OUTPUT = XMLOutputFactory.newFactory();

    private DavBodies() {}

    /** PROPFIND for the named properties only (RFC 4918 9.1): asking for allprop is slow on iCloud. */
    static byte[] propfind(List<QName> properties) {
        return write(w -> {
            start(w, Dav.DAV, "propfind");
            w.writeStartElement(Dav.DAV, "prop");
            for (QName property : properties) {
                empty(w, property);
            }
            w.writeEndElement();
            w.writeEndElement();
        });
    }

    /**
     * sync-collection REPORT (RFC 6578 3.2). An absent token is an empty {@code sync-token} element, which asks for
     * the initial full listing; {@code sync-level} 1 because calendars hold no sub-collections.
     */
    static byte[] syncCollection(SyncToken token) {
        return write(w -> {
            start(w, Dav.DAV, "sync-collection");
            w.writeStartElement(Dav.DAV, "sync-token");
            if (token != null) {
                w.writeCharacters(token.value());
            }
            w.writeEndElement();
            w.writeStartElement(Dav.DAV, "sync-level");
            w.writeCharacters("1");
            w.writeEndElement();
            w.writeStartElement(Dav.DAV, "prop");
            empty(w, Dav.GETETAG);
            w.writeEndElement();
            w.writeEndElement();
        });
    }

    /**
     * calendar-query REPORT (RFC 4791 7.8) for the VEVENTs overlapping [start, end) with their data: a recurring
     * event is returned whole (master and overrides) when any instance overlaps (RFC 4791 9.9).
     */
    static byte[] calendarQuery(java.time.Instant start, java.time.Instant end) {
        java.time.format.DateTimeFormatter utc = java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
                .withZone(java.time.ZoneOffset.UTC);
        return write(w -> {
            start(w, Dav.CALDAV, "calendar-query");
            w.writeStartElement(Dav.DAV, "prop");
            empty(w, Dav.GETETAG);
            empty(w, Dav.CALENDAR_DATA);
            w.writeEndElement();
            w.writeStartElement(Dav.CALDAV, "filter");
            w.writeStartElement(Dav.CALDAV, "comp-filter");
            w.writeAttribute("name", "VCALENDAR");
            w.writeStartElement(Dav.CALDAV, "comp-filter");
            w.writeAttribute("name", "VEVENT");
            w.writeEmptyElement(Dav.CALDAV, "time-range");
            w.writeAttribute("start", utc.format(start));
            w.writeAttribute("end", utc.format(end));
            w.writeEndElement();
            w.writeEndElement();
            w.writeEndElement();
            w.writeEndElement();
        });
    }

    /** MKCALENDAR (RFC 4791 5.3.1.2) setting a display name and "VEVENT only". */
    static byte[] mkcalendar(String displayName) {
        return write(w -> {
            start(w, Dav.CALDAV, "mkcalendar");
            calendarProperties(w, displayName, false);
            w.writeEndElement();
        });
    }

    /** Extended MKCOL (RFC 5689 3.1) for servers that lack MKCALENDAR: the resourcetype says "calendar". */
    static byte[] extendedMkcol(String displayName) {
        return write(w -> {
            start(w, Dav.DAV, "mkcol");
            calendarProperties(w, displayName, true);
            w.writeEndElement();
        });
    }

    private static void calendarProperties(XMLStreamWriter w, String displayName, boolean withResourceType)
            throws XMLStreamException {
        w.writeStartElement(Dav.DAV, "set");
        w.writeStartElement(Dav.DAV, "prop");
        if (withResourceType) {
            w.writeStartElement(Dav.DAV, "resourcetype");
            empty(w, Dav.COLLECTION);
            empty(w, Dav.CALENDAR);
            w.writeEndElement();
        }
        w.writeStartElement(Dav.DAV, "displayname");
        w.writeCharacters(displayName);
        w.writeEndElement();
        w.writeStartElement(Dav.CALDAV, "supported-calendar-component-set");
        w.writeEmptyElement(Dav.CALDAV, "comp");
        w.writeAttribute("name", "VEVENT");
        w.writeEndElement();
        w.writeEndElement();
        w.writeEndElement();
    }

    /** Opens the root with both namespaces bound once, to the prefixes every server and log reader expects. */
    private static void start(XMLStreamWriter w, String namespace, String localName) throws XMLStreamException {
        w.setPrefix("d", Dav.DAV);
        w.setPrefix("c", Dav.CALDAV);
        w.writeStartElement(namespace, localName);
        w.writeNamespace("d", Dav.DAV);
        w.writeNamespace("c", Dav.CALDAV);
    }

    private static void empty(XMLStreamWriter w, QName name) throws XMLStreamException {
        if (Dav.CALENDARSERVER.equals(name.getNamespaceURI())) {
            // bound where it is used, so bodies without it stay as they were
            w.writeEmptyElement("cs", name.getLocalPart(), name.getNamespaceURI());
            w.writeNamespace("cs", name.getNamespaceURI());
            return;
        }
        w.writeEmptyElement(name.getNamespaceURI(), name.getLocalPart());
    }

    private static byte[] write(Body body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            XMLStreamWriter w = OUTPUT.createXMLStreamWriter(out, "UTF-8");
            w.writeStartDocument("UTF-8", "1.0");
            body.writeTo(w);
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException e) {
            // Only a bug here (or an unpaired surrogate in a name) can get this far; there is no I/O to fail.
            throw new IllegalArgumentException("could not write a WebDAV request body", e);
        }
        return out.toByteArray();
    }

    @FunctionalInterface
    private interface Body {
        void writeTo(XMLStreamWriter writer) throws XMLStreamException;
    }
}
