package app.spotter.sync.caldav;

import static app.spotter.sync.caldav.StubDavServer.answer;
import static app.spotter.sync.caldav.StubDavServer.multistatus;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.spotter.sync.SyncFailure;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The client against scripted answers shaped like iCloud's, for cases a local server cannot produce. */
class CalDavClientStubTest {

    private final StubDavServer stub = new StubDavServer();
    private final CalDavClient client = CalDavClient.connect(stub.baseUrl(), "thandi@icloud.com", "abcd-efgh-ijkl",
            DavPolicy.allowingPrivateNetworks());

    @AfterEach
    void stop() {
        stub.close();
    }

    @Test
    void discoveryFollowsWellKnownThenThePrincipalToAHomeOnAnotherHost() throws SyncFailure {
        URI home = stub.otherOrigin().resolve("/1234567890/calendars/");
        stub.on("PROPFIND", "/.well-known/caldav", answer(301, "", "Location", "/"))
                .on("PROPFIND", "/", multistatus(Fixtures.text("icloud-principal.xml")))
                .on("PROPFIND", "/1234567890/principal/", multistatus(Fixtures.text("icloud-calendar-home-set.xml")
                        .replace("https://p42-caldav.icloud.com:443/1234567890/calendars/", home.toString())));

        assertThat(client.calendarHome()).isEqualTo(home);
    }

    @Test
    void aMissingWellKnownFallsBackToTheBaseUrl() throws SyncFailure {
        CalDavClient withPath = CalDavClient.connect(stub.baseUrl().resolve("/dav/"), "u", "p", DavPolicy.allowingPrivateNetworks());
        stub.on("PROPFIND", "/dav/", multistatus(Fixtures.text("icloud-principal.xml")))
                .on("PROPFIND", "/1234567890/principal/", multistatus(Fixtures.text("icloud-calendar-home-set.xml")));

        assertThat(withPath.calendarHome()).isEqualTo(URI.create("https://p42-caldav.icloud.com:443/1234567890/calendars/"));
        assertThat(stub.requests().getFirst().path()).isEqualTo("/.well-known/caldav");
    }

    @Test
    void onlyEventCalendarsAreFoundByNameAndInboxesAreNotCalendars() throws SyncFailure {
        givenIcloudHomeAt("/1234567890/calendars/");
        stub.on("PROPFIND", "/1234567890/calendars/", multistatus(Fixtures.text("icloud-calendars.xml")));

        assertThat(client.listCalendars()).extracting(CalendarCollection::displayName)
                .containsExactly("Home", "Reminders ⚠️", "Spotter & friends");
        assertThat(client.findCalendar("Reminders ⚠️")).isEmpty();
        assertThat(client.findCalendar("Spotter & friends")).map(CalendarCollection::href)
                .contains(stub.baseUrl().resolve("/1234567890/calendars/Spotter%20sessions/"));
    }

    @Test
    void aServerThatRefusesMkcalendarGetsAnExtendedMkcol() throws SyncFailure {
        givenIcloudHomeAt("/home/");
        stub.on("MKCALENDAR", null, answer(501, ""));

        assertThatThrownBy(() -> client.createCalendar("Spotter")).isInstanceOf(SyncFailure.class);

        assertThat(stub.requests()).extracting(StubDavServer.Recorded::method)
                .containsSubsequence("MKCALENDAR", "MKCOL");
        assertThat(stub.requests()).filteredOn(r -> r.method().equals("MKCOL")).singleElement()
                .satisfies(mkcol -> assertThat(mkcol.body()).contains("resourcetype").contains("Spotter"));
    }

    @Test
    void aPutAnsweredWithoutAnEtagFetchesItWithAHead() throws SyncFailure {
        stub.on("PUT", "/cal/a.ics", answer(201, ""))
                .on("HEAD", "/cal/a.ics", answer(200, "", "ETag", "\"C=12@U=abc\""));

        PutOutcome outcome = client.put(stub.baseUrl().resolve("/cal/a.ics"), new byte[] {'x'},
                WritePrecondition.createOnly());

        assertThat(outcome).isEqualTo(new PutOutcome.Stored(Optional.of(new ETag("\"C=12@U=abc\""))));
        assertThat(stub.requests().getFirst().header("If-None-Match")).isEqualTo("*");
        assertThat(stub.requests().getFirst().header("Content-Type")).startsWith("text/calendar");
    }

    @Test
    void anUpdateSendsTheEtagVerbatimInIfMatch() throws SyncFailure {
        stub.on("PUT", "/cal/a.ics", answer(204, "", "ETag", "\"2\""));

        client.put(stub.baseUrl().resolve("/cal/a.ics"), new byte[] {'x'}, WritePrecondition.ifMatch(new ETag("\"1\"")));

        assertThat(stub.requests().getFirst().header("If-Match")).isEqualTo("\"1\"");
    }

    @Test
    void aRefusedPasswordIsAnAuthFailure() {
        stub.on("PROPFIND", "/.well-known/caldav", answer(401, "", "WWW-Authenticate", "Basic realm=\"x\""));

        assertThatThrownBy(client::calendarHome).isInstanceOfSatisfying(SyncFailure.class,
                f -> assertThat(f.kind()).isEqualTo(SyncFailure.Kind.AUTH));
    }

