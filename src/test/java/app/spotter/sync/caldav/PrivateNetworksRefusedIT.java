package app.spotter.sync.caldav;

import static org.assertj.core.api.Assertions.assertThat;

import app.spotter.support.ApiClient;
import java.io.IOException;
import java.nio.file.Files;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Spotter as shipped (private networks not allowed): a trainer who enters a loopback, private or metadata address
 * as their CalDAV server gets 422 in words, nothing is stored, and the server behind the address (a stub on
 * loopback that records everything) never hears from Spotter, let alone its password.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PrivateNetworksRefusedIT {

    private static final StubDavServer BEHIND = new StubDavServer();

    @LocalServerPort
    int port;

    private ApiClient api;

    @DynamicPropertySource
    static void shippedDefaults(DynamicPropertyRegistry registry) throws IOException {
        registry.add("spotter.data-dir", Files.createTempDirectory("spotter-ssrf-it-")::toString);
        registry.add("spotter.embedded-postgres.ephemeral", () -> "true");
        registry.add("spotter.caldav.allow-private-networks", () -> "false");
    }

    @AfterAll
    void stop() {
        BEHIND.close();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"127.0.0.1", "0.0.0.0", "2130706433", "[::1]", "[::ffff:127.0.0.1]", "localhost",
            "10.0.0.5", "169.254.169.254"})
    void aCalDavServerOnANonPublicAddressIsRefusedWith422InWords(String host) {
        if (api == null) {
            api = ApiClient.newTrainer(port, "Africa/Johannesburg");
        }
        int behind = BEHIND.baseUrl().getPort();

        var refused = api.put("/api/v1/calendar-sync/connections/apple", """
                {"username":"trainer","app_password":"app-password","server_url":"http://%s:%d/"}"""
                .formatted(host, behind));

        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        assertThat(refused.json().get("detail").stringValue())
                .isEqualTo(new AddressRefused(host).getMessage())
                .contains("public internet");
        assertThat(BEHIND.requests()).isEmpty();
        var status = api.get("/api/v1/calendar-sync/status");
        assertThat(status.body()).doesNotContain("\"apple\"");
    }
}
