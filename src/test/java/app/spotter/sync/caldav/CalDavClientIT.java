package app.spotter.sync.caldav;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import app.spotter.sync.SyncFailure;
import app.spotter.sync.caldav.CalDavServerProcess.Kind;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The client against real Radicale and Xandikos processes; every check reads the server's state independently. */
class CalDavClientIT {

    private static final Map<Kind, CalDavServerProcess> SERVERS = new EnumMap<>(Kind.class);

    private CalDavServerProcess server;
    private CalDavClient client;
    private RawDav raw;

    private void on(Kind kind) {
        server = SERVERS.computeIfAbsent(kind, CalDavServerProcess::start);
        client = CalDavClient.connect(server.baseUrl(), CalDavServerProcess.USER, CalDavServerProcess.PASSWORD,
                DavPolicy.allowingPrivateNetworks());
        raw = new RawDav(CalDavServerProcess.USER, CalDavServerProcess.PASSWORD);
    }

    @AfterAll
    static void stopServers() {
        SERVERS.values().forEach(CalDavServerProcess::close);
        SERVERS.clear();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Kind.class)
    void discoveryFollowsTheWellKnownRedirectToTheTrainersCalendarHome(Kind kind) throws SyncFailure {
        on(kind);

        URI home = client.calendarHome();

        URI expected = server.baseUrl().resolve(kind == Kind.RADICALE ? "/trainer/" : "/trainer/calendars/");
        assertThat(home).isEqualTo(expected);
        assertThat(raw.listing(home).status()).isEqualTo(207);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Kind.class)
    void aCalendarMadeWithMkcalendarIsFoundByItsDisplayNameAfterwards(Kind kind) throws SyncFailure {
        on(kind);
        String name = "Spotter <sessions> & \"PT\" " + UUID.randomUUID();

        CalendarCollection created = client.createCalendar(name);

        assertThat(raw.listing(created.href()).body()).contains("calendar");
        assertThat(client.findCalendar(name)).hasValueSatisfying(found -> {
            assertThat(found.href()).isEqualTo(created.href());
            assertThat(found.acceptsEvents()).isTrue();
        });
        assertThat(client.listCalendars()).extracting(CalendarCollection::displayName).contains(name);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Kind.class)
    void aSecondCreateOfTheSameResourceIsRefusedWith412AndLeavesTheFirstInPlace(Kind kind) throws SyncFailure {
        on(kind);
        URI event = newEventUrl();

        PutOutcome first = client.put(event, ics(event, "Strength · Thandi"), WritePrecondition.createOnly());
        PutOutcome second = client.put(event, ics(event, "Someone else"), WritePrecondition.createOnly());

        RawDav.Answer stored = raw.get(event);
        assertThat(first).isInstanceOfSatisfying(PutOutcome.Stored.class,
                s -> assertThat(s.etag()).contains(new ETag(stored.etag())));
        assertThat(second).isInstanceOf(PutOutcome.PreconditionFailed.class);
        assertThat(stored.body()).contains("SUMMARY:Strength · Thandi");
        if (kind == Kind.RADICALE) {
            assertThat(server.storedFile(event)).hasValueSatisfying(
                    file -> assertThat(file).contains("SUMMARY:Strength · Thandi").doesNotContain("Someone else"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Kind.class)
    void anUpdateWithTheCurrentEtagIsStoredAndOneWithAStaleEtagIsRefusedWith412(Kind kind) throws SyncFailure {
        on(kind);
        URI event = newEventUrl();
        ETag original = stored(client.put(event, ics(event, "v1"), WritePrecondition.createOnly()));

        ETag updated = stored(client.put(event, ics(event, "v2"), WritePrecondition.ifMatch(original)));
        PutOutcome stale = client.put(event, ics(event, "v3"), WritePrecondition.ifMatch(original));

        assertThat(updated).isNotEqualTo(original);
        assertThat(stale).isInstanceOf(PutOutcome.PreconditionFailed.class);
        RawDav.Answer stored = raw.get(event);
        assertThat(stored.body()).contains("SUMMARY:v2").doesNotContain("SUMMARY:v3");
        assertThat(stored.etag()).isEqualTo(updated.value());
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Kind.class)
    void aGetReturnsTheStoredBytesAndEtagAndAMissingObjectIsNotFound(Kind kind) throws SyncFailure {
        on(kind);
        URI event = newEventUrl();
        ETag etag = stored(client.put(event, ics(event, "Mobility"), WritePrecondition.unconditional()));

        GetOutcome found = client.get(event);
        GetOutcome missing = client.get(CalDavClient.objectUrl(calendarOf(event), "missing.ics"));

        assertThat(found).isInstanceOfSatisfying(GetOutcome.Found.class, f -> {
            assertThat(new String(f.ics(), StandardCharsets.UTF_8)).contains("SUMMARY:Mobility");
            assertThat(f.etag()).contains(etag);
        });
        assertThat(missing).isInstanceOf(GetOutcome.NotFound.class);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Kind.class)
    void deletingTwiceIsDeletedThenAlreadyGone(Kind kind) throws SyncFailure {
        on(kind);
        URI event = newEventUrl();
        ETag etag = stored(client.put(event, ics(event, "HIIT"), WritePrecondition.createOnly()));

        DeleteOutcome first = client.delete(event, etag);
        DeleteOutcome second = client.delete(event, null);

        assertThat(first).isInstanceOf(DeleteOutcome.Deleted.class);
        assertThat(second).isInstanceOf(DeleteOutcome.AlreadyGone.class);
        assertThat(raw.get(event).status()).isEqualTo(404);
        if (kind == Kind.RADICALE) {
            assertThat(server.storedFile(event)).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Kind.class)
    void aDeleteWithAStaleEtagIsRefusedWith412AndTheEventStays(Kind kind) throws SyncFailure {
        on(kind);
        URI event = newEventUrl();
        ETag old = stored(client.put(event, ics(event, "v1"), WritePrecondition.createOnly()));
        assertThat(raw.put(event, new String(ics(event, "changed in the calendar app"), StandardCharsets.UTF_8)).status()).isBetween(200, 299);

        DeleteOutcome outcome = client.delete(event, old);

        assertThat(outcome).isInstanceOf(DeleteOutcome.PreconditionFailed.class);
        assertThat(raw.get(event).body()).contains("changed in the calendar app");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Kind.class)
    void syncCollectionListsEverythingFirstThenOnlyTheChangeThenTheRemoval(Kind kind) throws SyncFailure {
        on(kind);
        URI calendar = client.createCalendar("Sync " + UUID.randomUUID()).href();
        URI a = CalDavClient.objectUrl(calendar, UUID.randomUUID() + ".ics");
        URI b = CalDavClient.objectUrl(calendar, UUID.randomUUID() + ".ics");
        ETag etagA = stored(client.put(a, ics(a, "A"), WritePrecondition.createOnly()));
        stored(client.put(b, ics(b, "B"), WritePrecondition.createOnly()));

        SyncOutcome.Changes initial = changes(client.changesSince(calendar, null));
        assertThat(initial.changed()).extracting(SyncOutcome.Member::href).containsExactlyInAnyOrder(a, b);
        assertThat(initial.changed()).contains(new SyncOutcome.Member(a, etagA));
        assertThat(initial.removed()).isEmpty();

        ETag etagA2 = stored(client.put(a, ics(a, "A2"), WritePrecondition.ifMatch(etagA)));
        SyncOutcome.Changes afterChange = changes(client.changesSince(calendar, initial.token()));
        assertThat(afterChange.changed()).containsExactly(new SyncOutcome.Member(a, etagA2));
        assertThat(afterChange.removed()).isEmpty();
        assertThat(afterChange.token()).isNotEqualTo(initial.token());

        assertThat(raw.delete(b).status()).isBetween(200, 299);
        SyncOutcome.Changes afterDelete = changes(client.changesSince(calendar, afterChange.token()));
        assertThat(afterDelete.changed()).isEmpty();
        assertThat(afterDelete.removed()).containsExactly(b);

        SyncOutcome.Changes nothing = changes(client.changesSince(calendar, afterDelete.token()));
        assertThat(nothing.changed()).isEmpty();
        assertThat(nothing.removed()).isEmpty();
    }

    /** Radicale only: Xandikos 0.2.8 answers an unknown token with 500, not the RFC 6578 precondition. */
    @ParameterizedTest(name = "{0}")
    @EnumSource(value = Kind.class, names = "RADICALE")
    void aTokenTheServerNeverIssuedIsReportedAsRefusedSoTheCallerListsEverything(Kind kind) throws SyncFailure {
        on(kind);
        URI calendar = client.createCalendar("Tokens " + UUID.randomUUID()).href();
        SyncToken bogus = new SyncToken("http://radicale.org/ns/sync/" + "0".repeat(32));

        SyncOutcome outcome = client.changesSince(calendar, bogus);

        assertThat(outcome).isEqualTo(new SyncOutcome.TokenRefused(bogus));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Kind.class)
    void aWrongPasswordIsAnAuthFailureTheTrainerCanActOn(Kind kind) {
        on(kind);
        assumeTrue(server.authenticates(), "Xandikos has no authentication of its own");
        CalDavClient wrong = CalDavClient.connect(server.baseUrl(), CalDavServerProcess.USER, "not the password",
                DavPolicy.allowingPrivateNetworks());

        assertThatThrownBy(wrong::calendarHome)
                .isInstanceOfSatisfying(SyncFailure.class, f -> {
                    assertThat(f.kind()).isEqualTo(SyncFailure.Kind.AUTH);
                    assertThat(f.getMessage()).contains("reconnect").doesNotContain("not the password");
                });
    }

    private URI newEventUrl() throws SyncFailure {
        CalendarCollection calendar = client.findOrCreateCalendar("Spotter");
        return CalDavClient.objectUrl(calendar.href(), UUID.randomUUID() + ".ics");
    }

    private static URI calendarOf(URI event) {
        return event.resolve(".");
    }

    private static byte[] ics(URI event, String summary) {
        String path = event.getPath();
        String uid = path.substring(path.lastIndexOf('/') + 1).replace(".ics", "") + "@spotter.test";
        return RawDav.event(uid, summary).getBytes(StandardCharsets.UTF_8);
    }

    private static ETag stored(PutOutcome outcome) {
        assertThat(outcome).isInstanceOf(PutOutcome.Stored.class);
        return ((PutOutcome.Stored) outcome).etag().orElseThrow();
    }

    private static SyncOutcome.Changes changes(SyncOutcome outcome) {
        assertThat(outcome).isInstanceOf(SyncOutcome.Changes.class);
        return (SyncOutcome.Changes) outcome;
    }
}
