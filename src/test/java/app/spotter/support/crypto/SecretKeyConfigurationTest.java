package app.spotter.support.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretKeyConfigurationTest {

    @TempDir
    Path dataDir;

    /** Two instances on one data directory (and one database) must seal and open with the same key. */
    @RepeatedTest(5)
    void instancesStartingTogetherOnOneDataDirectoryAllUseOneKey() throws Exception {
        int instances = 8;
        CyclicBarrier together = new CyclicBarrier(instances);
        List<Future<SecretBox>> boxes = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(instances)) {
            for (int i = 0; i < instances; i++) {
                boxes.add(pool.submit(() -> {
                    together.await();
                    return new SecretKeyConfiguration().secretBox("", dataDir.toString());
                }));
            }
        }
        byte[] sealed = boxes.getFirst().get().seal("app password", "trainer-1:apple");
        for (Future<SecretBox> box : boxes) {
            assertThat(box.get().open(sealed, "trainer-1:apple")).isEqualTo("app password");
        }
        assertThat(Files.list(dataDir)).as("no temporary files left behind").hasSize(1);
    }

    @Test
    void aGeneratedKeyIsReadableByItsOwnerOnly() throws Exception {
        new SecretKeyConfiguration().secretBox("", dataDir.toString());

        assertThat(Files.getPosixFilePermissions(dataDir.resolve("secret.key")))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));
    }

    @Test
    void aRestartKeepsTheKeySoStoredSecretsStillOpen() throws Exception {
        byte[] sealed = new SecretKeyConfiguration().secretBox("", dataDir.toString()).seal("token", "t:google");

        SecretBox afterRestart = new SecretKeyConfiguration().secretBox("", dataDir.toString());

        assertThat(afterRestart.open(sealed, "t:google")).isEqualTo("token");
    }

    @Test
    void aTruncatedKeyFileStopsStartupWithAClearMessageInsteadOfAWrongKey() throws Exception {
        Files.writeString(dataDir.resolve("secret.key"), "c2hvcnQ=");

        assertThatThrownBy(() -> new SecretKeyConfiguration().secretBox("", dataDir.toString()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("secret.key")
                .hasMessageContaining("32 bytes");
    }

    @Test
    void aMissingConfiguredKeyFileIsNeverReplacedByANewKey() {
        Path missing = dataDir.resolve("elsewhere.key");

        assertThatThrownBy(() -> new SecretKeyConfiguration().secretBox(missing.toString(), dataDir.toString()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("SPOTTER_SECRET_KEY_FILE");
        assertThat(missing).doesNotExist();
    }
}
