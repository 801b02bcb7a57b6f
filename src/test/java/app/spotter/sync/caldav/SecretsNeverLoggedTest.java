package app.spotter.sync.caldav;

import static app.spotter.sync.caldav.StubDavServer.answer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class SecretsNeverLoggedTest {

    private static final String PASSWORD = "abcd-efgh-ijkl-mnop";

    @Test
    void evenAtDebugNeitherThePasswordNorTheAuthorizationHeaderIsLogged() throws Exception {
        Logger logger = (Logger) LoggerFactory.getLogger(DavTransport.class);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        logger.addAppender(appender);
        Level previous = logger.getLevel();
        logger.setLevel(Level.DEBUG);
        try (StubDavServer stub = new StubDavServer()) {
            stub.on("PROPFIND", "/.well-known/caldav", answer(301, "", "Location", "/"))
                    .on("PROPFIND", "/", answer(401, ""));
            CalDavClient client = CalDavClient.connect(stub.baseUrl(), "thandi@icloud.com", PASSWORD,
                    DavPolicy.allowingPrivateNetworks());

            assertThatThrownBy(client::calendarHome).as("a refused login is a sync failure")
                    .isInstanceOf(app.spotter.sync.SyncFailure.class).hasMessageNotContaining(PASSWORD);
        } finally {
            logger.detachAppender(appender);
            logger.setLevel(previous);
        }

        String basic = Base64.getEncoder()
                .encodeToString(("thandi@icloud.com:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        assertThat(appender.list).isNotEmpty().allSatisfy(event -> assertThat(event.getFormattedMessage())
                .doesNotContain(PASSWORD).doesNotContain(basic).doesNotContainIgnoringCase("authorization"));
        assertThat(CalDavClient.connect(java.net.URI.create("https://caldav.icloud.com/"), "u", PASSWORD).toString())
                .doesNotContain(PASSWORD);
    }
}
