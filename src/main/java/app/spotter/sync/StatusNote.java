package app.spotter.sync;

import java.util.UUID;

/**
 * Another module's word on a connected account, added to the account's status message: for example busy times
 * that could not be read from one of its calendars. The sync module does not know who says it.
 */
public interface StatusNote {

    /** What the trainer should know about this account now, or null when there is nothing to say. */
    String note(UUID trainerId, Provider provider);
}
