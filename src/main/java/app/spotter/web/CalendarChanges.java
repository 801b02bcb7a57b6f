package app.spotter.web;

import app.spotter.booking.BookingActivity;
import app.spotter.booking.Bookings;
import app.spotter.sync.Provider;
import app.spotter.sync.engine.CalendarSync;
import app.spotter.trainer.CurrentTrainer;
import app.spotter.trainer.Trainers;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * What changes made in the trainer's own calendars did, in the web app: the booking's activity list and its
 * "removed from your calendar" choice (cancel the session, or put it back; for a whole series deleted there,
 * cancel the whole series or put it back, from any of its sessions) on the booking page, and the notices
 * (put back, removed) on the calendar and sync pages until dismissed.
 */
final class CalendarChanges {

    /** One activity line as the page words it. */
    record Line(String when, String message, boolean notice) {}

    /**
     * One calendar the session was deleted from, as the page words it.
     *
     * @param wholeSeries its whole repeating series was deleted there: the choice is about the series
     */
    record Removed(String provider, String text, boolean wholeSeries) {}

    /** One notice on the calendar or sync page. */
    record Notice(UUID id, UUID bookingId, String text) {}

    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("EEE d MMM HH:mm", Locale.forLanguageTag("en-ZA"));

    private CalendarChanges() {}

    static String calendarName(Provider provider) {
        return switch (provider) {
            case APPLE -> "Apple Calendar";
            case GOOGLE -> "Google Calendar";
            case EMAIL -> "email";
        };
    }

    /** The booking page (and dialog): its activity, and the calendars it was deleted from. */
    @ControllerAdvice(assignableTypes = BookingController.class)
    static class OnTheBooking {

        private final BookingActivity activity;
        private final CalendarSync sync;
        private final Trainers trainers;

        OnTheBooking(BookingActivity activity, CalendarSync sync, Trainers trainers) {
            this.activity = activity;
            this.sync = sync;
            this.trainers = trainers;
        }

        @ModelAttribute("activity")
        List<Line> activity(@PathVariable(name = "id", required = false) Optional<UUID> id) {
            if (id.isEmpty()) {
                return List.of();
            }
            UUID trainerId = CurrentTrainer.id();
            ZoneId zone = trainers.zone(trainerId);
            return activity.of(trainerId, id.get()).stream()
                    .map(e -> new Line(WHEN.format(e.at().atZone(zone)), e.message(), e.notice())).toList();
        }

        @ModelAttribute("removedFrom")
        List<Removed> removedFrom(@PathVariable(name = "id", required = false) Optional<UUID> id) {
            if (id.isEmpty()) {
                return List.of();
            }
            UUID trainerId = CurrentTrainer.id();
            ZoneId zone = trainers.zone(trainerId);
            return sync.removedFromCalendars(trainerId, id.get()).stream()
                    .map(r -> new Removed(r.provider().value(), r.wholeSeries()
                            ? "The whole repeating series was removed from your " + calendarName(r.provider())
                                    + " on " + WHEN.format(r.removedAt().atZone(zone)) + ". Its sessions are still "
                                    + "booked and the series stays out of that calendar until you choose."
                            : "Removed from your " + calendarName(r.provider()) + " on "
                                    + WHEN.format(r.removedAt().atZone(zone)) + ". The session is still booked "
                                    + "and stays out of that calendar until you choose.", r.wholeSeries()))
                    .toList();
        }
    }

    /** The calendar and sync pages: notices the trainer has not dismissed. */
    @ControllerAdvice(assignableTypes = {CalendarController.class, SyncController.class})
    static class OnThePages {

        private final BookingActivity activity;
        private final Trainers trainers;

        OnThePages(BookingActivity activity, Trainers trainers) {
            this.activity = activity;
            this.trainers = trainers;
        }

        @ModelAttribute("calendarNotices")
        List<Notice> notices() {
            UUID trainerId = CurrentTrainer.id();
            ZoneId zone = trainers.zone(trainerId);
            return activity.unseenNotices(trainerId).stream()
                    .map(e -> new Notice(e.id(), e.bookingId(), WHEN.format(e.at().atZone(zone)) + ": "
                            + e.message()))
                    .toList();
        }
    }

    /** "Put it back", and dismissing a notice. */
    @Controller
    static class Choices {

        private final CalendarSync sync;
        private final Bookings bookings;
        private final BookingActivity activity;
        private final Clock clock;

        Choices(CalendarSync sync, Bookings bookings, BookingActivity activity, Clock clock) {
            this.sync = sync;
            this.bookings = bookings;
            this.activity = activity;
            this.clock = clock;
        }

        @PostMapping("/app/bookings/{id}/put-back")
        String putBack(@PathVariable UUID id, @RequestParam(required = false) String provider) {
            UUID trainerId = CurrentTrainer.id();
            bookings.get(trainerId, id); // 404 unless it is this trainer's
            sync.putBack(trainerId, id, Optional.ofNullable(provider).flatMap(Provider::fromValue));
            return "redirect:/app/bookings/" + id + "/edit";
        }

        @PostMapping("/app/notices/{id}/dismiss")
        String dismiss(@PathVariable UUID id, @RequestParam(required = false) String back) {
            activity.dismiss(CurrentTrainer.id(), id, clock.instant());
            return "sync".equals(back) ? "redirect:/app/sync" : "redirect:/app/calendar";
        }
    }
}
