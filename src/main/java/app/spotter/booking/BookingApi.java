package app.spotter.booking;

import app.spotter.support.web.ApiProblem;
import app.spotter.support.web.Cursor;
import app.spotter.support.web.JsonFields;
import app.spotter.trainer.CurrentTrainer;
import app.spotter.trainer.Trainers;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

@RestController
@RequestMapping("/api/v1/bookings")
class BookingApi {

    static final Duration LONGEST_RANGE = Duration.ofDays(366);

    /** Fields a create takes besides a booking's own: a series' rule and what to do with clashing dates. */
    static final Set<String> SERIES_FIELDS = Set.of("recurrence", "skip_conflicts");

    private final Bookings bookings;
    private final BookingSeries series;
    private final Trainers trainers;

    BookingApi(Bookings bookings, BookingSeries series, Trainers trainers) {
        this.bookings = bookings;
        this.series = series;
        this.trainers = trainers;
    }

    @PostMapping
    ResponseEntity<BookingView> create(@RequestBody JsonNode body) {
        UUID trainerId = CurrentTrainer.id();
        if (body != null && body.isObject() && (body.has("recurrence") || body.has("skip_conflicts"))) {
            return createSeries(trainerId, body);
        }
        BookingDetails details = BookingRequest.read(JsonFields.of(body, BookingRequest.FIELDS), null);
        BookingRequest.Participants who = BookingRequest.participants(JsonFields.of(body, BookingRequest.FIELDS), null);
        Booking booking = bookings.create(trainerId, details, who.clientIds(), who.capacity());
        return ResponseEntity.status(HttpStatus.CREATED).body(BookingView.of(booking, zone(trainerId)));
    }

    /** A series: 201 with its first session, {@code series_id} and the dates {@code skipped} (API "recurring"). */
    private ResponseEntity<BookingView> createSeries(UUID trainerId, JsonNode body) {
        Set<String> allowed = new java.util.HashSet<>(BookingRequest.FIELDS);
        allowed.addAll(SERIES_FIELDS);
        JsonFields fields = JsonFields.of(body, allowed);
        Boolean skip = fields.bool("skip_conflicts", false);
        if (!body.has("recurrence")) {
            fields.reject("skip_conflicts", "applies to a series only (give recurrence)");
        }
        BookingDetails details = BookingRequest.read(fields, null);
        Recurrence rule = SeriesRequest.recurrence(body.get("recurrence"));
        BookingSeries.Created created = series.create(trainerId, details, rule, Boolean.TRUE.equals(skip));
        ZoneId zone = zone(trainerId);
        return ResponseEntity.status(HttpStatus.CREATED).body(BookingView.of(created.first(), zone)
                .withSkipped(BookingView.skipped(created.skipped(), zone)));
    }

    /**
     * Bounded whichever way it is asked: a range spans at most {@link #LONGEST_RANGE}, and every answer is a page of
     * at most {@link Cursor#MAX_PAGE} bookings; when more follow, a {@code Link: <...>; rel="next"} header carries
     * the cursor of the next page (RFC 8288).
     */
    @GetMapping
    ResponseEntity<List<BookingView>> list(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime to,
            @RequestParam(required = false) Integer limit, @RequestParam(required = false) String cursor) {
        if (from != null && to != null && !to.isAfter(from)) {
            throw ApiProblem.invalid("to", "must be after from");
        }
        if (from != null && to != null && Duration.between(from, to).compareTo(LONGEST_RANGE) > 0) {
            throw ApiProblem.invalid("to", "must be at most 366 days after from; ask for a year at a time");
        }
        int size = Cursor.limit(limit);
        Instant afterStart = null;
        UUID afterId = null;
        if (cursor != null) {
            List<String> key = Cursor.decode(cursor, 2);
            try {
                afterStart = Instant.parse(key.get(0));
                afterId = UUID.fromString(key.get(1));
            } catch (RuntimeException e) {
                throw ApiProblem.invalid("cursor", "is not a cursor from a previous page");
            }
        }
        UUID trainerId = CurrentTrainer.id();
        ZoneId zone = zone(trainerId);
        List<Booking> page = bookings.page(trainerId, instant(from), instant(to), afterStart, afterId, size + 1);
        ResponseEntity.BodyBuilder answer = ResponseEntity.ok();
        if (page.size() > size) {
            page = page.subList(0, size);
            Booking last = page.getLast();
            answer.header(HttpHeaders.LINK,
                    Cursor.nextLink(Cursor.encode(last.details().startsAt().toString(), last.id().toString())));
        }
        return answer.body(page.stream().map(b -> BookingView.of(b, zone)).toList());
    }

    @GetMapping("/{id}")
    BookingView get(@PathVariable UUID id) {
        UUID trainerId = CurrentTrainer.id();
        return BookingView.of(bookings.get(trainerId, id), zone(trainerId));
    }

    @PatchMapping("/{id}")
    BookingView change(@PathVariable UUID id, @RequestBody JsonNode body) {
        UUID trainerId = CurrentTrainer.id();
        Booking current = bookings.get(trainerId, id);
        BookingDetails details = BookingRequest.read(JsonFields.of(body, BookingRequest.FIELDS), current.details());
        BookingRequest.Participants who = BookingRequest.participants(
                JsonFields.of(body, BookingRequest.FIELDS), current);
        return BookingView.of(bookings.change(trainerId, id, details, who.clientIds(), who.capacity()),
                zone(trainerId));
    }

    /** The body is optional: {@code {"reason": "..."}}. */
    @PostMapping("/{id}/cancel")
    BookingView cancel(@PathVariable UUID id, @RequestBody(required = false) JsonNode body) {
        UUID trainerId = CurrentTrainer.id();
        String reason = null;
        if (body != null && !body.isNull() && !(body.isObject() && body.isEmpty())) {
            JsonFields f = JsonFields.of(body, Set.of("reason"));
            reason = f.text("reason", false, 500);
            f.validate();
        }
        return BookingView.of(bookings.cancel(trainerId, id, reason), zone(trainerId));
    }

    /** {@code {client_id, status: attended | no_show | late_cancel}} for one participant. */
    @PostMapping("/{id}/attendance")
    BookingView attendance(@PathVariable UUID id, @RequestBody JsonNode body) {
        UUID trainerId = CurrentTrainer.id();
        JsonFields f = JsonFields.of(body, Set.of("client_id", "status"));
        UUID clientId = f.uuid("client_id", true);
        String status = f.text("status", true, 20);
        Attendance attendance = status == null ? null : Attendance.fromValue(status).orElse(null);
        if (status != null && attendance == null) {
            f.reject("status", "must be one of attended, no_show, late_cancel");
        }
        f.validate();
        return BookingView.of(bookings.markAttendance(trainerId, id, clientId, attendance), zone(trainerId));
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable UUID id) {
        bookings.delete(CurrentTrainer.id(), id);
        return ResponseEntity.noContent().build();
    }

    private ZoneId zone(UUID trainerId) {
        return trainers.zone(trainerId);
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
