package app.spotter.sync;

import java.net.URI;
import java.util.UUID;

/**
 * Connects a calendar reached with an account name and an (app) password, such as CalDAV. Network I/O only: the
 * engine calls it before it opens the transaction that stores the connection.
 */
public interface PasswordConnector {

    Provider provider();

    /** Discovers (and creates, when missing) the calendar; nothing is stored here. */
    Connection connect(UUID trainerId, String username, String password, URI serverUrl, String calendarName)
            throws SyncFailure;

    /** The calendar's address, as the trainer is told after connecting. */
    String calendarUrl(Connection connection);
}
