package app.spotter.sync.caldav;

import static app.spotter.sync.caldav.StubDavServer.answer;
import static app.spotter.sync.caldav.StubDavServer.multistatus;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.spotter.sync.SyncFailure;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RedirectTest {

    private final StubDavServer stub = new StubDavServer();
    private final DavTransport transport =
            new DavTransport(DavTransport.defaultHttpClient(), "trainer", "app-password", Clock.systemUTC());

    @AfterEach
    void stop() {
        stub.close();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(ints = {301, 302, 307, 308})
    void aPropfindThatIsRedirectedIsResentWithItsBodyDepthAndCredentials(int status) throws SyncFailure {
        stub.on("PROPFIND", "/.well-known/caldav", answer(status, "", "Location", "/dav/"))
                .on("PROPFIND", "/dav/", multistatus(Fixtures.text("icloud-principal.xml")));
        byte[] body = DavBodies.propfind(List.of(Dav.CURRENT_USER_PRINCIPAL));

        DavExchange answer = transport.send(
                DavRequest.xml("PROPFIND", stub.baseUrl().resolve("/.well-known/caldav"), "0", body));

        assertThat(answer.status()).isEqualTo(207);
        assertThat(answer.uri()).isEqualTo(stub.baseUrl().resolve("/dav/"));
        List<StubDavServer.Recorded> requests = stub.requests();
        assertThat(requests).extracting(StubDavServer.Recorded::method).containsExactly("PROPFIND", "PROPFIND");
        StubDavServer.Recorded resent = requests.get(1);
        assertThat(resent.body()).isEqualTo(new String(body, java.nio.charset.StandardCharsets.UTF_8));
        assertThat(resent.header("Depth")).isEqualTo("0");
        assertThat(resent.header("Authorization")).startsWith("Basic ");
    }

    @Test
    void aReportRedirectedWith301KeepsItsMethodAndBody() throws SyncFailure {
        stub.on("REPORT", "/old/", answer(301, "", "Location", "/new/"))
                .on("REPORT", "/new/", multistatus(Fixtures.text("radicale-sync.xml")));

        transport.send(DavRequest.xml("REPORT", stub.baseUrl().resolve("/old/"), "0", DavBodies.syncCollection(null)));

        assertThat(stub.requests().get(1).method()).isEqualTo("REPORT");
        assertThat(stub.requests().get(1).body()).contains("sync-collection");
    }

    @Test
    void aRedirectLoopStopsAfterABoundedNumberOfHopsAsAPermanentFailure() {
        stub.on("PROPFIND", "/a/", answer(302, "", "Location", "/b/"))
                .on("PROPFIND", "/b/", answer(302, "", "Location", "/a/"));

        assertThatThrownBy(() -> transport.send(DavRequest.xml("PROPFIND", stub.baseUrl().resolve("/a/"), "0",
                DavBodies.propfind(List.of(Dav.DISPLAYNAME)))))
                .isInstanceOfSatisfying(SyncFailure.class,
                        f -> assertThat(f.kind()).isEqualTo(SyncFailure.Kind.PERMANENT))
                .hasMessageContaining("too many times");
        assertThat(stub.requests()).hasSize(Redirects.MAX_HOPS);
    }

    @Test
    void thePasswordIsNotSentToAnotherHostOverPlainHttp() throws SyncFailure {
        URI elsewhere = stub.otherOrigin().resolve("/dav/");
        stub.on("PROPFIND", "/start/", answer(301, "", "Location", elsewhere.toString()))
                .on("PROPFIND", "/dav/", multistatus(Fixtures.text("icloud-principal.xml")));

        transport.send(DavRequest.xml("PROPFIND", stub.baseUrl().resolve("/start/"), "0",
                DavBodies.propfind(List.of(Dav.CURRENT_USER_PRINCIPAL))));

        assertThat(stub.requests().get(0).header("Authorization")).isNotNull();
        assertThat(stub.requests().get(1).header("Authorization")).isNull();
    }

    @Test
    void aRedirectFromHttpsToPlainHttpIsRefused() {
        assertThatThrownBy(() -> Redirects.target(URI.create("https://caldav.icloud.com/"), 301,
                Optional.of("http://p42-caldav.icloud.com/")))
                .isInstanceOf(Redirects.RefusedRedirect.class);
    }

    @Test
    void credentialsFollowAnHttpsRedirectToIcloudsPerAccountHost() throws Exception {
        URI from = URI.create("https://caldav.icloud.com/");
        URI to = Redirects.target(from, 302, Optional.of("https://p42-caldav.icloud.com/123/principal/")).orElseThrow();

        assertThat(Redirects.keepsCredentials(from, to)).isTrue();
    }

    @Test
    void aRedirectWithoutLocationIsReturnedAsTheAnswer() throws SyncFailure {
        stub.on("GET", "/x.ics", answer(302, ""));

        assertThat(transport.send(DavRequest.of("GET", stub.baseUrl().resolve("/x.ics"))).status()).isEqualTo(302);
    }
}
