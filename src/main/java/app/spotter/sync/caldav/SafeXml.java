package app.spotter.sync.caldav;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * Parses XML from a calendar server without trusting it. A response is attacker-controlled input as soon as the
 * trainer types any base URL, so the parser must not fetch files or URLs named in it (XXE, CWE-611) nor expand
 * entities exponentially ("billion laughs", CWE-776). Following the OWASP XML External Entity Prevention Cheat
 * Sheet, the strongest switch is to refuse any DOCTYPE at all: WebDAV bodies never need one (RFC 4918 20.6
 * even asks servers not to rely on DTDs), so a document with one is rejected rather than half-processed. The
 * other switches stay on as a second line should a future JDK parser ignore the first.
 */
final class SafeXml {

    private static final DocumentBuilderFactory FACTORY = hardenedFactory();

    private SafeXml() {}

    static Document parse(byte[] body) throws XmlException {
        try {
            DocumentBuilder builder = FACTORY.newDocumentBuilder();
            // Should an entity slip through anyway, resolve it to nothing instead of opening a connection or file.
            builder.setEntityResolver((publicId, systemId) -> new InputSource(new StringReader("")));
            // The default handler prints to stderr; errors are reported through the exception instead.
            builder.setErrorHandler(null);
            return builder.parse(new ByteArrayInputStream(body));
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new XmlException("the calendar server sent XML Spotter cannot read: " + e.getMessage(), e);
        }
    }

    private static DocumentBuilderFactory hardenedFactory() {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        // Every WebDAV element is identified by namespace + local name (RFC 4918 17); prefixes vary by server.
        factory.setNamespaceAware(true);
        try {
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        } catch (ParserConfigurationException e) {
            // A parser that cannot be hardened must not be used at all.
            throw new IllegalStateException("the JDK XML parser refused a hardening feature", e);
        }
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
        return factory;
    }

    /** The server's XML could not be read; the caller decides what kind of failure that is. */
    static final class XmlException extends Exception {
        XmlException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
