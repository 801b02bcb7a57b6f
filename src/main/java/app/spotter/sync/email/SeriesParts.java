package app.spotter.sync.email;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What one copy of a series showed, part by part: the master (rule and content, without its exceptions), each
 * override (RECURRENCE-ID and a fingerprint of what it shows), and each excluded occurrence (EXDATE). Comparing what
 * was sent with what should be tells whether only exceptions changed, which then go out one message each.
 *
 * @param master fingerprint of the series without its exceptions
 */
record SeriesParts(String master, SortedMap<Instant, String> overrides, SortedSet<Instant> exdates) {

    SeriesParts {
        overrides = new TreeMap<>(overrides);
        exdates = new TreeSet<>(exdates);
    }

    /** One exception to send on its own: the override at {@code recurrenceId}, or its cancellation. */
    record Exception(Instant recurrenceId, boolean cancel) {}

    /**
     * The exceptions that take {@code sent} to this, or null when only a message of the whole series can: the
     * master changed, or an exception went away (a restored session, a session moved back onto the rule), which an
     * instance message cannot say.
     */
    List<Exception> exceptionsSince(SeriesParts sent) {
        if (sent == null || !master.equals(sent.master)) {
            return null;
        }
        if (!exdates.containsAll(sent.exdates)) {
            return null;
        }
        for (Instant was : sent.overrides.keySet()) {
            if (!overrides.containsKey(was) && !exdates.contains(was)) {
                return null;
            }
        }
        List<Exception> result = new ArrayList<>();
        for (Instant excluded : exdates) {
            if (!sent.exdates.contains(excluded)) {
                result.add(new Exception(excluded, true));
            }
        }
        for (Map.Entry<Instant, String> o : overrides.entrySet()) {
            if (!o.getValue().equals(sent.overrides.get(o.getKey()))) {
                result.add(new Exception(o.getKey(), false));
            }
        }
        result.sort(java.util.Comparator.comparing(Exception::recurrenceId));
        return result;
    }

    /** {@code sent} with one more exception as this copy has it: what the recipient holds after that message. */
    SeriesParts after(SeriesParts sent, Exception step) {
        SortedMap<Instant, String> o = new TreeMap<>(sent.overrides);
        SortedSet<Instant> x = new TreeSet<>(sent.exdates);
        if (step.cancel()) {
            x.add(step.recurrenceId());
            o.remove(step.recurrenceId());
        } else {
            o.put(step.recurrenceId(), overrides.get(step.recurrenceId()));
        }
        return new SeriesParts(sent.master, o, x);
    }

    /** One line per part: "M hash", "O instant hash", "X instant". */
    String encode() {
        StringBuilder text = new StringBuilder("M ").append(master);
        overrides.forEach((at, hash) -> text.append("\nO ").append(at).append(' ').append(hash));
        exdates.forEach(at -> text.append("\nX ").append(at));
        return text.toString();
    }

    /** @return null for null or unreadable text (then the whole series is sent again, which is always right) */
    static SeriesParts decode(String text) {
        if (text == null || !text.startsWith("M ")) {
            return null;
        }
        try {
            String master = null;
            SortedMap<Instant, String> overrides = new TreeMap<>();
            SortedSet<Instant> exdates = new TreeSet<>();
            for (String line : text.split("\n")) {
                String[] part = line.split(" ");
                switch (part[0]) {
                    case "M" -> master = part[1];
                    case "O" -> overrides.put(Instant.parse(part[1]), part[2]);
                    case "X" -> exdates.add(Instant.parse(part[1]));
                    default -> {
                        return null;
                    }
                }
            }
            return new SeriesParts(master, overrides, exdates);
        } catch (RuntimeException e) {
            return null;
        }
    }

    static SeriesParts of(String master, Map<Instant, String> overrides, Set<Instant> exdates) {
        return new SeriesParts(master, new TreeMap<>(overrides), new TreeSet<>(exdates));
    }
}
