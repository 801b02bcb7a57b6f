package app.spotter.sync.caldav;

import static org.assertj.core.api.Assertions.assertThat;

import app.spotter.support.ApiClient;
import app.spotter.support.Eventually;
import app.spotter.support.FaultyProxy;
import app.spotter.support.SpotterIT;
import app.spotter.calendar.SeriesExpander;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * End to end through the public API into a real CalDAV server: every check reads what the server stores, not
 * Spotter's tables. Subclasses pick the server (Radicale, Xandikos).
 */
abstract class AppleCalendarSyncIT extends SpotterIT {

    static final Duration WAIT = Duration.ofSeconds(20);
    /** Bookings go on days after this one, a month ahead of the clock, so no test runs out of future. */
    static final LocalDate BASE = LocalDate.now(ZoneId.of("Africa/Johannesburg")).plusDays(30);

    static CalDavServerProcess server;

    final RawDav raw = new RawDav(CalDavServerProcess.USER, CalDavServerProcess.PASSWORD);
    @Autowired
    JdbcClient jdbc;
    ApiClient api;
    String clientId;
    URI calendar;

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    @BeforeEach
    void connectedTrainer() {
        api = newTrainer();
        clientId = api.createClient("Naledi", "Dube", "naledi@example.com");
        calendar = connect(server.baseUrl(), "Spotter " + UUID.randomUUID());
    }

