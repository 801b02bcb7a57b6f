package app.spotter.sync;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The adapters present in this build, keyed by provider. */
@Component
class ProviderRegistry {

    private final Map<Provider, CalendarProvider> adapters = new EnumMap<>(Provider.class);

    ProviderRegistry(List<CalendarProvider> adapters) {
        adapters.forEach(a -> this.adapters.put(a.provider(), a));
    }

    Optional<CalendarProvider> find(Provider provider) {
        return Optional.ofNullable(adapters.get(provider));
    }
}
