package app.spotter.sync.caldav;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

class DavBodiesTest {

    @Test
    void aDisplayNameWithMarkupIsEscapedAndReadsBackUnchanged() throws Exception {
        String name = "Thandi's <PT> & \"HIIT\" ]]> </d:displayname><d:evil/>";

        byte[] body = DavBodies.mkcalendar(name);

        Element root = SafeXml.parse(body).getDocumentElement();
        assertThat(root.getLocalName()).isEqualTo("mkcalendar");
        assertThat(root.getNamespaceURI()).isEqualTo(Dav.CALDAV);
        assertThat(root.getElementsByTagNameNS(Dav.DAV, "displayname").item(0).getTextContent()).isEqualTo(name);
        assertThat(root.getElementsByTagNameNS(Dav.DAV, "evil").getLength()).isZero();
        assertThat(root.getElementsByTagNameNS(Dav.CALDAV, "comp").item(0).getAttributes()
                .getNamedItem("name").getNodeValue()).isEqualTo("VEVENT");
    }

    @Test
    void theExtendedMkcolBodyDeclaresACalendarResourceType() throws Exception {
        Element root = SafeXml.parse(DavBodies.extendedMkcol("Spotter")).getDocumentElement();

        assertThat(root.getLocalName()).isEqualTo("mkcol");
        assertThat(root.getElementsByTagNameNS(Dav.CALDAV, "calendar").getLength()).isEqualTo(1);
    }

    @Test
    void aSyncRequestWithoutATokenSendsAnEmptyTokenForTheInitialListing() throws Exception {
        Element root = SafeXml.parse(DavBodies.syncCollection(null)).getDocumentElement();

        assertThat(root.getElementsByTagNameNS(Dav.DAV, "sync-token").item(0).getTextContent()).isEmpty();
        assertThat(root.getElementsByTagNameNS(Dav.DAV, "sync-level").item(0).getTextContent()).isEqualTo("1");
    }

    @Test
    void aServerTokenIsSentBackEscapedAndUnchanged() throws Exception {
        SyncToken token = new SyncToken("data:a<b>&c");

        Element root = SafeXml.parse(DavBodies.syncCollection(token)).getDocumentElement();

        assertThat(root.getElementsByTagNameNS(Dav.DAV, "sync-token").item(0).getTextContent())
                .isEqualTo("data:a<b>&c");
    }

    @Test
    void aPropfindAsksForExactlyTheNamedProperties() throws Exception {
        Element root = SafeXml.parse(DavBodies.propfind(List.of(Dav.CURRENT_USER_PRINCIPAL, Dav.CALENDAR_HOME_SET)))
                .getDocumentElement();

        Element prop = XmlElements.child(root, Dav.PROP).orElseThrow();
        assertThat(XmlElements.children(prop)).extracting(Element::getLocalName)
                .containsExactly("current-user-principal", "calendar-home-set");
    }
}
