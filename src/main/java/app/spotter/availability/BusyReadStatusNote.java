package app.spotter.availability;

import app.spotter.sync.Provider;
import app.spotter.sync.StatusNote;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * A busy calendar whose last read failed shows in its account's sync status, not only in the calendar listing:
 * the trainer then knows bookings are checked against busy times that may be out of date.
 */
@Component
class BusyReadStatusNote implements StatusNote {

    private final BusyStore store;

    BusyReadStatusNote(BusyStore store) {
        this.store = store;
    }

    @Override
    public String note(UUID trainerId, Provider provider) {
        List<String> failed = store.calendars(trainerId).stream()
                .filter(c -> c.busy() && c.readError() != null && c.provider().equals(provider.value()))
                .map(c -> "Busy times from " + c.name() + " could not be read (" + c.readError()
                        + "); bookings are checked against the busy times read before, which may be out of date.")
                .toList();
        return failed.isEmpty() ? null : String.join(" ", failed);
    }
}
