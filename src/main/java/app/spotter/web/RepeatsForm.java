package app.spotter.web;

import app.spotter.booking.Recurrence;
import app.spotter.booking.SeriesRequest;
import app.spotter.support.web.ApiProblem;
import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The booking dialog's "Repeats" fields, turned into the API's {@code recurrence} object and read by the API's own
 * reader ({@link SeriesRequest#recurrence}), so the dialog applies exactly the API's rules.
 *
 * <p>Fields: {@code repeats} (empty or {@code weekly}), {@code repeat_interval} (weeks), {@code repeat_days}
 * (checkboxes MO..SU), {@code repeat_end} ({@code until}, {@code count} or {@code never}), {@code repeat_until}
 * (a date), {@code repeat_count}.
 */
final class RepeatsForm {

    /** The weekday checkboxes, Monday first: value and label. */
    static final List<String[]> DAYS = List.of(new String[] {"MO", "Mon"}, new String[] {"TU", "Tue"},
            new String[] {"WE", "Wed"}, new String[] {"TH", "Thu"}, new String[] {"FR", "Fri"},
            new String[] {"SA", "Sat"}, new String[] {"SU", "Sun"});
    static final String DAYS_FIELD = "repeat_days";
    private static final Map<String, String> FIELDS = Map.of("recurrence", "repeats",
            "recurrence.frequency", "repeats", "recurrence.interval", "repeat_interval", "recurrence.days", DAYS_FIELD,
            "recurrence.until", "repeat_until", "recurrence.count", "repeat_count");
    private static final Map<String, String> LABELS = Map.of("repeats", "Repeats", "repeat_interval", "Every (weeks)",
            DAYS_FIELD, "Days", "repeat_until", "Until", "repeat_count", "Number of sessions");

    private RepeatsForm() {}

    /** True when the trainer chose to repeat the session. */
    static boolean chosen(Map<String, String> form) {
        return "weekly".equals(form.get("repeats"));
    }

    /** The ticked days joined ("MO,TH"), kept in the form map so a re-shown form keeps them ticked. */
    static void keepDays(Map<String, String> form, String[] ticked) {
        form.put(DAYS_FIELD, ticked == null ? "" : String.join(",", ticked));
    }

    /** The weekday of the form's start ("TH"), ticked on a new form so one click on "Weekly" is a whole rule. */
    static String dayOf(String startsAt) {
        try {
            DayOfWeek day = LocalDateTime.parse(startsAt).getDayOfWeek();
            return DAYS.get(day.getValue() - 1)[0];
        } catch (DateTimeParseException | NullPointerException e) {
            return "";
        }
    }

    /**
     * The rule, read by the API's reader.
     *
     * @throws ApiProblem 400 with the API's {@code recurrence.*} fields; {@link #errors} maps them to the form's
     */
    static Recurrence read(Map<String, String> form) {
        ObjectNode rule = JsonNodeFactory.instance.objectNode();
        rule.put("frequency", "weekly");
        String interval = form.getOrDefault("repeat_interval", "");
        if (!interval.isBlank()) {
            try {
                rule.put("interval", Integer.parseInt(interval.strip()));
            } catch (NumberFormatException e) {
                rule.put("interval", interval);
            }
        }
        var days = rule.putArray("days");
        Arrays.stream(form.getOrDefault(DAYS_FIELD, "").split(",")).filter(d -> !d.isBlank()).forEach(days::add);
        String end = form.getOrDefault("repeat_end", "never");
        if (end.equals("until")) {
            String until = form.getOrDefault("repeat_until", "").strip();
            if (until.isEmpty()) {
                throw ApiProblem.invalid("recurrence.until", "needs a date (or choose another end)");
            }
            rule.put("until", until);
        } else if (end.equals("count")) {
            String count = form.getOrDefault("repeat_count", "").strip();
            try {
                rule.put("count", Integer.parseInt(count));
            } catch (NumberFormatException e) {
                throw ApiProblem.invalid("recurrence.count", "must be a whole number from 1 to 1000");
            }
        }
        return SeriesRequest.recurrence(rule);
    }

    /**
     * The rule in words for the form's values ("Every Mon and Thu at 06:00 until 30 Jun"), or null when the
     * session does not repeat or the rule is not complete yet.
     */
    static String summary(Map<String, String> form) {
        if (!chosen(form)) {
            return null;
        }
        try {
            LocalDateTime start = LocalDateTime.parse(form.getOrDefault("starts_at", "").strip());
            Recurrence rule = read(form);
            return SeriesSummary.of(rule, rule.firstDate(start.toLocalDate()), start.toLocalTime());
        } catch (DateTimeParseException | ApiProblem e) {
            return null;
        }
    }

    /** The API's {@code recurrence.*} errors at the form's fields, labelled as the form labels them. */
    static FormErrors errors(ApiProblem problem) {
        FormErrors errors = FormErrors.none();
        for (ApiProblem.FieldError e : problem.errors()) {
            String field = FIELDS.getOrDefault(e.field(), "repeats");
            String message = LABELS.get(field) + " " + e.message() + ".";
            errors.with(field, errors.has(field) ? errors.get(field) + " " + message : message);
        }
        if (problem.errors().isEmpty()) {
            errors.with("repeats", problem.getMessage());
        }
        return errors;
    }

    /** True when every error of the problem is about the rule (so the form shows them at the Repeats fields). */
    static boolean about(ApiProblem problem) {
        return !problem.errors().isEmpty()
                && problem.errors().stream().allMatch(e -> e.field().startsWith("recurrence"));
    }
}
