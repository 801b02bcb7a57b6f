package app.spotter.sync.email;

import app.spotter.calendar.CalendarEvent;
import app.spotter.calendar.CalendarObjects;
import app.spotter.client.Client;
import app.spotter.sync.Connection;
import app.spotter.trainer.Trainer;
import java.util.Optional;

/**
 * Decides who receives a booking's invitation: each participant (when the trainer lets Spotter write to clients and
 * the client has an address) and the trainer's own calendar address (when set). Nobody else, and no copy names a person
 * its recipient may not see (POPIA s10).
 */
final class Recipients {

    static final String TRAINER_ADDRESS = "trainer_address";
    static final String SEND_TO_CLIENTS = "send_to_clients";

    private Recipients() {}

    /**
     * The client's own copy when the trainer lets Spotter write to clients and the client has an address. It names
     * that client only (their own name even when the trainer hides names in calendars: it is theirs), never the
     * other participants of a group session or how many there are.
     */
    static Optional<Recipient> client(Connection connection, CalendarEvent event, Client client) {
        if (Boolean.parseBoolean(connection.setting(SEND_TO_CLIENTS)) && client != null && hasText(client.email())) {
            return Optional.of(new Recipient(client.email().strip(), client.displayName(),
                    CalendarObjects.summaryFor(event.sessionType(), client.displayName(), true), true));
        }
        return Optional.empty();
    }

    /** The trainer's copy, when they gave a calendar address: it shows what their calendar shows. */
    static Optional<Recipient> trainer(Connection connection, CalendarEvent event, Trainer trainer) {
        String trainerAddress = connection.setting(TRAINER_ADDRESS);
        if (hasText(trainerAddress)) {
            return Optional.of(new Recipient(trainerAddress.strip(), trainer.name(), event.summary(), false));
        }
        return Optional.empty();
    }

    private static boolean hasText(String value) {
        return value != null && !value.isBlank();
    }
}
