package app.spotter.sync.caldav;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A hostile server must not make the parser read local files, call other hosts, or blow up memory. */
class SafeXmlTest {

    @Test
    void anExternalEntityNamingALocalFileIsRefusedAndTheFileNeverAppears(@TempDir Path dir) throws Exception {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "app-password-1234");
        byte[] hostile = Fixtures.text("xxe-external-entity.xml")
                .replace("SECRET_PATH", secret.toString())
                .getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> MultistatusParser.parse(hostile))
                .isInstanceOf(SafeXml.XmlException.class)
                .hasMessageContaining("DOCTYPE")
                .message().doesNotContain("app-password-1234");
    }

    @Test
    void anExternalDtdOnAnotherHostIsNeverFetched() {
        try (StubDavServer attacker = new StubDavServer()) {
            attacker.on("GET", "/evil.dtd", StubDavServer.answer(200, "<!ENTITY x \"pwned\">"));
            byte[] hostile = ("<?xml version=\"1.0\"?><!DOCTYPE multistatus SYSTEM \""
                    + attacker.baseUrl().resolve("/evil.dtd") + "\"><multistatus xmlns=\"DAV:\"/>")
                    .getBytes(StandardCharsets.UTF_8);

            assertThatThrownBy(() -> MultistatusParser.parse(hostile)).isInstanceOf(SafeXml.XmlException.class);
            assertThat(attacker.requests()).isEmpty();
        }
    }

    @Test
    void nestedEntityExpansionIsRefusedBeforeItExpands() {
        assertThatThrownBy(() -> MultistatusParser.parse(Fixtures.bytes("billion-laughs.xml")))
                .isInstanceOf(SafeXml.XmlException.class);
    }

    @Test
    void aBodyThatIsNotAMultistatusIsAnError() {
        assertThatThrownBy(() -> MultistatusParser.parse("<html><body>Bad gateway</body></html>".getBytes()))
                .isInstanceOf(SafeXml.XmlException.class)
                .hasMessageContaining("multistatus");
    }
}
