package app.spotter.web;

import java.time.ZoneId;
import java.util.List;

/** The IANA region zones offered as suggestions in zone fields (the server still decides what is valid). */
final class ZoneChoices {

    static final List<String> ALL = ZoneId.getAvailableZoneIds().stream()
            .filter(id -> id.contains("/") && !id.startsWith("Etc/") && !id.startsWith("SystemV/"))
            .sorted().toList();

    private ZoneChoices() {}
}
