package app.spotter.trainer;

import static org.assertj.core.api.Assertions.assertThat;

import app.spotter.support.SpotterIT;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** "Forgot password" with SMTP configured: the emailed link works once, and only for a good password. */
class PasswordResetIT extends SpotterIT {

    private static final int SMTP_PORT = freePort();
    private static final Pattern LINK = Pattern.compile("/reset-password\\?token=([A-Za-z0-9_-]+)");
    private static final Pattern SESSION = Pattern.compile("JSESSIONID=([^;]+)");
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(new ServerSetup(SMTP_PORT, "127.0.0.1", "smtp"))
            .withPerMethodLifecycle(false);

    private static EmbeddedPostgres database;

    @DynamicPropertySource
    static void mail(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP_PORT);
        // a context of its own (mail settings), so a PostgreSQL of its own, as EmailCalendarIT does
        registry.add("spring.datasource.url", () -> database().getJdbcUrl("postgres", "postgres"));
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "postgres");
    }

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void theEmailedLinkSetsAGoodPasswordOnceAndEndsEveryToken() throws Exception {
        String email = "reset-" + UUID.randomUUID() + "@example.com";
        anonymous().post("/api/v1/trainers", """
                {"name":"Nandi Dube","email":"%s","password":"correct horse battery"}""".formatted(email));
        String oldToken = anonymous().post("/api/v1/auth/tokens", """
                {"email":"%s","password":"correct horse battery"}""".formatted(email)).json().get("token")
                .stringValue();

        HttpResponse<String> asked = form("/forgot-password", "email=" + enc(email));
        assertThat(asked.statusCode()).isEqualTo(200);
        assertThat(asked.body()).contains("on its way");
        assertThat(SMTP.waitForIncomingEmail(20_000, 1)).isTrue();
        MimeMessage mail = SMTP.getReceivedMessagesForDomain(email.substring(email.indexOf('@') + 1))[0];
        Matcher link = LINK.matcher(GreenMailUtil.getBody(mail));
        assertThat(link.find()).isTrue();
        String token = link.group(1);

        assertThat(get("/reset-password?token=" + token).body()).contains("New password");
        HttpResponse<String> weak = form("/reset-password", "token=" + token + "&password=" + enc("password123"));
        assertThat(weak.body()).contains("field-error").contains("common password");

        HttpResponse<String> done = form("/reset-password", "token=" + token + "&password="
                + enc("a-much-better-passphrase"));
        assertThat(done.statusCode()).isEqualTo(302);
        assertThat(done.headers().firstValue("Location").orElseThrow()).endsWith("/login?reset");
        assertThat(anonymous().as(oldToken).get("/api/v1/me").status()).isEqualTo(401);
        assertThat(anonymous().post("/api/v1/auth/tokens", """
                {"email":"%s","password":"a-much-better-passphrase"}""".formatted(email)).status()).isEqualTo(201);

        // single use
        assertThat(get("/reset-password?token=" + token).body()).contains("expired or was already used");
        assertThat(form("/reset-password", "token=" + token + "&password=" + enc("another-fine-passphrase"))
                .body()).contains("expired or was already used");
    }

    @Test
    void anUnknownAddressGetsTheSameAnswerAndNoEmail() throws Exception {
        int before = SMTP.getReceivedMessages().length;
        HttpResponse<String> asked = form("/forgot-password", "email=" + enc("nobody-" + UUID.randomUUID()
                + "@example.com"));
        assertThat(asked.body()).contains("on its way");
        assertThat(SMTP.getReceivedMessages()).hasSize(before);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A form post the way a browser sends it: with the session cookie and CSRF token of the page it came from. */
    private HttpResponse<String> form(String path, String body) throws Exception {
        HttpResponse<String> page = get("/forgot-password");
        Matcher session = SESSION.matcher(page.headers().firstValue("Set-Cookie").orElseThrow());
        Matcher csrf = CSRF.matcher(page.body());
        assertThat(session.find() && csrf.find()).isTrue();
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", "JSESSIONID=" + session.group(1))
                .POST(HttpRequest.BodyPublishers.ofString(body + "&_csrf=" + enc(csrf.group(1)))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static synchronized EmbeddedPostgres database() {
        if (database == null) {
            try {
                database = EmbeddedPostgres.builder()
                        .setDataDirectory(Files.createTempDirectory("spotter-reset-it-")).start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            EmbeddedPostgres started = database;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    started.close();
                } catch (IOException ignored) {
                    // the JVM is going away anyway
                }
            }));
        }
        return database;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
