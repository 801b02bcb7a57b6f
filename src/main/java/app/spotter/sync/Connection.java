package app.spotter.sync;

import java.util.Map;
import java.util.UUID;

/**
 * A trainer's link to one calendar, as an adapter needs it: non-secret settings (server and calendar URLs,
 * username, addresses) and the decrypted secret (app password or refresh token), which must never be logged.
 */
public record Connection(UUID trainerId, Provider provider, Map<String, String> settings, String secret) {

    public String setting(String name) {
        return settings.get(name);
    }

    @Override
    public String toString() {
        return "Connection[" + trainerId + ", " + provider.value() + ", settings=" + settings + ", secret=***]";
    }
}
