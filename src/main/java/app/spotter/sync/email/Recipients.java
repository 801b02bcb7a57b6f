package app.spotter.sync.email;

import app.spotter.calendar.CalendarEvent;
import app.spotter.calendar.CalendarObjects;
import app.spotter.client.Client;
import app.spotter.sync.Connection;
import app.spotter.trainer.Trainer;
import java.util.ArrayList;
import java.util.List;

/**
 * Decides who receives a booking's invitation: the client (when the trainer lets Spotter write to clients and the
 * client has an address) and the trainer's own calendar address (when set). Nobody else, and no copy names a person
 * its recipient may not see (POPIA s10).
 */
final class Recipients {

    static final String TRAINER_ADDRESS = "trainer_address";
    static final String SEND_TO_CLIENTS = "send_to_clients";

    private Recipients() {}

    static List<Recipient> of(Connection connection, CalendarEvent event, Client client, Trainer trainer) {
        List<Recipient> recipients = new ArrayList<>(2);
        if (Boolean.parseBoolean(connection.setting(SEND_TO_CLIENTS)) && client != null && hasText(client.email())) {
            // the client is told their own name even when the trainer hides names in calendars: it is theirs
            recipients.add(new Recipient(client.email().strip(), client.displayName(),
                    CalendarObjects.summaryFor(event.sessionType(), client.displayName(), true), true));
        }
        String trainerAddress = connection.setting(TRAINER_ADDRESS);
        if (hasText(trainerAddress)) {
            recipients.add(new Recipient(trainerAddress.strip(), trainer.name(), event.summary(), false));
        }
        return recipients;
    }

    private static boolean hasText(String value) {
        return value != null && !value.isBlank();
    }
}
