package app.spotter.reliability;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * What a CalDAV calendar holds, read with bare HTTP (independent of Spotter's client): a Depth 1 PROPFIND for the
 * resources, and a calendar-query REPORT for their iCalendar text.
 */
final class CalendarOnServer {

    record CalendarObject(String href, String ics) {
        /** The UIDs of the object's components, unfolded. */
        List<String> uids() {
            return unfolded().lines().filter(l -> l.startsWith("UID:")).map(l -> l.substring(4)).toList();
        }

        String unfolded() {
            return ics.replace("\r\n ", "").replace("\r\n\t", "").replace("\n ", "");
        }
    }

    private static final String DAV = "DAV:";
    private static final String CALDAV = "urn:ietf:params:xml:ns:caldav";

    private final HttpClient http = HttpClient.newHttpClient();
    private final String authorization;

    CalendarOnServer(String user, String password) {
        authorization = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
                .getBytes(StandardCharsets.UTF_8));
    }

    /** Hrefs of the calendar's members (the collection itself excluded). */
    List<String> resources(URI calendar) {
        Document doc = send(calendar, "PROPFIND", """
                <?xml version="1.0" encoding="utf-8"?>
                <d:propfind xmlns:d="DAV:"><d:prop><d:getetag/><d:resourcetype/></d:prop></d:propfind>""");
        List<String> hrefs = new ArrayList<>();
        NodeList responses = doc.getElementsByTagNameNS(DAV, "response");
        for (int i = 0; i < responses.getLength(); i++) {
            String href = text((Element) responses.item(i), DAV, "href");
            if (!URI.create(calendar.getPath()).equals(URI.create(href))
                    && !href.endsWith("/")) {
                hrefs.add(href);
            }
        }
        return hrefs;
    }

    List<CalendarObject> objects(URI calendar) {
        Document doc = send(calendar, "REPORT", """
                <?xml version="1.0" encoding="utf-8"?>
                <c:calendar-query xmlns:d="DAV:" xmlns:c="urn:ietf:params:xml:ns:caldav">
                  <d:prop><d:getetag/><c:calendar-data/></d:prop>
                  <c:filter><c:comp-filter name="VCALENDAR"/></c:filter>
                </c:calendar-query>""");
        List<CalendarObject> objects = new ArrayList<>();
        NodeList responses = doc.getElementsByTagNameNS(DAV, "response");
        for (int i = 0; i < responses.getLength(); i++) {
            Element response = (Element) responses.item(i);
            String data = text(response, CALDAV, "calendar-data");
            if (data != null) {
                objects.add(new CalendarObject(text(response, DAV, "href"), data));
            }
        }
        return objects;
    }

    private Document send(URI calendar, String method, String body) {
        HttpRequest request = HttpRequest.newBuilder(calendar).header("Depth", "1")
                .header("Authorization", authorization).header("Content-Type", "application/xml; charset=utf-8")
                .method(method, HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            HttpResponse<byte[]> response;
            try {
                response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            } catch (IOException dropped) {
                // Radicale closes idle connections silently: one fresh attempt
                response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            }
            if (response.statusCode() != 207) {
                throw new IllegalStateException(method + " " + calendar + " answered " + response.statusCode());
            }
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(new ByteArrayInputStream(response.body()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (Exception e) {
            throw new IllegalStateException(method + " " + calendar + " failed", e);
        }
    }

    private static String text(Element parent, String ns, String name) {
        NodeList nodes = parent.getElementsByTagNameNS(ns, name);
        return nodes.getLength() == 0 ? null : nodes.item(0).getTextContent();
    }
}
