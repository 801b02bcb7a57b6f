package app.spotter.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of integration tests that talk to a running Spotter over HTTP, on a real (embedded) PostgreSQL whose data
 * lives in a temporary folder for this test JVM. Tests share the context; each creates its own trainers, so they
 * never see each other's data.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@org.springframework.context.annotation.Import(StatementCounter.class)
public abstract class SpotterIT {

    private static final Path DATA_DIR;

    static {
        try {
            DATA_DIR = Files.createTempDirectory("spotter-it-");
        } catch (IOException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @LocalServerPort
    protected int port;

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("spotter.data-dir", DATA_DIR::toString);
        registry.add("spotter.embedded-postgres.ephemeral", () -> "true");
        // Radicale, Xandikos and the stub servers listen on loopback, which Spotter refuses by default (SSRF guard).
        registry.add("spotter.caldav.allow-private-networks", () -> "true");
    }

    protected ApiClient newTrainer() {
        return ApiClient.newTrainer(port, "Africa/Johannesburg");
    }

    protected ApiClient anonymous() {
        return new ApiClient(port, null);
    }
}
