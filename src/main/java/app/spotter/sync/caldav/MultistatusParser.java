package app.spotter.sync.caldav;

import java.util.ArrayList;
import java.util.List;
import org.w3c.dom.Element;

/** Reads a {@code DAV:multistatus} body through {@link SafeXml}. */
final class MultistatusParser {

    private MultistatusParser() {}

    static Multistatus parse(byte[] body) throws SafeXml.XmlException {
        Element root = SafeXml.parse(body).getDocumentElement();
        if (!XmlElements.is(root, Dav.MULTISTATUS)) {
            throw new SafeXml.XmlException("expected DAV:multistatus but got " + root.getLocalName(), null);
        }
        List<Multistatus.Response> responses = new ArrayList<>();
        for (Element response : XmlElements.children(root, Dav.RESPONSE)) {
            // RFC 4918 14.24 allows several hrefs only with a response-level status; the first names the resource.
            String href = XmlElements.child(response, Dav.HREF).map(XmlElements::text).orElse("");
            int status = XmlElements.child(response, Dav.STATUS).map(e -> statusCode(XmlElements.text(e))).orElse(0);
            List<Multistatus.Propstat> propstats = new ArrayList<>();
            for (Element propstat : XmlElements.children(response, Dav.PROPSTAT)) {
                int propStatus = XmlElements.child(propstat, Dav.STATUS)
                        .map(e -> statusCode(XmlElements.text(e)))
                        .orElse(0);
                List<Element> properties = XmlElements.child(propstat, Dav.PROP)
                        .map(XmlElements::children)
                        .orElse(List.of());
                propstats.add(new Multistatus.Propstat(propStatus, properties));
            }
            if (!href.isEmpty()) {
                responses.add(new Multistatus.Response(href, status, propstats));
            }
        }
        SyncToken token = XmlElements.child(root, Dav.SYNC_TOKEN)
                .map(XmlElements::text)
                .map(SyncToken::ofNullable)
                .orElse(null);
        return new Multistatus(responses, token);
    }

    /**
     * The code from a status line such as {@code HTTP/1.1 404 Not Found} (RFC 4918 14.28). Returns 0 when the
     * line is malformed, which callers treat like "no status": better than failing a whole listing.
     */
    static int statusCode(String statusLine) {
        String[] parts = statusLine.strip().split("\\s+");
        if (parts.length < 2 || parts[1].length() != 3) {
            return 0;
        }
        try {
            return Integer.parseInt(parts[1]);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
