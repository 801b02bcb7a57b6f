package app.spotter.availability;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Free slots computed before, per trainer and question, kept while nothing they depend on changed. Whether
 * something changed is asked of the database on every request (the bookings' fingerprint and the availability
 * fingerprint: hours, time off, busy calendars and their reads), so a booking made through another instance, a
 * new time off or a busy refresh is seen at once; only the expensive part (reading every session and busy
 * interval of the range and walking the days) is saved. Starts are kept as epoch seconds, computed with the
 * notice as it was then: the slots for a later "now" are a subset, found by dropping the earlier starts.
 */
@Component
class SlotsCache {

    /** Entries kept at most; the least recently used goes first. A month of hourly starts is a few KB. */
    static final int MAX_ENTRIES = 2_000;

    record Key(UUID trainerId, Instant from, Instant to, Duration duration, Duration step, ZoneId zone) {}

    /**
     * @param version what the slots were computed from (see the class comment)
     * @param hours the working hours they were computed with (the version covers them)
     * @param starts free starts, ascending, in epoch seconds
     */
    record Entry(String version, WorkingHours hours, long[] starts) {}

    private final Map<Key, Entry> entries = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, SlotsCache.Entry> eldest) {
            return size() > MAX_ENTRIES;
        }
    };

    synchronized Optional<Entry> get(Key key, String version) {
        Entry entry = entries.get(key);
        if (entry == null || !entry.version().equals(version)) {
            return Optional.empty();
        }
        return Optional.of(entry);
    }

    synchronized void put(Key key, Entry entry) {
        entries.put(key, entry);
    }

    synchronized int size() {
        return entries.size();
    }
}
