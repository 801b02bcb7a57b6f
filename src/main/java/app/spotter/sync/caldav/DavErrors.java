package app.spotter.sync.caldav;

import javax.xml.namespace.QName;
import org.w3c.dom.Element;

/** Reads {@code DAV:error} bodies, which name the precondition a request broke (RFC 4918 16). */
final class DavErrors {

    private DavErrors() {}

    /** True when the body is a DAV:error naming {@code condition}; an unreadable body names nothing. */
    static boolean names(byte[] body, QName condition) {
        if (body == null || body.length == 0) {
            return false;
        }
        try {
            Element root = SafeXml.parse(body).getDocumentElement();
            return XmlElements.is(root, Dav.ERROR) && XmlElements.child(root, condition).isPresent();
        } catch (SafeXml.XmlException unreadable) {
            return false;
        }
    }
}
