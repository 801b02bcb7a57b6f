package app.spotter.sync.engine;

import app.spotter.preferences.SyncPreferences;
import app.spotter.sync.CalendarProvider;
import app.spotter.sync.OAuthConnector;
import app.spotter.sync.PasswordConnector;
import app.spotter.sync.Provider;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The adapters present in this build, keyed by provider: the only place the engine learns which calendars exist.
 * Each adapter registers itself by being a bean that implements the contracts in {@code app.spotter.sync}.
 */
@Component
public class ProviderRegistry {

    private final Map<Provider, CalendarProvider> adapters = new EnumMap<>(Provider.class);
    private final Map<Provider, PasswordConnector> passwordConnectors = new EnumMap<>(Provider.class);
    private final Map<Provider, OAuthConnector> oauthConnectors = new EnumMap<>(Provider.class);

    public ProviderRegistry(List<CalendarProvider> adapters, List<PasswordConnector> passwordConnectors,
            List<OAuthConnector> oauthConnectors) {
        adapters.forEach(a -> this.adapters.put(a.provider(), a));
        passwordConnectors.forEach(c -> this.passwordConnectors.put(c.provider(), c));
        oauthConnectors.forEach(c -> this.oauthConnectors.put(c.provider(), c));
    }

    public Optional<CalendarProvider> find(Provider provider) {
        return Optional.ofNullable(adapters.get(provider));
    }

    public Collection<CalendarProvider> all() {
        return adapters.values();
    }

    Optional<PasswordConnector> passwordConnector(Provider provider) {
        return Optional.ofNullable(passwordConnectors.get(provider));
    }

    public Optional<OAuthConnector> oauthConnector(Provider provider) {
        return Optional.ofNullable(oauthConnectors.get(provider));
    }

    /** Whether the trainer has this calendar turned on; a provider without an adapter in this build is off. */
    public boolean enabled(SyncPreferences preferences, Provider provider) {
        CalendarProvider adapter = adapters.get(provider);
        return adapter != null && adapter.enabled(preferences);
    }

    SyncPreferences withEnabled(SyncPreferences preferences, Provider provider, boolean on) {
        CalendarProvider adapter = adapters.get(provider);
        return adapter == null ? preferences : adapter.withEnabled(preferences, on);
    }
}
