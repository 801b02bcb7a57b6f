package app.spotter.sync.caldav;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.namespace.QName;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** Small DOM helpers that match by namespace and local name, never by prefix (servers pick their own). */
final class XmlElements {

    private XmlElements() {}

    static boolean is(Element element, QName name) {
        return name.getLocalPart().equals(element.getLocalName())
                && name.getNamespaceURI().equals(element.getNamespaceURI());
    }

    static List<Element> children(Element parent) {
        List<Element> children = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                children.add(e);
            }
        }
        return children;
    }

    static List<Element> children(Element parent, QName name) {
        return children(parent).stream().filter(e -> is(e, name)).toList();
    }

    static Optional<Element> child(Element parent, QName name) {
        return children(parent).stream().filter(e -> is(e, name)).findFirst();
    }

    /** Trimmed text: servers indent hrefs and tokens freely, and no DAV value starts or ends with whitespace. */
    static String text(Element element) {
        return element.getTextContent() == null ? "" : element.getTextContent().strip();
    }

    /** The text of the first {@code DAV:href} inside, e.g. of current-user-principal or calendar-home-set. */
    static Optional<String> href(Element property) {
        return child(property, Dav.HREF).map(XmlElements::text).filter(t -> !t.isEmpty());
    }
}
