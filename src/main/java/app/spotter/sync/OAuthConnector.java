package app.spotter.sync;

import java.util.Optional;
import java.util.UUID;

/** Connects a calendar through an OAuth consent round trip; the callback is {@code /oauth/<provider>/callback}. */
public interface OAuthConnector {

    Provider provider();

    /** The calendar's name as the trainer knows it ("Google Calendar"). */
    String displayName();

    /** False when this server lacks the client id and secret the provider needs. */
    boolean configured();

    /** Remembers the round trip and returns where to send the trainer for consent. */
    String authorizationUrl(UUID trainerId);

    /**
     * Completes the round trip; empty when {@code state} is unknown, used or expired. The code exchange is network
     * I/O: the caller stores the connection in a transaction of its own afterwards.
     */
    Optional<Connection> complete(String state, String code) throws SyncFailure;
}
