package app.spotter.sync.caldav;

import app.spotter.sync.SyncFailure;

/**
 * A redirect or a discovered href led to another host, which asked for the password. Spotter sends the password
 * only to the server the trainer entered (for iCloud also its own {@code *.icloud.com} hosts), so it stops here
 * rather than report a misleading "wrong password".
 */
final class CredentialsWithheld extends SyncFailure {

    CredentialsWithheld(String trusted, String other) {
        super(Kind.PERMANENT, "The calendar server " + trusted + " sent Spotter on to " + other + ", which asks for "
                + "the password; Spotter sends the password only to " + trusted + ".", null, null);
    }
}
