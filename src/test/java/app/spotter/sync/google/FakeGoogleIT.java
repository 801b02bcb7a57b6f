package app.spotter.sync.google;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.api.client.googleapis.json.GoogleJsonResponseException;
import com.google.api.client.http.javanet.NetHttpTransport;
import com.google.api.client.json.gson.GsonFactory;
import com.google.api.services.calendar.Calendar;
import com.google.api.services.calendar.model.Event;
import com.google.api.services.calendar.model.EventDateTime;
import com.google.api.client.util.DateTime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The fake itself follows the documented rules, checked through the official client. */
class FakeGoogleIT {

    private final GoogleFixture f;
    private final Calendar calendar;

    FakeGoogleIT() throws Exception {
        f = new GoogleFixture();
        String token = f.oauth.accessToken(f.connection);
        calendar = new Calendar.Builder(new NetHttpTransport(), GsonFactory.getDefaultInstance(),
                r -> r.getHeaders().setAuthorization("Bearer " + token))
                .setRootUrl(f.google.apiRoot()).setApplicationName("test").build();
    }

    @AfterEach
    void stop() {
        f.close();
    }

    @ParameterizedTest(name = "id \"{0}\" is refused with 400")
    @ValueSource(strings = {"abcd", "abcdw", "ABCDE", "abc-de", "abcde_"})
    void anIdOutsideBase32hexOrShorterThanFiveIsRefused(String id) {
        assertThatThrownBy(() -> calendar.events().insert("primary", event(id)).execute())
                .isInstanceOfSatisfying(GoogleJsonResponseException.class,
                        e -> assertThat(e.getStatusCode()).isEqualTo(400));
        assertThat(f.google.events("primary")).isEmpty();
    }

    @Test
    void aDeletedEventKeepsItsIdSoInsertingItAgainIsADuplicate() throws Exception {
        calendar.events().insert("primary", event("abcde0123v")).execute();
        calendar.events().delete("primary", "abcde0123v").execute();

        assertThatThrownBy(() -> calendar.events().insert("primary", event("abcde0123v")).execute())
                .isInstanceOfSatisfying(GoogleJsonResponseException.class, e -> {
                    assertThat(e.getStatusCode()).isEqualTo(409);
                    assertThat(GoogleErrors.reason(e)).isEqualTo("duplicate");
                });
        assertThat(calendar.events().list("primary").execute().getItems()).isEmpty();
        assertThat(calendar.events().list("primary").setShowDeleted(true).execute().getItems())
                .extracting(Event::getStatus).containsExactly("cancelled");
    }

    @Test
    void anUpdateWithAStaleEtagIsAPreconditionFailure() throws Exception {
        Event first = calendar.events().insert("primary", event("abcde0123v")).execute();
        Event second = calendar.events().update("primary", "abcde0123v", event("abcde0123v")).execute();
        assertThat(second.getEtag()).isNotEqualTo(first.getEtag());

        var stale = calendar.events().update("primary", "abcde0123v", event("abcde0123v"));
        stale.getRequestHeaders().setIfMatch(first.getEtag());

        assertThatThrownBy(stale::execute).isInstanceOfSatisfying(GoogleJsonResponseException.class,
                e -> assertThat(e.getStatusCode()).isEqualTo(412));
    }

    @Test
    void anIncrementalListWithDifferentParametersIsRefused() throws Exception {
        String token = calendar.events().list("primary").setMaxResults(10).execute().getNextSyncToken();

        assertThatThrownBy(() -> calendar.events().list("primary").setMaxResults(20).setSyncToken(token).execute())
                .isInstanceOfSatisfying(GoogleJsonResponseException.class,
                        e -> assertThat(e.getStatusCode()).isEqualTo(400));
    }

    @Test
    void anInstanceMovedOrDeletedOnItsOwnBecomesAnExceptionListedUnderItsOwnIdWithItsSeries() throws Exception {
        // next Monday 09:00 in Johannesburg, weekly, four times: relative to the clock, never a fixed date
        java.time.ZonedDateTime first = java.time.ZonedDateTime.now(GoogleFixture.JOBURG).plusWeeks(1)
                .with(java.time.temporal.TemporalAdjusters.next(java.time.DayOfWeek.MONDAY))
                .withHour(9).withMinute(0).withSecond(0).withNano(0);
        calendar.events().insert("primary", event("series0123v")
                .setStart(at(first)).setEnd(at(first.plusHours(1)))
                .setRecurrence(java.util.List.of("RRULE:FREQ=WEEKLY;COUNT=4"))).execute();
        String token = calendar.events().list("primary").execute().getNextSyncToken();
        var instances = calendar.events().instances("primary", "series0123v").execute().getItems();
        String second = instances.get(1).getId();
        String third = instances.get(2).getId();

        // as the trainer's phone does: a patch of the second's time, a delete of the third
        calendar.events().patch("primary", second, new Event()
                .setStart(at(first.plusWeeks(1).plusHours(2))).setEnd(at(first.plusWeeks(1).plusHours(3)))).execute();
        calendar.events().delete("primary", third).execute();

        var changed = calendar.events().list("primary").setSyncToken(token).execute().getItems();
        assertThat(changed).extracting(Event::getId).containsExactlyInAnyOrder(second, third);
        assertThat(changed).allSatisfy(e -> assertThat(e.getRecurringEventId()).isEqualTo("series0123v"));
        Event moved = changed.stream().filter(e -> e.getId().equals(second)).findFirst().orElseThrow();
        Event deleted = changed.stream().filter(e -> e.getId().equals(third)).findFirst().orElseThrow();
        assertThat(moved.getStart().getDateTime().getValue())
                .isEqualTo(first.plusWeeks(1).plusHours(2).toInstant().toEpochMilli());
        assertThat(moved.getSummary()).as("a patch keeps what it does not send").isEqualTo("x");
        assertThat(moved.getOriginalStartTime().getDateTime().getValue())
                .isEqualTo(first.plusWeeks(1).toInstant().toEpochMilli());
        assertThat(deleted.getStatus()).isEqualTo("cancelled");
        assertThat(deleted.getOriginalStartTime().getDateTime().getValue())
                .isEqualTo(first.plusWeeks(2).toInstant().toEpochMilli());

        assertThat(calendar.events().instances("primary", "series0123v").execute().getItems())
                .extracting(Event::getId).hasSize(3).doesNotContain(third);
        assertThat(calendar.events().instances("primary", "series0123v").setShowDeleted(true).execute().getItems())
                .extracting(Event::getStatus).containsExactly("confirmed", "confirmed", "cancelled", "confirmed");
        assertThat(calendar.events().get("primary", "series0123v").execute().getStatus())
                .as("the series itself stays").isEqualTo("confirmed");
    }

    private static EventDateTime at(java.time.ZonedDateTime time) {
        return new EventDateTime().setDateTime(new DateTime(false, time.toInstant().toEpochMilli(),
                        time.getOffset().getTotalSeconds() / 60))
                .setTimeZone(time.getZone().getId());
    }

    private static Event event(String id) {
        return new Event().setId(id).setSummary("x")
                .setStart(new EventDateTime().setDateTime(new DateTime("2026-03-02T09:00:00+02:00")))
                .setEnd(new EventDateTime().setDateTime(new DateTime("2026-03-02T10:00:00+02:00")));
    }
}
