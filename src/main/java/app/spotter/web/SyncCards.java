package app.spotter.web;

import app.spotter.preferences.Preferences;
import app.spotter.sync.engine.CalendarSync;
import app.spotter.sync.Provider;
import app.spotter.sync.SyncStatus;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** The trainer's calendars as status cards, for the sync page and the calendar page's "failing" banner. */
@Component
class SyncCards {

    private final CalendarSync sync;
    private final Preferences preferences;

    SyncCards(CalendarSync sync, Preferences preferences) {
        this.sync = sync;
        this.preferences = preferences;
    }

    List<SyncCard> of(UUID trainerId) {
        ZoneId zone = preferences.get(trainerId).timezoneDisplay();
        Instant now = Instant.now();
        Map<Provider, SyncStatus> connected = new HashMap<>();
        sync.status(trainerId).forEach(s -> connected.put(s.provider(), s));
        List<SyncCard> cards = new ArrayList<>();
        for (Provider p : List.of(Provider.APPLE, Provider.GOOGLE, Provider.EMAIL)) {
            SyncStatus s = connected.get(p);
            cards.add(s == null ? SyncCard.notConnected(p)
                    : SyncCard.of(s, sync.accountSettings(trainerId, p), zone, now));
        }
        return cards;
    }
}
