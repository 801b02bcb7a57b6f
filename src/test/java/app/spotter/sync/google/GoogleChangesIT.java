package app.spotter.sync.google;

import static org.assertj.core.api.Assertions.assertThat;

import app.spotter.calendar.CalendarEvent;
import app.spotter.sync.RemoteChanges;
import app.spotter.sync.RemoteEvent;
import app.spotter.sync.SyncFailure;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class GoogleChangesIT {

    private final GoogleFixture f;

    GoogleChangesIT() throws Exception {
        f = new GoogleFixture();
    }

    @AfterEach
    void stop() {
        f.close();
    }

    @Test
    void theFirstReadListsOurEventsButNotTheTrainersOwnAndGivesASyncToken() throws SyncFailure {
        CalendarEvent a = f.booking(), b = f.booking();
        f.provider.upsert(f.connection, a, null);
        f.provider.upsert(f.connection, b, null);
        f.google.seed("primary", "dentist0001", JsonParser.parseString("{\"summary\":\"Dentist\"}").getAsJsonObject());

        RemoteChanges changes = f.provider.changesSince(f.connection, null);

        assertThat(changes.changed().keySet()).containsExactlyInAnyOrder(a.bookingHex(), b.bookingHex());
        assertThat(changes.removedIds()).isEmpty();
        assertThat(changes.syncToken()).isNotBlank();
        assertThat(changes.fullResync()).isFalse();
    }

    @Test
    void aRoundWithNothingChangedCostsOneRequest() throws SyncFailure {
        f.provider.upsert(f.connection, f.booking(), null);
        String token = f.provider.changesSince(f.connection, null).syncToken();
        int before = f.google.apiRequests();

        RemoteChanges changes = f.provider.changesSince(f.connection, token);

        assertThat(f.google.apiRequests()).isEqualTo(before + 1);
        assertThat(changes.changed().keySet()).isEmpty();
        assertThat(changes.removedIds()).isEmpty();
        assertThat(changes.syncToken()).isNotBlank();
    }

    @Test
    void editsAndDeletionsMadeInGoogleShowUpIncrementally() throws SyncFailure {
        CalendarEvent kept = f.booking(), edited = f.booking(), deleted = f.booking();
        for (CalendarEvent e : new CalendarEvent[] {kept, edited, deleted}) {
            f.provider.upsert(f.connection, e, null);
        }
        String token = f.provider.changesSince(f.connection, null).syncToken();
        f.google.editInGoogle("primary", edited.bookingHex(), "summary", "Moved by the trainer");
        f.google.deleteInGoogle("primary", deleted.bookingHex());

        RemoteChanges changes = f.provider.changesSince(f.connection, token);

        assertThat(changes.changed().keySet()).containsExactly(edited.bookingHex());
        assertThat(changes.removedIds()).containsExactly(deleted.bookingHex());
        assertThat(changes.fullResync()).isFalse();
    }

    @Test
    void aListingLongerThanOnePageIsFollowedToTheEndAndKeepsTheLastPagesToken() throws SyncFailure {
        Set<String> ours = new HashSet<>();
        for (int i = 0; i < 2 * GoogleChanges.PAGE_SIZE + 10; i++) {
            String id = UUID.randomUUID().toString().replace("-", "");
            ours.add(id);
            f.google.seed("primary", id, JsonParser.parseString(
                    "{\"summary\":\"1:1 session\",\"extendedProperties\":{\"private\":{\"spotter\":\"1\"}}}")
                    .getAsJsonObject());
        }
        int before = f.google.apiRequests();

        RemoteChanges changes = f.provider.changesSince(f.connection, null);

        assertThat(f.google.apiRequests()).isEqualTo(before + 3);
        assertThat(changes.changed().keySet()).isEqualTo(ours);
        RemoteChanges next = f.provider.changesSince(f.connection, changes.syncToken());
        assertThat(next.changed().keySet()).isEmpty();
    }

    @Test
    void anExpiredSyncTokenLeadsToAFullResyncAndAFreshToken() throws SyncFailure {
        CalendarEvent a = f.booking();
        RemoteEvent remote = f.provider.upsert(f.connection, a, null);
        String token = f.provider.changesSince(f.connection, null).syncToken();
        f.google.expireSyncTokens();

        RemoteChanges changes = f.provider.changesSince(f.connection, token);

        assertThat(changes.fullResync()).isTrue();
        assertThat(changes.changed().keySet()).containsExactly(a.bookingHex());
        f.provider.remove(f.connection, a, remote);
        RemoteChanges after = f.provider.changesSince(f.connection, changes.syncToken());
        assertThat(after.fullResync()).isFalse();
        assertThat(after.removedIds()).containsExactly(a.bookingHex());
        JsonObject stored = f.stored(a);
        assertThat(stored.get("status").getAsString()).isEqualTo("cancelled");
    }
}
