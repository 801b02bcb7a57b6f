package app.spotter.web;

import app.spotter.availability.Availability;
import app.spotter.availability.BusyTime;
import app.spotter.availability.TimeOff;
import app.spotter.preferences.Preferences;
import app.spotter.trainer.CurrentTrainer;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * The calendar's second event source: grey "Busy" blocks from the trainer's busy calendars and "Time off" blocks,
 * as FullCalendar background events. Never a title from the other calendar: Spotter does not store any.
 */
@Controller
class BusyBlocksController {

    @JsonNaming(PropertyNamingStrategies.LowerCamelCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Block(String title, String start, String end, String display, List<String> classNames) {}

    private final Availability availability;
    private final Preferences preferences;

    BusyBlocksController(Availability availability, Preferences preferences) {
        this.availability = availability;
        this.preferences = preferences;
    }

    @GetMapping(path = "/app/calendar/busy", produces = "application/json")
    @ResponseBody
    List<Block> busy(@RequestParam String start, @RequestParam String end) {
        UUID trainerId = CurrentTrainer.id();
        ZoneId zone = preferences.get(trainerId).timezoneDisplay();
        Instant from = instant(start, zone);
        Instant to = instant(end, zone);
        if (!to.isAfter(from) || Duration.between(from, to).compareTo(CalendarEventsController.LONGEST_RANGE) > 0) {
            throw app.spotter.support.web.ApiProblem.invalid("end", "must be after start, at most 62 days later");
        }
        List<Block> blocks = new ArrayList<>();
        // the service's name only, and only with the trainer's consent (there is no title to show)
        java.util.Map<UUID, String> services = availability.hours(trainerId).busyShowsProvider()
                ? availability.calendars(trainerId).stream().collect(java.util.stream.Collectors.toMap(
                        app.spotter.availability.BusyCalendar::id, app.spotter.availability.BusyCalendar::service))
                : java.util.Map.of();
        for (BusyTime b : availability.busy(trainerId, from, to)) {
            String service = services.get(b.calendarId());
            blocks.add(new Block(service == null ? "Busy" : "Busy (" + service + ")", local(b.startsAt(), zone),
                    local(b.endsAt(), zone), "background", List.of("busy-block")));
        }
        for (TimeOff off : availability.timeOff(trainerId, from, to)) {
            blocks.add(new Block("Time off", local(off.startsAt(), zone), local(off.endsAt(), zone), "background",
                    List.of("time-off-block")));
        }
        return blocks;
    }

    private static String local(Instant instant, ZoneId zone) {
        return CalendarEventsController.LOCAL.format(instant.atZone(zone));
    }

    private static Instant instant(String value, ZoneId zone) {
        String v = value.strip().replace(' ', '+');
        try {
            return OffsetDateTime.parse(v).toInstant();
        } catch (java.time.format.DateTimeParseException notOffset) {
            try {
                return java.time.LocalDateTime.parse(v).atZone(zone).toInstant();
            } catch (java.time.format.DateTimeParseException notLocal) {
                try {
                    return java.time.LocalDate.parse(v).atStartOfDay(zone).toInstant();
                } catch (java.time.format.DateTimeParseException e) {
                    throw app.spotter.support.web.ApiProblem.invalid("start", "must be a date-time");
                }
            }
        }
    }
}
