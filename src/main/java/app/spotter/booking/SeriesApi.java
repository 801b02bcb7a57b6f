package app.spotter.booking;

import app.spotter.support.web.JsonFields;
import app.spotter.trainer.CurrentTrainer;
import app.spotter.trainer.Trainers;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** {@code /api/v1/series/{id}}: read, change by scope, end by scope (docs/api.md "Recurring sessions"). */
@RestController
@RequestMapping("/api/v1/series")
class SeriesApi {

    record RecurrenceView(String frequency, int interval, List<String> days, String until, Integer count) {}

    record SeriesView(UUID id, RecurrenceView recurrence, List<BookingView> sessions,
            List<BookingView.Skipped> skipped) {}

    private final BookingSeries series;
    private final Trainers trainers;

    SeriesApi(BookingSeries series, Trainers trainers) {
        this.series = series;
        this.trainers = trainers;
    }

    @GetMapping("/{id}")
    SeriesView get(@PathVariable UUID id) {
        UUID trainerId = CurrentTrainer.id();
        return view(series.get(trainerId, id), trainers.zone(trainerId));
    }

    /** 200 with the series that now holds the sessions in scope (a new id when the change split the series). */
    @PatchMapping("/{id}")
    SeriesView change(@PathVariable UUID id, @RequestBody JsonNode body) {
        UUID trainerId = CurrentTrainer.id();
        JsonFields f = JsonFields.of(body, SeriesRequest.PATCH_FIELDS);
        BookingSeries.Scope scope = scope(f);
        Instant from = from(f);
        SeriesChange change = SeriesRequest.change(f, body);
        BookingSeries.Created changed = series.change(trainerId, id, scope, from, change);
        ZoneId zone = trainers.zone(trainerId);
        SeriesView view = view(series.get(trainerId, changed.series().id()), zone);
        return new SeriesView(view.id(), view.recurrence(), view.sessions(),
                BookingView.skipped(changed.skipped(), zone));
    }

    @PostMapping("/{id}/cancel")
    SeriesView cancel(@PathVariable UUID id, @RequestBody(required = false) JsonNode body) {
        UUID trainerId = CurrentTrainer.id();
        JsonFields f = JsonFields.of(body == null ? tools.jackson.databind.node.JsonNodeFactory.instance.objectNode()
                : body, Set.of("scope", "from"));
        BookingSeries.Scope scope = scope(f);
        Instant from = from(f);
        f.validate();
        return view(series.cancel(trainerId, id, scope, from), trainers.zone(trainerId));
    }

    private static BookingSeries.Scope scope(JsonFields f) {
        String scope = f.text("scope", false, 20);
        if (scope == null || scope.equals("all")) {
            return BookingSeries.Scope.ALL;
        }
        if (scope.equals("following")) {
            return BookingSeries.Scope.FOLLOWING;
        }
        f.reject("scope", "must be all or following (one session: PATCH or cancel the booking itself)");
        return BookingSeries.Scope.ALL;
    }

    private static Instant from(JsonFields f) {
        OffsetDateTime from = f.dateTime("from", false);
        return from == null ? null : from.toInstant();
    }

    static SeriesView view(BookingSeries.Snapshot s, ZoneId zone) {
        Recurrence r = s.series().recurrence();
        List<String> days = r.daysInOrder().stream()
                .map((DayOfWeek d) -> d.name().substring(0, 2).toUpperCase(Locale.ROOT)).toList();
        RecurrenceView rule = new RecurrenceView("weekly", r.interval(), days,
                r.until() == null ? null : DateTimeFormatter.ISO_LOCAL_DATE.format(r.until()), r.count());
        return new SeriesView(s.series().id(), rule,
                s.sessions().stream().map(b -> BookingView.of(b, zone)).toList(),
                BookingView.skipped(s.series().skipped(), zone));
    }

}
