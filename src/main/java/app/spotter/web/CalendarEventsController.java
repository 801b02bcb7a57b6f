package app.spotter.web;

import app.spotter.booking.Booking;
import app.spotter.booking.BookingDetails;
import app.spotter.booking.BookingStatus;
import app.spotter.booking.Bookings;
import app.spotter.booking.Replies;
import app.spotter.booking.Reply;
import app.spotter.client.Client;
import app.spotter.client.Clients;
import app.spotter.preferences.Preferences;
import app.spotter.preferences.SyncPreferences;
import app.spotter.trainer.CurrentTrainer;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * FullCalendar's event source: the signed-in trainer's scheduled sessions in a range, titled, coloured and timed
 * as the synced calendars show them (show_client_names, booking colour else session_colors, timezone_display).
 * Times are wall-clock times in the display zone without an offset, which FullCalendar shows as they are.
 */
@Controller
class CalendarEventsController {

    /** One FullCalendar event object, in FullCalendar's own camelCase names; no colour when none is chosen. */
    @JsonNaming(PropertyNamingStrategies.LowerCamelCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Event(String id, String title, String start, String end, String backgroundColor,
            String borderColor, String textColor, Map<String, String> extendedProps) {}

    static final Duration LONGEST_RANGE = Duration.ofDays(62);
    static final int MAX_EVENTS = 5_000;

    static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

    private final Bookings bookings;
    private final Clients clients;
    private final Preferences preferences;
    private final Replies replies;

    CalendarEventsController(Bookings bookings, Clients clients, Preferences preferences, Replies replies) {
        this.bookings = bookings;
        this.clients = clients;
        this.preferences = preferences;
        this.replies = replies;
    }

    @GetMapping(path = "/app/calendar/events", produces = "application/json")
    @ResponseBody
    List<Event> events(@RequestParam String start, @RequestParam String end) {
        UUID trainerId = CurrentTrainer.id();
        SyncPreferences prefs = preferences.get(trainerId);
        ZoneId zone = prefs.timezoneDisplay();
        Instant from = instant(start, zone);
        Instant to = instant(end, zone);
        // bounded: FullCalendar asks for at most a six-week month grid; the row cap bounds memory even then
        if (!to.isAfter(from) || Duration.between(from, to).compareTo(LONGEST_RANGE) > 0) {
            throw app.spotter.support.web.ApiProblem.invalid("end", "must be after start, at most 62 days later");
        }
        Map<UUID, String> names = clients.list(trainerId).stream()
                .collect(Collectors.toMap(Client::id, Client::displayName));
        List<Booking> scheduled = bookings.page(trainerId, from, to, null, null, MAX_EVENTS).stream()
                .filter(b -> b.status() == BookingStatus.SCHEDULED).toList();
        Map<UUID, List<Replies.Answer>> answers = replies.of(trainerId, scheduled.stream().map(Booking::id).toList());
        return scheduled.stream()
                .map(b -> b.capacity() > 1
                        ? groupEvent(b, prefs, names, answers.getOrDefault(b.id(), List.of()))
                        : event(b, prefs, names.get(b.details().clientId()), answers.getOrDefault(b.id(), List.of())))
                .toList();
    }

    /** A session for several clients reads as in the synced calendars: "Group session · 2/8" (names if shown). */
    private static Event groupEvent(Booking booking, SyncPreferences prefs, Map<UUID, String> names,
            List<Replies.Answer> answers) {
        BookingDetails d = booking.details();
        ZoneId zone = prefs.timezoneDisplay();
        String color = color(prefs, d);
        String title = app.spotter.calendar.CalendarObjects.summaryFor(d.sessionType(),
                booking.clientIds().stream().map(names::get).toList(), booking.capacity(), prefs.showClientNames());
        return new Event(booking.id().toString(), title + mark(answers),
                LOCAL.format(d.startsAt().atZone(zone)), LOCAL.format(d.endsAt().atZone(zone)),
                color, color, Colors.textOn(color),
                props(booking, d, title));
    }

    /**
     * The client's name comes first (it is what a trainer scans for, and what survives a narrow column); the
     * session type follows. With names hidden, only the type, as in the synced calendars.
     */
    private static Event event(Booking booking, SyncPreferences prefs, String clientName,
            List<Replies.Answer> answers) {
        BookingDetails d = booking.details();
        ZoneId zone = prefs.timezoneDisplay();
        String color = color(prefs, d);
        boolean named = prefs.showClientNames() && clientName != null;
        return new Event(booking.id().toString(),
                (named ? clientName + " · " + d.sessionType().label() : d.sessionType().label()) + mark(answers),
                LOCAL.format(d.startsAt().atZone(zone)), LOCAL.format(d.endsAt().atZone(zone)),
                color, color, Colors.textOn(color),
                props(booking, d, named ? clientName : d.sessionType().label()));
    }

    /** What the page needs besides the title; {@code series} marks a session of a series (its badge, drag scope). */
    private static Map<String, String> props(Booking booking, BookingDetails d, String name) {
        Map<String, String> props = new java.util.HashMap<>(Map.of("sessionType", d.sessionType().value(),
                "typeLabel", d.sessionType().label(), "name", name));
        if (booking.seriesId() != null) {
            props.put("series", "true");
        }
        return props;
    }

    /**
     * The clients' answers in words after the title: "declined" when anyone declined (the trainer must act), else
     * "confirmed" when everyone who answered accepted; nothing before an answer or with only tentative ones.
     */
    static String mark(List<Replies.Answer> answers) {
        if (answers.stream().anyMatch(a -> a.reply() == Reply.DECLINED)) {
            return " · ✗ declined";
        }
        if (!answers.isEmpty() && answers.stream().allMatch(a -> a.reply() == Reply.ACCEPTED)) {
            return " · ✓ confirmed";
        }
        return "";
    }

    /** The booking's own colour, else the trainer's colour for its type, else the type's default colour. */
    static String color(SyncPreferences prefs, BookingDetails d) {
        String chosen = prefs.colorFor(d.sessionType(), d.colorHex());
        return chosen != null ? chosen : Colors.defaultFor(d.sessionType());
    }

    /** FullCalendar sends either an offset date-time or, with a named zone, a wall-clock one. */
    private static Instant instant(String value, ZoneId zone) {
        if (value == null || value.isBlank()) {
            throw app.spotter.support.web.ApiProblem.invalid("start", "must be a date-time");
        }
        String v = value.strip().replace(' ', '+');
        try {
            return OffsetDateTime.parse(v).toInstant();
        } catch (DateTimeParseException notOffset) {
            try {
                return LocalDateTime.parse(v).atZone(zone).toInstant();
            } catch (DateTimeParseException notLocal) {
                try {
                    return LocalDate.parse(v).atStartOfDay(zone).toInstant();
                } catch (DateTimeParseException e) {
                    throw app.spotter.support.web.ApiProblem.invalid("start", "must be a date-time");
                }
            }
        }
    }
}
