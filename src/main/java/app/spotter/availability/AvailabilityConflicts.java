package app.spotter.availability;

import app.spotter.booking.Clash;
import app.spotter.booking.ConflictSource;
import app.spotter.trainer.Trainers;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** Time off and busy calendars block a booking; outside working hours and unreadable calendars only warn. */
@Component
class AvailabilityConflicts implements ConflictSource {

    private static final Locale EN_ZA = Locale.forLanguageTag("en-ZA");
    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("EEE d MMM HH:mm", EN_ZA);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", EN_ZA);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM", EN_ZA);

    private final AvailabilityRepository repository;
    private final BusyStore busy;
    private final BusyRefresh refresh;
    private final Trainers trainers;

    AvailabilityConflicts(AvailabilityRepository repository, BusyStore busy, BusyRefresh refresh, Trainers trainers) {
        this.repository = repository;
        this.busy = busy;
        this.refresh = refresh;
        this.trainers = trainers;
    }

    @Override
    public void refresh(UUID trainerId) {
        refresh.refreshIfStale(trainerId);
    }

    @Override
    public List<Clash> clashes(UUID trainerId, Instant start, Instant end) {
        ZoneId zone = trainers.zone(trainerId);
        WorkingHours hours = repository.hours(trainerId).orElse(WorkingHours.NONE);
        List<Clash> clashes = new ArrayList<>();
        for (TimeOff off : repository.timeOff(trainerId, start, end)) {
            String label = off.label() == null ? "" : " (" + off.label() + ")";
            clashes.add(Clash.blocking("time_off", "This time is in your time off" + label + ", "
                    + DAY_TIME.format(off.startsAt().atZone(zone)) + " to "
                    + DAY_TIME.format(off.endsAt().atZone(zone)) + "."));
        }
        List<BusyCalendar> calendars = busy.calendars(trainerId);
        Map<UUID, BusyCalendar> byId = calendars.stream()
                .collect(Collectors.toMap(BusyCalendar::id, Function.identity()));
        for (BusyTime b : busy.busy(trainerId, start, end, hours.allDayEventsBusy())) {
            BusyCalendar calendar = byId.get(b.calendarId());
            String when = b.allDay() ? "all day " + DAY.format(b.startsAt().atZone(zone))
                    : DAY_TIME.format(b.startsAt().atZone(zone)) + "-" + TIME.format(b.endsAt().atZone(zone));
            clashes.add(Clash.blocking("busy", "This time is busy in "
                    + (calendar == null ? "one of your calendars" : calendar.label()) + " (" + when + ")."));
        }
        if (hours.configured() && !hours.covers(start.atZone(zone), end.atZone(zone), zone)) {
            clashes.add(Clash.warning("outside_working_hours", "This session is outside your working hours."));
        }
        if (refresh.stillReading(trainerId)) {
            clashes.add(Clash.warning("busy_times_stale", "Busy times are still being read from your calendars; "
                    + "this time was checked against those read before, which may be out of date."));
        }
        for (BusyCalendar c : calendars) {
            if (c.busy() && c.readError() != null) {
                clashes.add(Clash.warning("busy_times_stale", "Busy times from " + c.label()
                        + " may be out of date: " + c.readError()));
            }
        }
        return clashes;
    }
}
