package app.spotter.availability;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SlotsCacheTest {

    private final SlotsCache cache = new SlotsCache();
    private final UUID trainer = UUID.randomUUID();

    private SlotsCache.Key key(int n) {
        Instant from = Instant.parse("2026-12-01T00:00:00Z").plusSeconds(n);
        return new SlotsCache.Key(trainer, from, from.plus(Duration.ofDays(30)), Duration.ofHours(1),
                Duration.ofMinutes(30), ZoneId.of("Africa/Johannesburg"));
    }

    private static SlotsCache.Entry entry(String version, int starts) {
        return new SlotsCache.Entry(version, WorkingHours.NONE, new long[starts]);
    }

    @Test
    void anAnswerIsReusedOnlyWhileItsVersionIsCurrent() {
        cache.put(key(1), entry("v1", 3));
        assertThat(cache.get(key(1), "v1")).isPresent();
        assertThat(cache.get(key(1), "v2")).as("something changed").isEmpty();
        assertThat(cache.get(key(2), "v1")).as("another question").isEmpty();
    }

    @Test
    void theLeastRecentlyUsedAnswersGoWhenTooManyStartsAreKept() {
        int big = (int) (SlotsCache.MAX_STARTS / 4);
        for (int i = 0; i < 4; i++) {
            cache.put(key(i), entry("v", big));
        }
        cache.get(key(0), "v");
        cache.put(key(4), entry("v", big));

        assertThat(cache.size()).isEqualTo(4);
        assertThat(cache.get(key(1), "v")).as("least recently used").isEmpty();
        assertThat(cache.get(key(0), "v")).as("used just before").isPresent();
        assertThat(cache.get(key(4), "v")).isPresent();
    }

    @Test
    void noMoreThanMaxEntriesAreKept() {
        for (int i = 0; i < SlotsCache.MAX_ENTRIES + 10; i++) {
            cache.put(key(i), entry("v", 1));
        }
        assertThat(cache.size()).isEqualTo(SlotsCache.MAX_ENTRIES);
        assertThat(cache.get(key(0), "v")).isEmpty();
        assertThat(cache.get(key(SlotsCache.MAX_ENTRIES + 9), "v")).isPresent();
    }
}
