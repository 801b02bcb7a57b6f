package app.spotter.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A start of the jar on the embedded default that cannot succeed says why in one line, not a stack trace. */
class EmbeddedDatabaseStartIT {

    @Test
    void aTakenDatabasePortIsNamedInOneLine() throws Exception {
        Path dataDir = Files.createTempDirectory("spotter-start-");
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertThatThrownBy(() -> SpotterProcess.startEmbedded(dataDir,
                    Map.of("SPOTTER_EMBEDDED_POSTGRES_PORT", Integer.toString(taken.getLocalPort()))))
                    .hasMessageContaining("The embedded PostgreSQL did not start: port " + taken.getLocalPort()
                            + " on 127.0.0.1 is taken by another program")
                    .hasMessageNotContaining("Gave up waiting");
        }
    }

    @Test
    void aSecondSpotterOnTheSameDataDirIsToldAnotherOneHoldsIt() throws Exception {
        Path dataDir = Files.createTempDirectory("spotter-start-");
        try (TestPostgres db = TestPostgres.ofDataDir(dataDir);
                SpotterProcess first = SpotterProcess.startEmbedded(dataDir, Map.of())) {
            assertThatThrownBy(() -> SpotterProcess.startEmbedded(dataDir, Map.of()))
                    .hasMessageContaining("The embedded PostgreSQL did not start: another Spotter process (pid ")
                    .hasMessageContaining("is using " + dataDir.resolve("postgres"));
            assertThat(db.count("SELECT count(*) FROM flyway_schema_history WHERE success")).as("first one unharmed")
                    .isPositive();
        }
    }
}