    @Test
    void aBusyServerIsTransientWithItsRetryAfter() {
        stub.on("DELETE", "/cal/a.ics", answer(503, "", "Retry-After", "17"));

        assertThatThrownBy(() -> client.delete(stub.baseUrl().resolve("/cal/a.ics"), null))
                .isInstanceOfSatisfying(SyncFailure.class, f -> {
                    assertThat(f.kind()).isEqualTo(SyncFailure.Kind.TRANSIENT);
                    assertThat(f.retryAfter()).isEqualTo(Duration.ofSeconds(17));
                });
    }

    @Test
    void aDeleteOfSomethingAlreadyGoneWith410IsSuccess() throws SyncFailure {
        stub.on("DELETE", "/cal/a.ics", answer(410, ""));

        assertThat(client.delete(stub.baseUrl().resolve("/cal/a.ics"), new ETag("\"1\"")))
                .isInstanceOf(DeleteOutcome.AlreadyGone.class);
    }

    @Test
    void aTruncatedSyncContinuesFromTheTokenItReturned() throws SyncFailure {
        String last = """
                <multistatus xmlns="DAV:">
                  <response><href>/1234567890/calendars/home/b.ics</href>
                    <propstat><prop><getetag>"b1"</getetag></prop><status>HTTP/1.1 200 OK</status></propstat></response>
                  <response><href>/1234567890/calendars/home/c.ics</href><status>HTTP/1.1 404 Not Found</status></response>
                  <sync-token>final-token</sync-token>
                </multistatus>""";
        stub.on("REPORT", "/1234567890/calendars/home/",
                multistatus(Fixtures.text("icloud-sync-truncated.xml")), multistatus(last));

        SyncOutcome outcome = client.changesSince(stub.baseUrl().resolve("/1234567890/calendars/home/"), null);

        URI home = stub.baseUrl().resolve("/1234567890/calendars/home/");
        assertThat(outcome).isEqualTo(new SyncOutcome.Changes(new SyncToken("final-token"), java.util.List.of(
                new SyncOutcome.Member(home.resolve("3f1c0a0e-2a8f-4bb6-9d53-61c5f2f0a001.ics"), new ETag("\"mg8v1y2z\"")),
                new SyncOutcome.Member(home.resolve("b.ics"), new ETag("\"b1\""))),
                java.util.Set.of(home.resolve("c.ics"))));
        assertThat(stub.requests().get(1).body()).contains("<d:sync-token>HwoQEgwAAAh8x2Y2AAAAAA==</d:sync-token>");
        assertThat(stub.requests().get(0).header("Depth")).isEqualTo("0");
    }

    @Test
    void aTokenRefusedWith409IsReportedSoTheCallerCanListEverything() throws SyncFailure {
        stub.on("REPORT", "/cal/", answer(409, Fixtures.text("radicale-invalid-sync-token.xml")));

        assertThat(client.changesSince(stub.baseUrl().resolve("/cal/"), new SyncToken("old")))
                .isEqualTo(new SyncOutcome.TokenRefused(new SyncToken("old")));
    }

    @Test
    void aPlain500ToAnIncrementalSyncIsTreatedAsARefusedTokenAsXandikosSendsIt() throws SyncFailure {
        stub.on("REPORT", "/cal/", answer(500, "Internal Server Error"));

        assertThat(client.changesSince(stub.baseUrl().resolve("/cal/"), new SyncToken("old")))
                .isEqualTo(new SyncOutcome.TokenRefused(new SyncToken("old")));
    }

    @Test
    void aBusyServerAnsweringAnIncrementalSyncIsTransientNotARefusedToken() {
        stub.on("REPORT", "/cal/", answer(503, "", "Retry-After", "30"));

        assertThatThrownBy(() -> client.changesSince(stub.baseUrl().resolve("/cal/"), new SyncToken("old")))
                .isInstanceOfSatisfying(SyncFailure.class, f -> {
                    assertThat(f.kind()).isEqualTo(SyncFailure.Kind.TRANSIENT);
                    assertThat(f.retryAfter()).isEqualTo(Duration.ofSeconds(30));
                });
    }

    @Test
    void a500ToAFullListingIsTransient() {
        stub.on("REPORT", "/cal/", answer(500, "Internal Server Error"));

        assertThatThrownBy(() -> client.changesSince(stub.baseUrl().resolve("/cal/"), null))
                .isInstanceOfSatisfying(SyncFailure.class,
                        f -> assertThat(f.kind()).isEqualTo(SyncFailure.Kind.TRANSIENT));
    }

    @Test
    void aForbiddenSyncWithoutTheTokenPreconditionIsAFailureNotARefusedToken() {
        stub.on("REPORT", "/cal/", answer(403, "<error xmlns=\"DAV:\"><need-privileges/></error>"));

        assertThatThrownBy(() -> client.changesSince(stub.baseUrl().resolve("/cal/"), new SyncToken("old")))
                .isInstanceOfSatisfying(SyncFailure.class,
                        f -> assertThat(f.kind()).isEqualTo(SyncFailure.Kind.PERMANENT));
    }

    private void givenIcloudHomeAt(String path) {
        stub.on("PROPFIND", "/", multistatus(Fixtures.text("icloud-principal.xml")))
                .on("PROPFIND", "/1234567890/principal/", multistatus(Fixtures.text("icloud-calendar-home-set.xml")
                        .replace("https://p42-caldav.icloud.com:443/1234567890/calendars/", path)));
    }
}
