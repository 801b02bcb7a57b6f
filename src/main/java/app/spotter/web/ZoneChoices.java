package app.spotter.web;

import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TimeZone;

/**
 * The time zones offered in zone fields, each with a friendly name ("South Africa (SAST)"), and the reading of what
 * a trainer typed: a zone id, a friendly name, or an abbreviation that names one zone. The server still decides
 * what is valid; this only turns the friendly forms into the id the API takes.
 */
final class ZoneChoices {

    /** One choice: the IANA id the API stores and the name a trainer recognises. */
    record Zone(String id, String label) {}

    /** Where a city name is not what people say (and abbreviations several zones share: the usual meaning). */
    private static final Map<String, String> PLACES = Map.ofEntries(Map.entry("Africa/Johannesburg", "South Africa"),
            Map.entry("Africa/Windhoek", "Namibia"), Map.entry("Africa/Gaborone", "Botswana"),
            Map.entry("Africa/Maputo", "Mozambique"), Map.entry("Africa/Harare", "Zimbabwe"),
            Map.entry("Africa/Lusaka", "Zambia"), Map.entry("Africa/Maseru", "Lesotho"),
            Map.entry("Africa/Mbabane", "Eswatini"), Map.entry("Africa/Nairobi", "Kenya"),
            Map.entry("Africa/Lagos", "Nigeria"), Map.entry("Africa/Cairo", "Egypt"),
            Map.entry("Europe/London", "United Kingdom"), Map.entry("Europe/Dublin", "Ireland"),
            Map.entry("Europe/Berlin", "Germany"), Map.entry("Europe/Amsterdam", "Netherlands"),
            Map.entry("Europe/Paris", "France"), Map.entry("Europe/Lisbon", "Portugal"),
            Map.entry("Asia/Dubai", "United Arab Emirates"), Map.entry("Asia/Kolkata", "India"),
            Map.entry("Australia/Perth", "Perth, Australia"), Map.entry("Australia/Sydney", "Sydney, Australia"),
            Map.entry("Pacific/Auckland", "New Zealand"), Map.entry("America/New_York", "New York, USA"),
            Map.entry("America/Los_Angeles", "Los Angeles, USA"), Map.entry("America/Toronto", "Toronto, Canada"));

    private static final Map<String, String> USUAL = Map.of("SAST", "Africa/Johannesburg", "CAT", "Africa/Maputo",
            "EAT", "Africa/Nairobi", "WAT", "Africa/Lagos", "GMT", "Europe/London", "BST", "Europe/London",
            "CET", "Europe/Berlin", "IST", "Asia/Kolkata", "AEST", "Australia/Sydney");

    static final List<Zone> ALL = ZoneId.getAvailableZoneIds().stream()
            .filter(id -> id.contains("/") && !id.startsWith("Etc/") && !id.startsWith("SystemV/"))
            .map(id -> new Zone(id, label(id)))
            .sorted(Comparator.comparing((Zone z) -> !z.id().equals("Africa/Johannesburg")) // en-ZA: home first
                    .thenComparing(z -> !PLACES.containsKey(z.id())).thenComparing(Zone::label))
            .toList();

    private ZoneChoices() {}

    /** "South Africa (SAST)", "Kolkata (IST)": the place, then the zone's short name in standard time. */
    static String label(String id) {
        String place = PLACES.getOrDefault(id, id.substring(id.lastIndexOf('/') + 1).replace('_', ' '));
        return place + " (" + abbreviation(id) + ")";
    }

    /** What a zone field shows for a stored id: "South Africa (SAST) · Africa/Johannesburg". */
    static String display(String id) {
        return ALL.stream().filter(z -> z.id().equals(id)).findFirst().map(z -> z.label() + " · " + z.id())
                .orElse(id);
    }

    private static String abbreviation(String id) {
        return TimeZone.getTimeZone(id).getDisplayName(false, TimeZone.SHORT, Locale.ENGLISH);
    }

    /** A zone id for what was typed, when it names one zone; otherwise the text unchanged, for the API to refuse. */
    static String resolve(String typed) {
        if (typed == null || typed.isBlank()) {
            return typed;
        }
        String t = typed.strip();
        Optional<Zone> exact = ALL.stream().filter(z -> z.id().equalsIgnoreCase(t) || z.label().equalsIgnoreCase(t)
                || (z.label() + " · " + z.id()).equalsIgnoreCase(t)).findFirst();
        if (exact.isPresent()) {
            return exact.get().id();
        }
        String usual = USUAL.get(t.toUpperCase(Locale.ROOT));
        if (usual != null) {
            return usual;
        }
        List<Zone> byName = ALL.stream().filter(z -> abbreviation(z.id()).equalsIgnoreCase(t)).limit(2).toList();
        return byName.size() == 1 ? byName.get(0).id() : t;
    }
}
