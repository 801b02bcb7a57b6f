package app.spotter.booking;

import app.spotter.client.Clients;
import app.spotter.support.web.ApiProblem;
import app.spotter.support.web.Cursor;
import app.spotter.support.web.JsonFields;
import app.spotter.trainer.CurrentTrainer;
import app.spotter.trainer.Trainers;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** A client's sessions and attendance, and the trainer's late-cancel window. */
@RestController
class ClientSessionsApi {

    record Counts(int scheduled, int attended, int noShow, int lateCancel, int cancelled) {
        static Counts of(AttendanceCounts c) {
            return new Counts(c.scheduled(), c.attended(), c.noShow(), c.lateCancel(), c.cancelled());
        }
    }

    /** Counts for the calendar month and year (in the trainer's zone) that contain now. */
    record AttendanceSummary(Counts thisMonth, Counts thisYear) {}

    record Rules(int lateCancelHours) {}

    private final Bookings bookings;
    private final Clients clients;
    private final Trainers trainers;
    private final java.time.Clock clock;

    ClientSessionsApi(Bookings bookings, Clients clients, Trainers trainers, java.time.Clock clock) {
        this.bookings = bookings;
        this.clients = clients;
        this.trainers = trainers;
        this.clock = clock;
    }

    /** The client's sessions starting in [from, to) (either open, at most 366 days apart), in start order. */
    @GetMapping("/api/v1/clients/{id}/sessions")
    List<BookingView> sessions(@PathVariable UUID id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime to,
            @RequestParam(required = false) Integer limit) {
        if (from != null && to != null && !to.isAfter(from)) {
            throw ApiProblem.invalid("to", "must be after from");
        }
        if (from != null && to != null && Duration.between(from, to).compareTo(BookingApi.LONGEST_RANGE) > 0) {
            throw ApiProblem.invalid("to", "must be at most 366 days after from; ask for a year at a time");
        }
        UUID trainerId = CurrentTrainer.id();
        clients.get(trainerId, id);
        ZoneId zone = trainers.zone(trainerId);
        return bookings.sessionsOf(trainerId, id, from == null ? null : from.toInstant(),
                to == null ? null : to.toInstant(), Cursor.limit(limit)).stream()
                .map(b -> BookingView.of(b, zone)).toList();
    }

    @GetMapping("/api/v1/clients/{id}/attendance")
    AttendanceSummary attendance(@PathVariable UUID id) {
        UUID trainerId = CurrentTrainer.id();
        clients.get(trainerId, id);
        ZonedDateTime now = clock.instant().atZone(trainers.zone(trainerId));
        ZonedDateTime month = now.with(TemporalAdjusters.firstDayOfMonth()).truncatedTo(ChronoUnit.DAYS);
        ZonedDateTime year = now.with(TemporalAdjusters.firstDayOfYear()).truncatedTo(ChronoUnit.DAYS);
        return new AttendanceSummary(
                Counts.of(bookings.counts(trainerId, id, month.toInstant(), month.plusMonths(1).toInstant())),
                Counts.of(bookings.counts(trainerId, id, year.toInstant(), year.plusYears(1).toInstant())));
    }

    @GetMapping("/api/v1/attendance-rules")
    Rules rules() {
        return new Rules(bookings.lateCancelHours(CurrentTrainer.id()));
    }

    /** {@code {late_cancel_hours: 0..336}}: a cancellation from that many hours before the start is late. */
    @PutMapping("/api/v1/attendance-rules")
    Rules setRules(@RequestBody JsonNode body) {
        JsonFields f = JsonFields.of(body, Set.of("late_cancel_hours"));
        Integer hours = f.integer("late_cancel_hours", true, 0, 336);
        f.validate();
        bookings.setLateCancelHours(CurrentTrainer.id(), hours);
        return new Rules(hours);
    }
}
