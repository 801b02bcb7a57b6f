package app.spotter.availability;

import app.spotter.booking.Bookings;
import app.spotter.support.web.ApiProblem;
import app.spotter.trainer.Trainers;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The availability module's entry: working hours, time off, busy times and free slots. Every method is scoped to
 * one trainer.
 */
@Service
public class Availability {

    private final AvailabilityRepository repository;
    private final BusyStore busy;
    private final Bookings bookings;
    private final Trainers trainers;
    private final Clock clock;
    private final SlotsCache cache;

    /** The largest buffer hours allow (HoursRequest): sessions this far outside a range can still block it. */
    private static final Duration MAX_BUFFER = Duration.ofMinutes(240);

    Availability(AvailabilityRepository repository, BusyStore busy, Bookings bookings, Trainers trainers,
            Clock clock, SlotsCache cache) {
        this.cache = cache;
        this.repository = repository;
        this.busy = busy;
        this.bookings = bookings;
        this.trainers = trainers;
        this.clock = clock;
    }

    public WorkingHours hours(UUID trainerId) {
        return repository.hours(trainerId).orElse(WorkingHours.NONE);
    }

    public void setHours(UUID trainerId, WorkingHours hours) {
        repository.saveHours(trainerId, hours);
    }

    /**
     * Applies a {@code PUT /availability/hours} body (absent fields keep their value) and returns the result.
     *
     * @throws ApiProblem naming every invalid field; nothing is changed then
     */
    public WorkingHours updateHours(UUID trainerId, tools.jackson.databind.JsonNode body) {
        WorkingHours hours = HoursRequest.read(body, hours(trainerId));
        repository.saveHours(trainerId, hours);
        return hours;
    }

    public List<TimeOff> timeOff(UUID trainerId, Instant from, Instant to) {
        return repository.timeOff(trainerId, from, to);
    }

    public TimeOff addTimeOff(UUID trainerId, Instant startsAt, Instant endsAt, String label) {
        TimeOff off = new TimeOff(UUID.randomUUID(), startsAt, endsAt, label);
        repository.addTimeOff(trainerId, off);
        return off;
    }

    public TimeOff timeOff(UUID trainerId, UUID id) {
        return repository.findTimeOff(trainerId, id).orElseThrow(() -> ApiProblem.notFound("The time off"));
    }

    public void deleteTimeOff(UUID trainerId, UUID id) {
        if (!repository.deleteTimeOff(trainerId, id)) {
            throw ApiProblem.notFound("The time off");
        }
    }

    /** Busy intervals of the calendars marked busy (all-day ones only when the trainer counts them). */
    public List<BusyTime> busy(UUID trainerId, Instant from, Instant to) {
        return busy.busy(trainerId, from, to, hours(trainerId).allDayEventsBusy());
    }

    public List<BusyCalendar> calendars(UUID trainerId) {
        return busy.calendars(trainerId);
    }

    /**
     * The trainer's availability data for their export (POPIA s23): working hours and settings, all time off,
     * every calendar with its busy choice, and every busy interval stored (times only), in the API's shapes.
     */
    public Object export(UUID trainerId) {
        ZoneId zone = trainers.zone(trainerId);
        return new AvailabilityApi.ExportView(AvailabilityApi.view(hours(trainerId)),
                repository.allTimeOff(trainerId).stream().map(t -> AvailabilityApi.view(t, zone)).toList(),
                busy.calendars(trainerId).stream().map(BusyCalendarsApi.CalendarView::of).toList(),
                busy.all(trainerId).stream().map(b -> new AvailabilityApi.BusyView(
                        AvailabilityApi.format(b.startsAt(), zone), AvailabilityApi.format(b.endsAt(), zone),
                        b.calendarId())).toList());
    }

    /**
     * Free start times in [from, to) for a session of {@code duration}: working hours minus sessions (widened by
     * the buffer), busy times (widened too) and time off, none sooner than the minimum notice; in the trainer's
     * zone.
     */
    @Transactional(readOnly = true)
    public List<ZonedDateTime> slots(UUID trainerId, Instant from, Instant to, Duration duration, Duration step) {
        ZoneId zone = trainers.zone(trainerId);
        Instant now = clock.instant();
        // the version is read before the data: a change committing in between only makes the next request recompute
        String version = bookings.fingerprint(trainerId, from.minus(MAX_BUFFER).minus(duration),
                to.plus(MAX_BUFFER).plus(duration)) + "|" + repository.fingerprint(trainerId);
        SlotsCache.Key key = new SlotsCache.Key(trainerId, from, to, duration, step, zone);
        var cached = cache.get(key, version);
        if (cached.isPresent()) {
            long earliest = now.plus(Duration.ofMinutes(cached.get().hours().minNoticeMinutes())).getEpochSecond();
            List<ZonedDateTime> slots = new ArrayList<>();
            for (long start : cached.get().starts()) {
                if (start >= earliest) {
                    slots.add(Instant.ofEpochSecond(start).atZone(zone));
                }
            }
            return slots;
        }
        WorkingHours hours = hours(trainerId);
        List<ZonedDateTime> slots = compute(trainerId, hours, zone, from, to, duration, step, now);
        cache.put(key, new SlotsCache.Entry(version, hours,
                slots.stream().mapToLong(s -> s.toEpochSecond()).toArray()));
        return slots;
    }

    private List<ZonedDateTime> compute(UUID trainerId, WorkingHours hours, ZoneId zone, Instant from, Instant to,
            Duration duration, Duration step, Instant now) {
        Duration buffer = Duration.ofMinutes(hours.bufferMinutes());
        // a session or busy time just outside the range can still reach into it through its buffer or length
        Instant readFrom = from.minus(buffer).minus(duration);
        Instant readTo = to.plus(buffer).plus(duration);
        List<Interval> blocked = new ArrayList<>();
        bookings.streamScheduled(trainerId, readFrom, readTo, b -> blocked.add(
                new Interval(b.details().startsAt().minus(buffer), b.details().endsAt().plus(buffer))));
        for (BusyTime b : busy.busy(trainerId, readFrom, readTo, hours.allDayEventsBusy())) {
            blocked.add(new Interval(b.startsAt().minus(buffer), b.endsAt().plus(buffer)));
        }
        for (TimeOff off : repository.timeOff(trainerId, readFrom, readTo)) {
            blocked.add(new Interval(off.startsAt(), off.endsAt()));
        }
        Instant earliest = now.plus(Duration.ofMinutes(hours.minNoticeMinutes()));
        return Slots.free(new Slots.Query(hours, zone, from, to, duration, step, earliest), blocked);
    }
}
