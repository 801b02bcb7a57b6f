package app.spotter.sync.caldav;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class MultistatusParserTest {

    @Test
    void theCurrentUserPrincipalIsReadFromAnIcloudAnswerWithIndentedHrefs() throws Exception {
        Multistatus ms = MultistatusParser.parse(Fixtures.bytes("icloud-principal.xml"));

        assertThat(ms.responses()).singleElement().satisfies(r -> {
            assertThat(r.href()).isEqualTo("/");
            assertThat(r.property(Dav.CURRENT_USER_PRINCIPAL).flatMap(XmlElements::href))
                    .contains("/1234567890/principal/");
        });
    }

    @Test
    void aCalendarHomeOnAnotherHostIsKeptAsTheFullUrl() throws Exception {
        Multistatus ms = MultistatusParser.parse(Fixtures.bytes("icloud-calendar-home-set.xml"));

        assertThat(ms.responses().getFirst().property(Dav.CALENDAR_HOME_SET).flatMap(XmlElements::href))
                .contains("https://p42-caldav.icloud.com:443/1234567890/calendars/");
    }

    @Test
    void propertiesReportedAs404CountAsAbsent() throws Exception {
        Multistatus ms = MultistatusParser.parse(Fixtures.bytes("icloud-calendars.xml"));

        Multistatus.Response home = ms.responses().getFirst();
        assertThat(home.property(Dav.RESOURCETYPE)).isPresent();
        assertThat(home.property(Dav.DISPLAYNAME)).isEmpty();
        assertThat(home.propstats()).extracting(Multistatus.Propstat::status).containsExactly(200, 404);
    }

    @Test
    void radicaleSyncAnswersGiveEtagsRemovalsAndTheToken() throws Exception {
        Multistatus ms = MultistatusParser.parse(Fixtures.bytes("radicale-sync.xml"));

        assertThat(ms.syncToken()).isEqualTo(
                new SyncToken("http://radicale.org/ns/sync/4f4e1f1a9a6fd5c0e4f1c4f5e8f2b6f3"));
        assertThat(ms.responses()).extracting(Multistatus.Response::status).containsExactly(0, 404);
        assertThat(ms.responses().getFirst().text(Dav.GETETAG)).contains("\"0c7e2c3b2d9a1f4e8b6d5a4c3b2a1f0e\"");
    }

    @Test
    void prefixedNamespacesAsXandikosWritesThemAreMatchedByNamespaceNotPrefix() throws Exception {
        Multistatus ms = MultistatusParser.parse(Fixtures.bytes("xandikos-sync.xml"));

        assertThat(ms.syncToken()).isEqualTo(new SyncToken("f3a1c2b9e8d7"));
        assertThat(ms.responses().getFirst().text(Dav.GETETAG)).contains("W/\"8a1c6f0b2e\"");
    }

    @Test
    void aWeakEtagIsKeptVerbatimAndKnownAsWeak() {
        ETag weak = new ETag("W/\"8a1c6f0b2e\"");

        assertThat(weak.weak()).isTrue();
        assertThat(weak.value()).isEqualTo("W/\"8a1c6f0b2e\"");
        assertThat(new ETag("\"strong\"").weak()).isFalse();
    }

    @Test
    void statusLinesAreReadForTheirCodeAndMalformedOnesGiveZero() {
        assertThat(List.of("HTTP/1.1 404 Not Found", " HTTP/1.1 200 OK ", "HTTP/1.1 507", "garbage", "HTTP/1.1 abc"))
                .map(MultistatusParser::statusCode)
                .containsExactly(404, 200, 507, 0, 0);
    }

    @Test
    void aValidSyncTokenErrorIsRecognisedAndAnythingElseIsNot() {
        assertThat(DavErrors.names(Fixtures.bytes("radicale-invalid-sync-token.xml"), Dav.VALID_SYNC_TOKEN)).isTrue();
        assertThat(DavErrors.names(Fixtures.bytes("radicale-sync.xml"), Dav.VALID_SYNC_TOKEN)).isFalse();
        assertThat(DavErrors.names("<html>Forbidden</html".getBytes(), Dav.VALID_SYNC_TOKEN)).isFalse();
        assertThat(DavErrors.names(new byte[0], Dav.VALID_SYNC_TOKEN)).isFalse();
    }
}
