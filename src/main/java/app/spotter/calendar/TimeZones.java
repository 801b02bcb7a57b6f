package app.spotter.calendar;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import net.fortuna.ical4j.model.TimeZone;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.VTimeZone;

/**
 * VTIMEZONE definitions from ical4j's bundled tz data, looked up once per zone and shared: a registry lookup parses
 * a resource, which a 5,000-event feed must not do per event. ical4j's tz updater (network) stays off: its switch,
 * {@code net.fortuna.ical4j.timezone.update.enabled}, defaults to false.
 */
final class TimeZones {

    /**
     * @param zone the zone DTSTART/DTEND are written in; its id is the VTIMEZONE's TZID (e.g. "UTC" is "Etc/UTC"
     *     there), so the TZID parameter and the definition always agree
     */
    record Definition(ZoneId zone, VTimeZone vTimeZone) {
        String tzId() {
            return zone.getId();
        }
    }

    private static final TimeZones SHARED = new TimeZones();

    private final TimeZoneRegistry registry = TimeZoneRegistryFactory.getInstance().createRegistry();
    private final Map<ZoneId, Optional<Definition>> cache = new ConcurrentHashMap<>();

    static TimeZones shared() {
        return SHARED;
    }

    /** Empty for zones ical4j has no definition for (fixed offsets such as +02:00): those events are written in UTC. */
    Optional<Definition> definition(ZoneId zone) {
        return cache.computeIfAbsent(zone, this::load);
    }

    private Optional<Definition> load(ZoneId zone) {
        TimeZone timeZone = registry.getTimeZone(zone.getId());
        if (timeZone == null) {
            return Optional.empty();
        }
        VTimeZone vTimeZone = timeZone.getVTimeZone();
        try {
            return Optional.of(new Definition(ZoneId.of(vTimeZone.getTimeZoneId().getValue()), vTimeZone));
        } catch (DateTimeException notAJavaZone) {
            return Optional.empty();
        }
    }
}
