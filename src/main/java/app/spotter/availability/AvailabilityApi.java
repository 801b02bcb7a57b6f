package app.spotter.availability;

import app.spotter.support.web.ApiProblem;
import app.spotter.support.web.JsonFields;
import app.spotter.trainer.CurrentTrainer;
import app.spotter.trainer.Trainers;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** Working hours, time off, busy times and free slots (docs/api.md "Availability and busy times"). */
@RestController
class AvailabilityApi {

    /** Slots and busy times are asked for at most this much at a time. */
    static final Duration LONGEST_RANGE = Duration.ofDays(62);
    private static final Set<String> TIME_OFF_FIELDS = Set.of("starts_at", "ends_at", "label");

    record RangeView(String from, String to) {}

    record HoursView(Map<String, List<RangeView>> weekly, int bufferMinutes, int minNoticeMinutes,
            boolean allDayEventsBusy, boolean busyShowsProvider) {}

    record TimeOffView(UUID id, String startsAt, String endsAt, String label) {}

    record BusyView(String startsAt, String endsAt, UUID calendarId) {}

    record SlotsView(String timezone, int durationMinutes, List<String> slots) {}

    /** The availability part of the trainer's export: everything they set, and every busy time read. */
    record ExportView(HoursView workingHours, List<TimeOffView> timeOff,
            List<BusyCalendarsApi.CalendarView> busyCalendars, List<BusyView> busyTimes) {}

    private final Availability availability;
    private final Trainers trainers;

    AvailabilityApi(Availability availability, Trainers trainers) {
        this.availability = availability;
        this.trainers = trainers;
    }

    @GetMapping("/api/v1/availability/hours")
    HoursView hours() {
        return view(availability.hours(CurrentTrainer.id()));
    }

    /** A partial object: absent fields keep their value; a weekday absent from {@code weekly} is a day off. */
    @PutMapping("/api/v1/availability/hours")
    HoursView setHours(@RequestBody JsonNode body) {
        UUID trainerId = CurrentTrainer.id();
        return view(availability.updateHours(trainerId, body));
    }

    @GetMapping("/api/v1/availability/time-off")
    List<TimeOffView> timeOff(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime to) {
        UUID trainerId = CurrentTrainer.id();
        ZoneId zone = trainers.zone(trainerId);
        Instant start = from == null ? Instant.now().minus(Duration.ofDays(1)) : from.toInstant();
        Instant end = to == null ? start.plus(Duration.ofDays(3660)) : to.toInstant();
        return availability.timeOff(trainerId, start, end).stream().map(t -> view(t, zone)).toList();
    }

    @GetMapping("/api/v1/availability/time-off/{id}")
    TimeOffView timeOff(@PathVariable UUID id) {
        UUID trainerId = CurrentTrainer.id();
        return view(availability.timeOff(trainerId, id), trainers.zone(trainerId));
    }

    @PostMapping("/api/v1/availability/time-off")
    ResponseEntity<TimeOffView> addTimeOff(@RequestBody JsonNode body) {
        JsonFields f = JsonFields.of(body, TIME_OFF_FIELDS);
        OffsetDateTime start = f.dateTime("starts_at", true);
        OffsetDateTime end = f.dateTime("ends_at", true);
        String label = f.text("label", false, 200);
        if (start != null && end != null && !end.isAfter(start)) {
            f.reject("ends_at", "must be after starts_at");
        }
        if (start != null && end != null && Duration.between(start, end).compareTo(Duration.ofDays(366)) > 0) {
            f.reject("ends_at", "time off lasts at most a year at a time");
        }
        f.validate();
        UUID trainerId = CurrentTrainer.id();
        TimeOff off = availability.addTimeOff(trainerId, start.toInstant(), end.toInstant(), label);
        return ResponseEntity.status(HttpStatus.CREATED).body(view(off, trainers.zone(trainerId)));
    }

    @DeleteMapping("/api/v1/availability/time-off/{id}")
    ResponseEntity<Void> deleteTimeOff(@PathVariable UUID id) {
        availability.deleteTimeOff(CurrentTrainer.id(), id);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/v1/busy")
    List<BusyView> busy(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime from,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime to) {
        checkRange(from, to);
        UUID trainerId = CurrentTrainer.id();
        ZoneId zone = trainers.zone(trainerId);
        return availability.busy(trainerId, from.toInstant(), to.toInstant()).stream()
                .map(b -> new BusyView(format(b.startsAt(), zone), format(b.endsAt(), zone), b.calendarId()))
                .toList();
    }

    /** Free start times, {@code step_minutes} apart within each working range (default 30). */
    @GetMapping("/api/v1/availability/slots")
    SlotsView slots(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime from,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime to,
            @RequestParam(name = "duration_minutes") int durationMinutes,
            @RequestParam(name = "step_minutes", required = false) Integer stepMinutes) {
        checkRange(from, to);
        if (durationMinutes < 5 || durationMinutes > 24 * 60) {
            throw ApiProblem.invalid("duration_minutes", "must be a whole number from 5 to 1440");
        }
        int step = stepMinutes == null ? 30 : stepMinutes;
        if (step < 5 || step > 240) {
            throw ApiProblem.invalid("step_minutes", "must be a whole number from 5 to 240");
        }
        UUID trainerId = CurrentTrainer.id();
        ZoneId zone = trainers.zone(trainerId);
        List<String> slots = availability.slots(trainerId, from.toInstant(), to.toInstant(),
                Duration.ofMinutes(durationMinutes), Duration.ofMinutes(step)).stream()
                .map(DateTimeFormatter.ISO_OFFSET_DATE_TIME::format).toList();
        return new SlotsView(zone.getId(), durationMinutes, slots);
    }

    private static void checkRange(OffsetDateTime from, OffsetDateTime to) {
        if (!to.isAfter(from)) {
            throw ApiProblem.invalid("to", "must be after from");
        }
        if (Duration.between(from, to).compareTo(LONGEST_RANGE) > 0) {
            throw ApiProblem.invalid("to", "must be at most 62 days after from");
        }
    }

    static HoursView view(WorkingHours hours) {
        Map<String, List<RangeView>> weekly = new LinkedHashMap<>();
        hours.weekly().forEach((day, ranges) -> weekly.put(Weekdays.code(day),
                ranges.stream().map(r -> new RangeView(r.from().toString(), r.to().toString())).toList()));
        return new HoursView(weekly, hours.bufferMinutes(), hours.minNoticeMinutes(), hours.allDayEventsBusy(),
                hours.busyShowsProvider());
    }

    static TimeOffView view(TimeOff off, ZoneId zone) {
        return new TimeOffView(off.id(), format(off.startsAt(), zone), format(off.endsAt(), zone), off.label());
    }

    static String format(Instant instant, ZoneId zone) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.atZone(zone));
    }
}