    URI connect(URI serverUrl, String calendarName) {
        var r = api.put("/api/v1/calendar-sync/connections/apple", """
                {"username":"%s","app_password":"%s","server_url":"%s","calendar_name":"%s"}"""
                .formatted(CalDavServerProcess.USER, CalDavServerProcess.PASSWORD, serverUrl, calendarName));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.body()).doesNotContain(CalDavServerProcess.PASSWORD);
        return URI.create(r.json().get("calendar_url").stringValue());
    }

    URI eventUrl(String bookingId) {
        return calendar.resolve(bookingId.replace("-", "") + ".ics");
    }

    String awaitEvent(String bookingId, String mustContain) {
        String[] body = new String[1];
        Eventually.await(WAIT, "event " + bookingId + " with " + mustContain, () -> {
            RawDav.Answer answer = raw.get(eventUrl(bookingId));
            body[0] = answer.body();
            return answer.status() == 200 && unfolded(answer.body()).contains(mustContain);
        });
        return unfolded(body[0]);
    }

    void awaitGone(String bookingId) {
        Eventually.await(WAIT, "event " + bookingId + " removed", () -> raw.get(eventUrl(bookingId)).status() == 404);
    }

    /**
     * Waits until this trainer has no sync work that is due: no due pending booking and no round queued for a
     * connection. What is still not in the calendar afterwards will not get there by waiting longer.
     */
    void awaitDueWorkDone() {
        String trainerId = api.get("/api/v1/me").json().get("id").stringValue();
        Eventually.await(WAIT, "due sync work of the trainer done", () -> jdbc.sql("""
                SELECT (SELECT count(*) FROM sync_pending WHERE trainer_id = CAST(? AS uuid)
                          AND due_at IS NOT NULL AND due_at <= now())
                     + (SELECT count(*) FROM scheduled_tasks WHERE task_name = 'sync-round'
                          AND task_instance LIKE ? AND execution_time <= now())""")
                .params(trainerId, trainerId + ":%").query(Integer.class).single() == 0);
    }

    /** Local time on day {@code day} after {@link #BASE}, in Johannesburg (UTC+2 all year). */
    static String at(int day, String hourMinute) {
        return BASE.plusDays(day) + "T" + hourMinute + ":00+02:00";
    }

    /** The same day as iCalendar's local DATE-TIME text (RFC 5545 3.3.5), for DTSTART;TZID=... checks. */
    static String ical(int day, String hhmmss) {
        return BASE.plusDays(day).format(DateTimeFormatter.BASIC_ISO_DATE) + "T" + hhmmss;
    }

    static String unfolded(String ics) {
        return ics.replace("\r\n ", "").replace("\r\n\t", "");
    }

    @Test
    void connectingCreatesTheNamedCalendarOnTheServer() {
        RawDav.Answer listing = raw.listing(calendar);
        assertThat(listing.status()).isEqualTo(207);
        assertThat(api.get("/api/v1/calendar-sync/status").json().findValuesAsString("sync_status"))
                .containsExactly("ok");
        assertThat(api.get("/api/v1/calendar-sync/preferences").json().get("apple_calendar_enabled").booleanValue())
                .isTrue();
    }

    @Test
    void aNewBookingAppearsInTheCalendarInTheTrainersZoneWithoutNotesOrAttendees() {
        var created = api.post("/api/v1/bookings", """
                {"client_id":"%s","starts_at":"%s","duration_minutes":60,
                 "location":"Sea Point Promenade","notes":"left knee injury","session_type":"assessment"}"""
                .formatted(clientId, at(1, "09:00")));
        String id = created.json().get("id").stringValue();
        String ics = awaitEvent(id, "SUMMARY:Assessment · Naledi Dube");
        assertThat(ics).contains("UID:" + id + "@", "DTSTART;TZID=Africa/Johannesburg:" + ical(1, "090000"),
                "DTEND;TZID=Africa/Johannesburg:" + ical(1, "100000"), "BEGIN:VTIMEZONE", "LOCATION:Sea Point Promenade");
        assertThat(ics).doesNotContain("knee", "ATTENDEE", "METHOD", "ORGANIZER");
        Eventually.await(WAIT, "status counts the event", () ->
                api.get("/api/v1/calendar-sync/status").json().get(0).get("events_synced").intValue() == 1);
    }

    @Test
    void reschedulingMovesTheEventAndRaisesItsSequence() {
        String id = api.createBooking(clientId, at(2, "09:00"), 60);
        String first = awaitEvent(id, "DTSTART;TZID=Africa/Johannesburg:" + ical(2, "090000"));
        api.patch("/api/v1/bookings/" + id, "{\"starts_at\":\"" + at(2, "15:30") + "\"}");
        String moved = awaitEvent(id, "DTSTART;TZID=Africa/Johannesburg:" + ical(2, "153000"));
        assertThat(sequence(moved)).isGreaterThan(sequence(first));
    }

    @Test
    void cancellingABookingRemovesItsEventFromTheCalendar() {
        String id = api.createBooking(clientId, at(3, "09:00"), 60);
        awaitEvent(id, "UID:");
        api.post("/api/v1/bookings/" + id + "/cancel", null);
        awaitGone(id);
    }

    @Test
    void deletingABookingRemovesItsEventFromTheCalendar() {
        String id = api.createBooking(clientId, at(4, "09:00"), 60);
        awaitEvent(id, "UID:");
        assertThat(api.delete("/api/v1/bookings/" + id).status()).isEqualTo(204);
        awaitGone(id);
    }

    @Test
    void hidingClientNamesRewritesTheEventWithoutTheName() {
        String id = api.createBooking(clientId, at(5, "09:00"), 60);
        awaitEvent(id, "Naledi Dube");
        api.put("/api/v1/calendar-sync/preferences", "{\"show_client_names\":false}");
        String ics = awaitEvent(id, "SUMMARY:1:1 session\r\n");
        assertThat(ics).doesNotContain("Naledi", "Dube");
    }

    @Test
    void sessionColoursArriveAsTheNearestCssColourName() {
        api.put("/api/v1/calendar-sync/preferences", "{\"session_colors\":{\"group\":\"#FF0000\"}}");
        var r = api.post("/api/v1/bookings", """
                {"client_id":"%s","starts_at":"%s","duration_minutes":60,
                 "session_type":"group"}""".formatted(clientId, at(6, "09:00")));
        awaitEvent(r.json().get("id").stringValue(), "COLOR:red");
    }

    @Test
    void anEventChangedOnTheServerIsOverwrittenWithSpottersVersionOnTheNextChange() {
        String id = api.createBooking(clientId, at(7, "09:00"), 60);
        String ours = awaitEvent(id, "UID:");
        // someone edits the event in Calendar.app: the server's etag moves on, ours is stale (412 next time)
        assertThat(raw.put(eventUrl(id), ours.replace("SUMMARY:1:1 session · Naledi Dube", "SUMMARY:Hijacked"))
                .status()).isBetween(200, 204);
        api.patch("/api/v1/bookings/" + id, "{\"location\":\"Camps Bay\"}");
        String after = awaitEvent(id, "LOCATION:Camps Bay");
        assertThat(after).contains("SUMMARY:1:1 session · Naledi Dube").doesNotContain("Hijacked");
    }

    @Test
    void aServerErrorIsRetriedUntilTheEventArrivesAndTheStatusRecovers() throws Exception {
        try (FaultyProxy proxy = new FaultyProxy(server.baseUrl())) {
            api = newTrainer();
            clientId = api.createClient("Sipho", "Ndlovu", null);
            calendar = connect(proxy.uri(), "Flaky " + UUID.randomUUID());
            proxy.failNext(3, 500);
            String id = api.createBooking(clientId, at(8, "09:00"), 60);
            Eventually.await(WAIT, "error status", () -> "error".equals(
                    api.get("/api/v1/calendar-sync/status").json().get(0).get("sync_status").stringValue()));
            assertThat(api.get("/api/v1/calendar-sync/status").json().get(0).get("error_message").stringValue())
                    .contains("retry");
            Eventually.await(Duration.ofSeconds(40), "event after retries",
                    () -> raw.get(URI.create(server.baseUrl() + calendar.getPath().substring(1))
                            .resolve(id.replace("-", "") + ".ics")).status() == 200);
            Eventually.await(WAIT, "ok status", () -> "ok".equals(
                    api.get("/api/v1/calendar-sync/status").json().get(0).get("sync_status").stringValue()));
        }
    }

    @Test
    void aSyncRoundWithNothingChangedSendsOneRequest() throws Exception {
        try (FaultyProxy proxy = new FaultyProxy(server.baseUrl())) {
            api = newTrainer();
            clientId = api.createClient("Thabo", "Molefe", null);
            calendar = connect(proxy.uri(), "Quiet " + UUID.randomUUID());
            String id = api.createBooking(clientId, at(9, "09:00"), 60);
            for (int i = 0; i < 5; i++) {
                assertThat(api.post("/api/v1/calendar-sync/sync", "{}").status()).isEqualTo(202);
            }
            Eventually.await(WAIT, "event pushed", () -> api.get("/api/v1/calendar-sync/status").json().get(0)
                    .get("events_synced").intValue() == 1);
            // first round stores the sync token; "sync now" while a job runs must still be accepted
            assertThat(api.post("/api/v1/calendar-sync/sync", "{}").status()).isEqualTo(202);
            awaitDueWorkDone();
            int before = proxy.forwarded();
            assertThat(api.post("/api/v1/calendar-sync/sync", "{}").status()).isEqualTo(202);
            awaitDueWorkDone();
            assertThat(proxy.forwarded() - before).isEqualTo(1);
            assertThat(awaitEvent(id, "UID:")).as("the quiet round left the event alone").contains(
                    "UID:" + id + "@spotter.app");
        }
    }

    /**
     * A stored sync token the server no longer knows (a restored or migrated server): RFC 6578 says 403/409 with
     * valid-sync-token, and Radicale does that, but Xandikos 0.2 answers 500. Either way the round must fall back
     * to a full listing, or the connection would stay in error for ever; an event missing from that listing was
     * deleted there, so the session is flagged for the trainer (never cancelled, never recreated unasked).
     */
    @Test
    void aSyncTokenTheServerNoLongerKnowsIsReplacedAndAnEventDeletedThereIsFlagged() {
        String id = api.createBooking(clientId, at(10, "09:00"), 60);
        awaitEvent(id, "UID:");
        UUID trainerId = UUID.fromString(api.get("/api/v1/me").json().get("id").stringValue());
        assertThat(api.post("/api/v1/calendar-sync/sync", "{}").status()).isEqualTo(202);
        Eventually.await(WAIT, "a sync token stored", () -> syncToken(trainerId) != null);
        String unknown = calendar + "sync-token-from-another-life";
        jdbc.sql("UPDATE sync_connections SET sync_token = ? WHERE trainer_id = ? AND provider = 'apple'")
                .params(unknown, trainerId).update();
        assertThat(raw.delete(eventUrl(id)).status()).isBetween(200, 204);

        assertThat(api.post("/api/v1/calendar-sync/sync", "{}").status()).isEqualTo(202);

        awaitRemovedThere(id);
        Eventually.await(WAIT, "a new token and status ok", () -> !unknown.equals(syncToken(trainerId))
                && "ok".equals(api.get("/api/v1/calendar-sync/status").json().get(0).get("sync_status")
                        .stringValue()));
    }

    // ---- changes made in the trainer's calendar (issue 15), written with raw HTTP as another client would ----

    @Test
    void aMoveMadeInTheCalendarReschedulesTheBookingAndTheCalendarKeepsTheNewTime() {
        String id = api.createBooking(clientId, at(11, "09:00"), 60);
        String ours = rawEvent(id);
        assertThat(raw.put(eventUrl(id), moved(ours, 11, "090000", "100000", "140000", "150000")).status())
                .isBetween(200, 204);

        syncNow();

        Eventually.await(WAIT, "the booking follows the move", () -> at(11, "14:00").equals(startsAt(id)));
        assertThat(api.get("/api/v1/bookings/" + id).json().get("ends_at").stringValue()).isEqualTo(at(11, "15:00"));
        String after = awaitEvent(id, "DTSTART;TZID=Africa/Johannesburg:" + ical(11, "140000"));
        assertThat(after).contains("DTEND;TZID=Africa/Johannesburg:" + ical(11, "150000"));
        var activity = api.get("/api/v1/bookings/" + id + "/activity").json();
        assertThat(activity.findValuesAsString("kind")).containsExactly("moved_in_calendar");
        assertThat(activity.get(0).get("message").stringValue()).contains("Moved in Apple Calendar", "14:00-15:00");
        assertThat(activity.get(0).get("notice").booleanValue()).isFalse();
        awaitDueWorkDone();
        syncNow();
        awaitDueWorkDone();
        assertThat(startsAt(id)).as("Spotter's own write did not come back as a change").isEqualTo(at(11, "14:00"));
        assertThat(api.get("/api/v1/bookings/" + id + "/activity").json().size()).isEqualTo(1);
    }

    @Test
    void aMoveMadeInTheCalendarOntoAnotherSessionIsPutBackAndTheTrainerIsToldWhy() {
        String id = api.createBooking(clientId, at(12, "09:00"), 60);
        String other = api.createBooking(clientId, at(12, "14:00"), 60);
        awaitEvent(other, "UID:");
        assertThat(moveThereIsPutBack(id, 12, "090000", "100000", "143000", "153000").get("notice").booleanValue())
                .isTrue();
        assertThat(api.get("/api/v1/bookings/" + id + "/activity").json().get(0).get("message").stringValue())
                .contains("Moved in Apple Calendar", "14:30-15:30", "overlaps your session");
    }

    @Test
    void aSessionDeletedInTheCalendarStaysBookedAndOutOfThatCalendarUntilTheTrainerPutsItBack() {
        String id = api.createBooking(clientId, at(13, "09:00"), 60);
        rawEvent(id);
        assertThat(raw.delete(eventUrl(id)).status()).isBetween(200, 204);

        syncNow();

        awaitRemovedThere(id);
        stillOutThereAndBooked(id);
        assertThat(api.get("/api/v1/notices").body()).contains("Deleted in Apple Calendar");

        var back = api.post("/api/v1/bookings/" + id + "/put-back", null);
        assertThat(back.status()).as(back.body()).isEqualTo(200);
        assertThat(back.json().get("put_back").toString()).isEqualTo("[\"apple\"]");
        awaitEvent(id, "DTSTART;TZID=Africa/Johannesburg:" + ical(13, "090000"));
        assertThat(api.get("/api/v1/calendar-sync/removed").json()).isEmpty();
        assertThat(api.post("/api/v1/bookings/" + id + "/put-back", null).status()).as("nothing left to put back")
                .isEqualTo(409);
        assertThat(api.get("/api/v1/bookings/" + id + "/activity").json().findValuesAsString("kind"))
                .containsExactly("removed_in_calendar", "restored_in_calendar");
    }

    @Test
    void aSessionDeletedInTheCalendarIsNotCountedAmongTheEventsMirroredThereUntilItIsPutBack() {
        String kept = api.createBooking(clientId, at(13, "07:00"), 60);
        String id = api.createBooking(clientId, at(13, "09:00"), 60);
        rawEvent(kept);
        rawEvent(id);
        Eventually.await(WAIT, "both counted", () -> eventsMirrored() == 2);
        assertThat(raw.delete(eventUrl(id)).status()).isBetween(200, 204);

        syncNow();

        awaitRemovedThere(id);
        assertThat(eventsMirrored()).as("the status counts what the calendar holds").isEqualTo(1);
        assertThat(api.post("/api/v1/bookings/" + id + "/put-back", null).status()).isEqualTo(200);
        awaitEvent(id, "UID:");
        Eventually.await(WAIT, "counted again once back", () -> eventsMirrored() == 2);
    }

    int eventsMirrored() {
        return api.get("/api/v1/calendar-sync/status").json().get(0).get("events_synced").intValue();
    }

    @Test
    void cancellingASessionDeletedInTheCalendarLetsItGoEverywhere() {
        String id = api.createBooking(clientId, at(14, "09:00"), 60);
        rawEvent(id);
        assertThat(raw.delete(eventUrl(id)).status()).isBetween(200, 204);
        syncNow();
        awaitRemovedThere(id);

        assertThat(api.post("/api/v1/bookings/" + id + "/cancel", null).status()).isEqualTo(200);

        Eventually.await(WAIT, "no longer waiting for a choice",
                () -> api.get("/api/v1/calendar-sync/removed").json().isEmpty());
        assertThat(raw.get(eventUrl(id)).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/bookings/" + id).json().get("status").stringValue()).isEqualTo("cancelled");
    }

    /** Found by the model calendar's property test: the push that met the deletion first created it again. */
    @Test
    void aSessionDeletedInTheCalendarWhileAChangeInSpotterIsOnItsWayStaysOutAndIsFlagged() {
        String id = api.createBooking(clientId, at(15, "09:00"), 60);
        rawEvent(id);
        assertThat(raw.delete(eventUrl(id)).status()).isBetween(200, 204);

        // pushed at once (realtime), while rounds wait for "sync now": the push meets the deletion first
        assertThat(api.patch("/api/v1/bookings/" + id, "{\"location\":\"Camps Bay\"}").status()).isEqualTo(200);

        awaitRemovedThere(id);
        stillOutThereAndBooked(id);
        assertThat(api.get("/api/v1/bookings/" + id + "/activity").json().findValuesAsString("kind"))
                .as("one notice, whichever of push and round met the deletion").containsExactly("removed_in_calendar");
    }

    @Test
    void aTitleEditedInTheCalendarIsPutBackWithOneNoticeAndNoFight() {
        String id = api.createBooking(clientId, at(16, "09:00"), 60);
        String ours = rawEvent(id);
        assertThat(raw.put(eventUrl(id), ours.replace("SUMMARY:1:1 session · Naledi Dube", "SUMMARY:Dentist"))
                .status()).isBetween(200, 204);

        syncNow();

        String back = awaitEvent(id, "SUMMARY:1:1 session · Naledi Dube");
        assertThat(back).doesNotContain("Dentist");
        for (int i = 0; i < 2; i++) {
            awaitDueWorkDone();
            syncNow();
        }
        awaitDueWorkDone();
        var activity = api.get("/api/v1/bookings/" + id + "/activity").json();
        assertThat(activity.findValuesAsString("kind")).containsExactly("put_back");
        assertThat(activity.get(0).get("message").stringValue()).contains("Title, description or colour",
                "Apple Calendar");
        assertThat(startsAt(id)).isEqualTo(at(16, "09:00"));
    }

    @Test
    void aMoveInTheCalendarRacingAnUnsentMoveInSpotterLeavesSpottersTimeWithOneNotice() {
        String id = api.createBooking(clientId, at(17, "09:00"), 60);
        String ours = rawEvent(id);
        api.put("/api/v1/calendar-sync/preferences", "{\"sync_frequency\":\"manual\"}");
        api.patch("/api/v1/bookings/" + id, "{\"starts_at\":\"" + at(17, "11:00") + "\"}");
        assertThat(raw.put(eventUrl(id), moved(ours, 17, "090000", "100000", "140000", "150000")).status())
                .isBetween(200, 204);

        syncNow(); // the push of Spotter's move and the round that finds the calendar's, in either order

        awaitEvent(id, "DTSTART;TZID=Africa/Johannesburg:" + ical(17, "110000"));
        awaitDueWorkDone();
        syncNow();
        awaitDueWorkDone();
        assertThat(startsAt(id)).isEqualTo(at(17, "11:00"));
        assertThat(awaitEvent(id, "UID:")).contains("DTSTART;TZID=Africa/Johannesburg:" + ical(17, "110000"));
        var activity = api.get("/api/v1/bookings/" + id + "/activity").json();
        assertThat(activity.findValuesAsString("kind")).as("the calendar's move is not lost silently")
                .containsExactly("put_back");
    }

    @Test
    void anotherTrainersBookingHasNoActivityToShowAndCannotBePutBack() {
        String id = api.createBooking(clientId, at(18, "09:00"), 60);
        ApiClient stranger = newTrainer();
        assertThat(stranger.get("/api/v1/bookings/" + id + "/activity").status()).isEqualTo(404);
        assertThat(stranger.post("/api/v1/bookings/" + id + "/put-back", null).status()).isEqualTo(404);
    }

    @Test
    void aMoveMadeInTheCalendarOntoTheTrainersTimeOffIsPutBackAndTheTrainerIsToldWhy() {
        String id = api.createBooking(clientId, at(19, "09:00"), 60);
        var off = api.post("/api/v1/availability/time-off", """
                {"starts_at":"%s","ends_at":"%s","label":"Physio"}""".formatted(at(19, "13:00"), at(19, "17:00")));
        assertThat(off.status()).as(off.body()).isEqualTo(201);
        assertThat(moveThereIsPutBack(id, 19, "090000", "100000", "140000", "150000").get("message").stringValue())
                .contains("Moved in Apple Calendar", "14:00-15:00", "time off", "Physio");
    }

    // ---- one occurrence of a series changed in the trainer's calendar, as an iPhone writes it (OtherClient) ----

    @Test
    void anOccurrenceOfASeriesMovedInTheCalendarBecomesAnExceptionOfThatSessionAlone() throws Exception {
        List<String> sessions = weeklySeries(20);
        String anchor = sessions.getFirst();
        String ours = rawEvent(anchor);
        assertThat(raw.put(eventUrl(anchor), OtherClient.moveOccurrence(ours, instant(27, "09:00"),
                instant(27, "14:00"), instant(27, "15:00"))).status()).isBetween(200, 204);

        syncNow();

        Eventually.await(WAIT, "the session follows the move", () -> at(27, "14:00").equals(startsAt(sessions.get(1))));
        assertThat(api.get("/api/v1/bookings/" + sessions.get(1)).json().get("ends_at").stringValue())
                .isEqualTo(at(27, "15:00"));
        assertThat(List.of(startsAt(sessions.get(0)), startsAt(sessions.get(2)), startsAt(sessions.get(3))))
                .as("the other sessions stay").containsExactly(at(20, "09:00"), at(34, "09:00"), at(41, "09:00"));
        var activity = api.get("/api/v1/bookings/" + sessions.get(1) + "/activity").json();
        assertThat(activity.findValuesAsString("kind")).containsExactly("moved_in_calendar");
        assertThat(activity.get(0).get("message").stringValue()).contains("Moved in Apple Calendar", "14:00-15:00",
                "repeating series");
        assertThat(activity.get(0).get("notice").booleanValue()).isFalse();

        // Spotter writes the series again (a new SEQUENCE, RFC 5546 2.1.4: what invitations follow) with the exception
        String[] after = new String[1];
        Eventually.await(WAIT, "Spotter's series with the exception", () -> {
            after[0] = unfolded(raw.get(eventUrl(anchor)).body());
            return sequence(after[0]) > sequence(ours) && after[0].contains("RECURRENCE-ID");
        });
        assertThat(after[0]).contains("RRULE:", "RECURRENCE-ID;TZID=Africa/Johannesburg:" + ical(27, "090000"),
                "DTSTART;TZID=Africa/Johannesburg:" + ical(27, "140000"));
        assertThat(SeriesExpander.starts(after[0], instant(19, "00:00"), instant(45, "00:00")))
                .as("an independent reader finds the sessions where Spotter has them")
                .containsExactly(instant(20, "09:00"), instant(27, "14:00"), instant(34, "09:00"),
                        instant(41, "09:00"));
        awaitDueWorkDone();
        syncNow();
        awaitDueWorkDone();
        assertThat(startsAt(sessions.get(1))).as("Spotter's own write did not come back as a change")
                .isEqualTo(at(27, "14:00"));
        assertThat(api.get("/api/v1/bookings/" + sessions.get(1) + "/activity").json().size()).isEqualTo(1);
        assertThat(api.get("/api/v1/bookings/" + anchor + "/activity").json()).isEmpty();
    }

    @Test
    void anOccurrenceOfASeriesMovedInTheCalendarOntoAnotherSessionIsPutBackAndTheTrainerIsToldWhy() {
        List<String> sessions = weeklySeries(21);
        String other = api.createBooking(clientId, at(28, "14:00"), 60);
        awaitEvent(other, "UID:");
        String anchor = sessions.getFirst();
        String ours = rawEvent(anchor);
        assertThat(raw.put(eventUrl(anchor), OtherClient.moveOccurrence(ours, instant(28, "09:00"),
                instant(28, "14:30"), instant(28, "15:30"))).status()).isBetween(200, 204);

        syncNow();

        Eventually.await(WAIT, "a notice on that session says why",
                () -> api.get("/api/v1/notices").body().contains(sessions.get(1)));
        Eventually.await(WAIT, "the series put back without the move",
                () -> !raw.get(eventUrl(anchor)).body().contains("RECURRENCE-ID"));
        assertThat(startsAt(sessions.get(1))).isEqualTo(at(28, "09:00"));
        var entry = api.get("/api/v1/bookings/" + sessions.get(1) + "/activity").json().get(0);
        assertThat(entry.get("kind").stringValue()).isEqualTo("put_back");
        assertThat(entry.get("notice").booleanValue()).isTrue();
        assertThat(entry.get("message").stringValue()).contains("Moved in Apple Calendar", "14:30-15:30",
                "overlaps your session", "repeating series");
    }

    @Test
    void anOccurrenceOfASeriesDeletedInTheCalendarStaysBookedAndOutOfThatCalendarUntilTheTrainerChooses()
            throws Exception {
        List<String> sessions = weeklySeries(22);
        String anchor = sessions.getFirst();
        String ours = rawEvent(anchor);
        // one deleted as Calendar.app does (EXDATE), one as other clients do (an override with STATUS:CANCELLED)
        String edited = OtherClient.cancelOccurrence(OtherClient.excludeOccurrence(ours, instant(29, "09:00")),
                instant(36, "09:00"));
        assertThat(raw.put(eventUrl(anchor), edited).status()).isBetween(200, 204);
        String trainersVersion = raw.get(eventUrl(anchor)).etag();

        syncNow();

        awaitRemovedThere(sessions.get(1));
        awaitRemovedThere(sessions.get(2));
        awaitDueWorkDone();
        syncNow();
        awaitDueWorkDone();
        assertThat(raw.get(eventUrl(anchor)).etag()).as("not put back behind the trainer's back")
                .isEqualTo(trainersVersion);
        for (int i = 1; i <= 2; i++) {
            assertThat(api.get("/api/v1/bookings/" + sessions.get(i)).json().get("status").stringValue())
                    .isEqualTo("scheduled");
            var activity = api.get("/api/v1/bookings/" + sessions.get(i) + "/activity").json();
            assertThat(activity.findValuesAsString("kind")).as("one notice, no fight")
                    .containsExactly("removed_in_calendar");
            assertThat(activity.get(0).get("notice").booleanValue()).isTrue();
            assertThat(activity.get(0).get("message").stringValue()).startsWith("Deleted in Apple Calendar")
                    .contains(DAY_TIME.format(instant(22 + 7 * i, "09:00").atZone(ZONE)), "still booked");
        }

        // "Put it back" for one: the series is written again with it, the other still out (Spotter's EXDATE)
        var back = api.post("/api/v1/bookings/" + sessions.get(1) + "/put-back", null);
        assertThat(back.status()).as(back.body()).isEqualTo(200);
        assertThat(back.json().get("put_back").toString()).isEqualTo("[\"apple\"]");
        String[] written = new String[1];
        Eventually.await(WAIT, "the series written again", () -> {
            RawDav.Answer now = raw.get(eventUrl(anchor));
            written[0] = unfolded(now.body());
            return !trainersVersion.equals(now.etag()) && !written[0].contains("RECURRENCE-ID");
        });
        assertThat(written[0]).contains("EXDATE;TZID=Africa/Johannesburg:" + ical(36, "090000"));
        assertThat(SeriesExpander.starts(written[0], instant(19, "00:00"), instant(45, "00:00")))
                .containsExactly(instant(22, "09:00"), instant(29, "09:00"), instant(43, "09:00"));
        assertThat(api.get("/api/v1/bookings/" + sessions.get(1) + "/activity").json().findValuesAsString("kind"))
                .containsExactly("removed_in_calendar", "restored_in_calendar");

        // "Cancel the session" for the other: it goes, and nothing waits for a choice any more
        assertThat(api.post("/api/v1/bookings/" + sessions.get(2) + "/cancel", null).status()).isEqualTo(200);
        Eventually.await(WAIT, "no longer waiting for a choice",
                () -> api.get("/api/v1/calendar-sync/removed").json().isEmpty());
        assertThat(api.get("/api/v1/bookings/" + sessions.get(2)).json().get("status").stringValue())
                .isEqualTo("cancelled");
        awaitDueWorkDone();
        assertThat(SeriesExpander.starts(unfolded(raw.get(eventUrl(anchor)).body()), instant(19, "00:00"),
                instant(45, "00:00"))).containsExactly(instant(22, "09:00"), instant(29, "09:00"),
                instant(43, "09:00"));
    }

    @Test
    void anOccurrenceMovedInTheCalendarRacingAnUnsentMoveOfItInSpotterLeavesSpottersTimeWithOneNotice() {
        List<String> sessions = weeklySeries(23);
        String anchor = sessions.getFirst();
        String ours = rawEvent(anchor);
        api.put("/api/v1/calendar-sync/preferences", "{\"sync_frequency\":\"manual\"}");
        assertThat(api.patch("/api/v1/bookings/" + sessions.get(1), "{\"starts_at\":\"" + at(30, "11:00") + "\"}")
                .status()).isEqualTo(200);
        assertThat(raw.put(eventUrl(anchor), OtherClient.moveOccurrence(ours, instant(30, "09:00"),
                instant(30, "14:00"), instant(30, "15:00"))).status()).isBetween(200, 204);

        syncNow(); // the push of Spotter's move and the round that finds the calendar's, in either order

        awaitEvent(anchor, "DTSTART;TZID=Africa/Johannesburg:" + ical(30, "110000"));
        awaitDueWorkDone();
        syncNow();
        awaitDueWorkDone();
        assertThat(startsAt(sessions.get(1))).isEqualTo(at(30, "11:00"));
        assertThat(awaitEvent(anchor, "UID:")).contains("DTSTART;TZID=Africa/Johannesburg:" + ical(30, "110000"))
                .doesNotContain(ical(30, "140000"));
        // the round and the push (412) both record it on the series' booking: one notice, never a silent overwrite
        List<String> messages = new java.util.ArrayList<>();
        for (String id : List.of(anchor, sessions.get(1))) {
            messages.addAll(api.get("/api/v1/bookings/" + id + "/activity").json().findValuesAsString("message"));
        }
        assertThat(messages).hasSize(1);
        assertThat(api.get("/api/v1/bookings/" + anchor + "/activity").json().get(0).get("kind").stringValue())
                .isEqualTo("put_back");
    }

    // ---- a whole series deleted in the trainer's calendar (the object gone, as another client deletes it) ----

    @Test
    void aWholeSeriesDeletedInTheCalendarStaysBookedAndOutOfThatCalendarUntilTheTrainerPutsItBack() throws Exception {
        List<String> sessions = weeklySeries(24);
        String anchor = sessions.getFirst();
        rawEvent(anchor);
        assertThat(raw.delete(eventUrl(anchor)).status()).isBetween(200, 204);

        syncNow();

        awaitRemovedThere(anchor);
        stillOutThereAndBooked(anchor);
        for (String session : sessions) {
            assertThat(api.get("/api/v1/bookings/" + session).json().get("status").stringValue())
                    .isEqualTo("scheduled");
        }
        var removed = api.get("/api/v1/calendar-sync/removed").json();
        assertThat(removed).as("the series once, by its first session").hasSize(1);
        assertThat(removed.get(0).get("provider").stringValue()).isEqualTo("apple");
        assertThat(removed.get(0).get("whole_series").booleanValue()).isTrue();
        var activity = api.get("/api/v1/bookings/" + anchor + "/activity").json();
        assertThat(activity.findValuesAsString("kind")).as("one notice, no fight").containsExactly("removed_in_calendar");
        assertThat(activity.get(0).get("message").stringValue()).startsWith("Deleted in Apple Calendar")
                .contains("whole repeating series", "still booked");
        for (String session : sessions.subList(1, 4)) {
            assertThat(api.get("/api/v1/bookings/" + session + "/activity").json()).as("one notice, on the series")
                    .isEmpty();
        }

        // "Put it back", asked from any session of the series: the whole series goes back
        var back = api.post("/api/v1/bookings/" + sessions.get(2) + "/put-back", null);
        assertThat(back.status()).as(back.body()).isEqualTo(200);
        assertThat(back.json().get("put_back").toString()).isEqualTo("[\"apple\"]");
        String written = awaitEvent(anchor, "RRULE:");
        assertThat(SeriesExpander.starts(written, instant(23, "00:00"), instant(50, "00:00")))
                .as("an independent reader finds every session there again")
                .containsExactly(instant(24, "09:00"), instant(31, "09:00"), instant(38, "09:00"),
                        instant(45, "09:00"));
        assertThat(api.get("/api/v1/calendar-sync/removed").json()).isEmpty();
        assertThat(api.get("/api/v1/bookings/" + anchor + "/activity").json().findValuesAsString("kind"))
                .containsExactly("removed_in_calendar", "restored_in_calendar");
        awaitDueWorkDone();
        syncNow();
        awaitDueWorkDone();
        assertThat(raw.get(eventUrl(anchor)).status()).as("Spotter's own write is no new change").isEqualTo(200);
        assertThat(api.get("/api/v1/calendar-sync/removed").json()).isEmpty();
    }

    @Test
    void aSeriesWhoseFirstSessionWasCancelledAloneIsFlaggedNotWrittenBackWhenDeletedInTheCalendar() {
        List<Instant> laterThree = List.of(instant(33, "09:00"), instant(40, "09:00"), instant(47, "09:00"));
        List<String> sessions = weeklySeries(26);
        String anchor = sessions.getFirst();
        assertThat(api.post("/api/v1/bookings/" + anchor + "/cancel", null).status()).isEqualTo(200);
        awaitDueWorkDone();
        Eventually.await(WAIT, "the series there without its first session",
                () -> laterThree.equals(startsThere(anchor, 25, 50)));
        assertThat(raw.delete(eventUrl(anchor)).status()).isBetween(200, 204);

        syncNow();

        awaitRemovedThere(anchor);
        awaitDueWorkDone();
        syncNow();
        awaitDueWorkDone();
        assertThat(raw.get(eventUrl(anchor)).status()).as("not written back behind the trainer's back")
                .isEqualTo(404);
        for (String session : sessions.subList(1, 4)) {
            assertThat(api.get("/api/v1/bookings/" + session).json().get("status").stringValue())
                    .isEqualTo("scheduled");
        }
        assertThat(api.get("/api/v1/bookings/" + anchor + "/activity").json().findValuesAsString("kind"))
                .as("one notice").containsExactly("removed_in_calendar");

        var back = api.post("/api/v1/bookings/" + sessions.get(3) + "/put-back", null);
        assertThat(back.status()).as(back.body()).isEqualTo(200);
        Eventually.await(WAIT, "the series back there, still without its first session",
                () -> laterThree.equals(startsThere(anchor, 25, 50)));
    }

    /**
     * The series' object deleted there as another client would, flagged by a round, and then the trainer's choice
     * "cancel the whole series": nothing waits for a choice any more.
     */
    void deletedThereThenCancelledAsAWhole(String anchor) {
        rawEvent(anchor);
        assertThat(raw.delete(eventUrl(anchor)).status()).isBetween(200, 204);
        syncNow();
        awaitRemovedThere(anchor);
        String seriesId = api.get("/api/v1/bookings/" + anchor).json().get("series_id").stringValue();

        var cancelled = api.post("/api/v1/series/" + seriesId + "/cancel", "{\"scope\":\"all\"}");
        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);

        Eventually.await(WAIT, "no longer waiting for a choice",
                () -> api.get("/api/v1/calendar-sync/removed").json().isEmpty());
    }

    /** The starts an independent reader finds in the object there between two days; empty when it is not there. */
    List<Instant> startsThere(String anchor, int fromDay, int toDay) {
        RawDav.Answer answer = raw.get(eventUrl(anchor));
        if (answer.status() != 200) {
            return List.of();
        }
        try {
            return SeriesExpander.starts(unfolded(answer.body()), instant(fromDay, "00:00"), instant(toDay, "00:00"));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void cancellingAWholeSeriesDeletedInTheCalendarCancelsEverySessionAndLetsItGo() {
        List<String> sessions = weeklySeries(25);
        String anchor = sessions.getFirst();
        deletedThereThenCancelledAsAWhole(anchor);
        for (String session : sessions) {
            assertThat(api.get("/api/v1/bookings/" + session).json().get("status").stringValue())
                    .isEqualTo("cancelled");
        }
        awaitDueWorkDone();
        syncNow();
        awaitDueWorkDone();
        assertThat(raw.get(eventUrl(anchor)).status()).as("not written there again").isEqualTo(404);
        assertThat(api.get("/api/v1/calendar-sync/removed").json()).isEmpty();
    }

    @Test
    void cancellingAStartedSeriesDeletedInTheCalendarKeepsItsPastSessionsOutAndWaitsForNothingMore() {
        List<String> sessions = weeklySeries(-37); // a week ago, today, then two weeks to come
        String anchor = sessions.getFirst();
        deletedThereThenCancelledAsAWhole(anchor);
        assertThat(api.get("/api/v1/bookings/" + anchor).json().get("status").stringValue())
                .as("a session that happened stays as it was").isEqualTo("scheduled");
        for (String session : sessions.subList(2, 4)) {
            assertThat(api.get("/api/v1/bookings/" + session).json().get("status").stringValue())
                    .isEqualTo("cancelled");
        }
        awaitDueWorkDone();
        syncNow();
        awaitDueWorkDone();
        assertThat(raw.get(eventUrl(anchor)).status()).as("the trainer deleted it there: its past is not written back")
                .isEqualTo(404);
        assertThat(api.get("/api/v1/calendar-sync/removed").json()).isEmpty();
    }

    static final ZoneId ZONE = ZoneId.of("Africa/Johannesburg");
    static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("EEE d MMM HH:mm",
            java.util.Locale.forLanguageTag("en-ZA"));

    /** A weekly series of four hour-long sessions from day {@code day} at 09:00: its sessions' ids in order. */
    List<String> weeklySeries(int day) {
        String weekday = BASE.plusDays(day).getDayOfWeek().name().substring(0, 2);
        var created = api.post("/api/v1/bookings", """
                {"client_id":"%s","starts_at":"%s","duration_minutes":60,
                 "recurrence":{"frequency":"weekly","days":["%s"],"count":4}}"""
                .formatted(clientId, at(day, "09:00"), weekday));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        var sessions = api.get("/api/v1/series/" + created.json().get("series_id").stringValue()).json()
                .get("sessions");
        List<String> ids = new java.util.ArrayList<>();
        sessions.forEach(s -> ids.add(s.get("id").stringValue()));
        assertThat(ids).hasSize(4).first().isEqualTo(created.json().get("id").stringValue());
        return ids;
    }

    static Instant instant(int day, String hourMinute) {
        return OffsetDateTime.parse(at(day, hourMinute)).toInstant();
    }

    /**
     * Moves the booking's event there (raw HTTP, as another client would), runs "sync now", and waits until Spotter
     * has put its own time back with a notice; returns that activity entry (kind put_back) for the reason.
     */
    tools.jackson.databind.JsonNode moveThereIsPutBack(String id, int day, String fromStart, String fromEnd,
            String toStart, String toEnd) {
        assertThat(raw.put(eventUrl(id), moved(rawEvent(id), day, fromStart, fromEnd, toStart, toEnd)).status())
                .isBetween(200, 204);
        String before = startsAt(id);

        syncNow();

        Eventually.await(WAIT, "a notice says why", () -> api.get("/api/v1/notices").body().contains(id));
        awaitEvent(id, "DTSTART;TZID=Africa/Johannesburg:" + ical(day, fromStart));
        assertThat(startsAt(id)).isEqualTo(before);
        var entry = api.get("/api/v1/bookings/" + id + "/activity").json().get(0);
        assertThat(entry.get("kind").stringValue()).isEqualTo("put_back");
        assertThat(entry.get("message").stringValue()).doesNotContain("allow_conflict");
        return entry;
    }

    /** After the work and one more round: the event is still not in the calendar, and the session still booked. */
    void stillOutThereAndBooked(String id) {
        awaitDueWorkDone();
        syncNow();
        awaitDueWorkDone();
        assertThat(raw.get(eventUrl(id)).status()).as("not recreated behind the trainer's back").isEqualTo(404);
        assertThat(api.get("/api/v1/bookings/" + id).json().get("status").stringValue()).isEqualTo("scheduled");
    }

    void syncNow() {
        assertThat(api.post("/api/v1/calendar-sync/sync", "{}").status()).isEqualTo(202);
    }

    /**
     * The event as the server stores it, once no round is under way: a change made while a round runs may be
     * after its listing, and "sync now" does not queue a second round behind a running one.
     */
    String rawEvent(String bookingId) {
        awaitEvent(bookingId, "UID:");
        awaitDueWorkDone();
        return raw.get(eventUrl(bookingId)).body();
    }

    static String moved(String ics, int day, String fromStart, String fromEnd, String toStart, String toEnd) {
        String zone = "TZID=Africa/Johannesburg:";
        String out = ics.replace("DTSTART;" + zone + ical(day, fromStart), "DTSTART;" + zone + ical(day, toStart))
                .replace("DTEND;" + zone + ical(day, fromEnd), "DTEND;" + zone + ical(day, toEnd));
        assertThat(out).as("the test's edit applies").isNotEqualTo(ics);
        return out;
    }

    String startsAt(String bookingId) {
        return api.get("/api/v1/bookings/" + bookingId).json().get("starts_at").stringValue();
    }

    void awaitRemovedThere(String bookingId) {
        Eventually.await(WAIT, "flagged as removed from the calendar", () -> api.get("/api/v1/calendar-sync/removed")
                .json().findValuesAsString("booking_id").contains(bookingId));
    }

    private String syncToken(UUID trainerId) {
        return jdbc.sql("SELECT sync_token FROM sync_connections WHERE trainer_id = ? AND provider = 'apple'")
                .param(trainerId).query(String.class).optional().orElse(null);
    }

    private static int sequence(String ics) {
        return Integer.parseInt(ics.replaceAll("(?s).*\r\nSEQUENCE:(\\d+)\r\n.*", "$1"));
    }
}
