package app.spotter.sync.caldav;

import static app.spotter.sync.caldav.StubDavServer.answer;
import static app.spotter.sync.caldav.StubDavServer.multistatus;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.spotter.sync.SyncFailure;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The SSRF guard: a CalDAV URL, a redirect target and a discovered href are each resolved and checked before any
 * request, refusals read the same whatever listens behind the address, and the password goes only to the server
 * the trainer entered.
 */
class AddressGuardTest {

    private final StubDavServer stub = new StubDavServer();
    private final int port = stub.baseUrl().getPort();

    @AfterEach
    void stop() {
        stub.close();
    }

    private static AppleConnector connector(DavPolicy policy) {
        return new AppleConnector(new CalDavClients(Clock.systemUTC(), "", policy));
    }

    private static String refusal(String host) {
        return new AddressRefused(host).getMessage();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"127.0.0.1", "0.0.0.0", "2130706433", "[::1]", "[::ffff:127.0.0.1]", "[::]",
            "localhost", "10.1.2.3", "192.168.0.10", "172.20.0.1", "169.254.169.254", "100.64.0.7", "[fd00::1]",
            "[fe80::1]"})
    void connectingToANonPublicAddressIsRefusedInWordsBeforeAnythingIsSent(String host) {
        URI url = URI.create("http://" + host + ":" + port + "/");

        assertThatThrownBy(() -> connector(DavPolicy.DEFAULT).connect(java.util.UUID.randomUUID(), "trainer",
                "app-password", url, "Spotter"))
                .isInstanceOfSatisfying(SyncFailure.class, failure -> {
                    assertThat(failure.kind()).isEqualTo(SyncFailure.Kind.PERMANENT);
                    assertThat(failure.getMessage()).isEqualTo(refusal(url.getHost()));
                });
        assertThat(stub.requests()).isEmpty();
    }

    @Test
    void aRefusalReadsTheSameWhateverListensBehindTheAddress() throws Exception {
        try (Services services = new Services(stub)) {
            List<String> answers = new ArrayList<>();
            for (URI url : services.urls()) {
                answers.add(messageOf(() -> connector(DavPolicy.DEFAULT).connect(java.util.UUID.randomUUID(),
                        "trainer", "app-password", url, "Spotter")));
            }

            assertThat(answers).containsOnly(refusal("127.0.0.1"));
        }
    }

    @Test
    void aServerThatIsNotCalDavReadsTheSameWhateverItIsWhenPrivateNetworksAreAllowed() throws Exception {
        stub.on("PROPFIND", null, answer(404, "<html>nginx</html>"));
        try (Services services = new Services(stub)) {
            List<String> answers = new ArrayList<>();
            for (URI url : services.urls()) {
                answers.add(messageOf(() -> connector(DavPolicy.allowingPrivateNetworks()).connect(
                        java.util.UUID.randomUUID(), "trainer", "app-password", url, "Spotter")));
            }

            assertThat(answers).containsOnly(
                    "Spotter could not reach a CalDAV server at 127.0.0.1; check the server address, or try again later.");
        }
    }

    @Test
    void aRedirectToANonPublicAddressIsRefusedAndNotFollowed() {
        stub.on("PROPFIND", "/.well-known/caldav", answer(301, "", "Location", "http://[::1]:" + port + "/dav/"));
        CalDavClient client = CalDavClient.over(stub.baseUrl(), loopbackCountsAsPublic(stub.baseUrl()));

        assertThatThrownBy(client::calendarHome).isInstanceOfSatisfying(SyncFailure.class,
                failure -> assertThat(failure.getMessage()).isEqualTo(refusal("[::1]")));
        assertThat(stub.requests()).extracting(StubDavServer.Recorded::path).containsExactly("/.well-known/caldav");
    }

    @Test
    void aDiscoveredHrefOnANonPublicAddressIsRefused() {
        stub.on("PROPFIND", "/.well-known/caldav", multistatus(principal("http://169.254.169.254/principal/")));
        CalDavClient client = CalDavClient.over(stub.baseUrl(), loopbackCountsAsPublic(stub.baseUrl()));

        assertThatThrownBy(client::calendarHome).isInstanceOfSatisfying(SyncFailure.class,
                failure -> assertThat(failure.getMessage()).isEqualTo(refusal("169.254.169.254")));
        assertThat(stub.requests()).hasSize(1);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"file:///etc/passwd", "gopher://127.0.0.1:6379/_INFO", "ftp://example.org/x"})
    void aDiscoveredHrefThatIsNotHttpIsNotFollowed(String href) {
        stub.on("PROPFIND", "/.well-known/caldav", multistatus(principal(href)));
        CalDavClient client = CalDavClient.connect(stub.baseUrl(), "trainer", "app-password",
                DavPolicy.allowingPrivateNetworks());

        assertThatThrownBy(client::calendarHome).isInstanceOfSatisfying(SyncFailure.class, failure -> {
            assertThat(failure.kind()).isEqualTo(SyncFailure.Kind.PERMANENT);
            assertThat(failure.getMessage()).contains("not an http(s) URL");
        });
        assertThat(stub.requests()).hasSize(1);
    }

    @Test
    void aDiscoveredHrefOnAnotherHostNeverReceivesThePassword() {
        // localhost reaches the same stub under another origin: a stand-in for a stranger's server.
        String elsewhere = stub.otherOrigin().resolve("/principal/").toString();
        stub.on("PROPFIND", "/.well-known/caldav", multistatus(principal(elsewhere)))
                .on("PROPFIND", "/principal/", answer(401, "", "WWW-Authenticate", "Basic realm=\"x\""));
        CalDavClient client = CalDavClient.connect(stub.baseUrl(), "trainer", "app-password",
                DavPolicy.allowingPrivateNetworks());

        assertThatThrownBy(client::calendarHome).isInstanceOfSatisfying(SyncFailure.class, failure -> {
            assertThat(failure.kind()).isEqualTo(SyncFailure.Kind.PERMANENT);
            assertThat(failure.getMessage()).isEqualTo("The calendar server 127.0.0.1 sent Spotter on to localhost, "
                    + "which asks for the password; Spotter sends the password only to 127.0.0.1.");
        });
        assertThat(stub.requests()).extracting(StubDavServer.Recorded::path)
                .containsExactly("/.well-known/caldav", "/principal/");
        assertThat(stub.requests().get(0).header("Authorization")).isNotNull();
        assertThat(stub.requests().get(1).header("Authorization")).isNull();
    }

    @Test
    void icloudsPartitionHostsReceiveThePasswordAndStrangersDoNot() {
        URI icloud = URI.create("https://caldav.icloud.com/");
        assertThat(Redirects.keepsCredentials(icloud, URI.create("https://p42-caldav.icloud.com/123/"))).isTrue();
        assertThat(Redirects.keepsCredentials(icloud, URI.create("http://p42-caldav.icloud.com/123/"))).isFalse();
        assertThat(Redirects.keepsCredentials(icloud, URI.create("https://icloud.com.evil.example/"))).isFalse();
        assertThat(Redirects.keepsCredentials(URI.create("https://dav.example.org/"),
                URI.create("https://p42-caldav.icloud.com/"))).isFalse();
        assertThat(Redirects.keepsCredentials(URI.create("https://dav.example.org/"),
                URI.create("https://other.example.org/"))).isFalse();
        assertThat(Redirects.keepsCredentials(URI.create("https://dav.example.org/"),
                URI.create("https://DAV.example.org:443/x/"))).isTrue();
    }

    /** A transport for which only {@code base}'s own address is public: as if the stub were on the internet. */
    private static DavTransport loopbackCountsAsPublic(URI base) {
        return new DavTransport(DavTransport.defaultHttpClient(), DavPolicy.DEFAULT,
                address -> address.getHostAddress().equals(base.getHost()), base, "trainer", "app-password",
                Clock.systemUTC(), null);
    }

    private static String principal(String href) {
        return """
                <?xml version="1.0" encoding="utf-8"?>
                <d:multistatus xmlns:d="DAV:"><d:response><d:href>/.well-known/caldav</d:href><d:propstat><d:prop>
                <d:current-user-principal><d:href>%s</d:href></d:current-user-principal>
                </d:prop><d:status>HTTP/1.1 200 OK</d:status></d:propstat></d:response></d:multistatus>
                """.formatted(href);
    }

    private interface Connect {
        void run() throws SyncFailure;
    }

    private static String messageOf(Connect connect) {
        try {
            connect.run();
        } catch (SyncFailure failure) {
            assertThat(failure.kind()).isEqualTo(SyncFailure.Kind.PERMANENT);
            return failure.getMessage();
        }
        throw new AssertionError("connected");
    }

    /**
     * What may listen behind an address: nothing (a closed port), a service that is not HTTP (it greets first, as
     * PostgreSQL or SMTP would), a web server, and a plain-HTTP server spoken to over TLS.
     */
    private static final class Services implements AutoCloseable {
        private final int closedPort;
        private final ServerSocket notHttp;
        private final StubDavServer web;

        Services(StubDavServer web) throws IOException {
            this.web = web;
            try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                closedPort = probe.getLocalPort();
            }
            notHttp = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
            Thread.ofVirtual().start(() -> {
                while (!notHttp.isClosed()) {
                    try (Socket s = notHttp.accept()) {
                        OutputStream out = s.getOutputStream();
                        out.write("220 mail.internal ESMTP ready\r\n".getBytes(StandardCharsets.US_ASCII));
                        out.flush();
                        s.getInputStream().read(new byte[1024]);
                    } catch (IOException closed) {
                        // next
                    }
                }
            });
        }

        List<URI> urls() {
            int webPort = web.baseUrl().getPort();
            return List.of(URI.create("http://127.0.0.1:" + closedPort + "/"),
                    URI.create("http://127.0.0.1:" + notHttp.getLocalPort() + "/"),
                    URI.create("http://127.0.0.1:" + webPort + "/"),
                    URI.create("https://127.0.0.1:" + webPort + "/"));
        }

        @Override
        public void close() throws IOException {
            notHttp.close();
        }
    }
}
