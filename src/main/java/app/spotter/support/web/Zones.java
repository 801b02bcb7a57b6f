package app.spotter.support.web;

import java.time.ZoneId;

/** Time zones as Spotter accepts them: IANA region ids only (no bare offsets, which break on DST). */
public final class Zones {

    public static final ZoneId DEFAULT = ZoneId.of("Africa/Johannesburg");

    private Zones() {}

    public static boolean isRegion(String id) {
        return id != null && ZoneId.getAvailableZoneIds().contains(id);
    }
}
