package app.spotter.web;

import app.spotter.booking.Replies;
import app.spotter.client.Clients;
import app.spotter.trainer.CurrentTrainer;
import app.spotter.trainer.Trainers;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The calendar page's notice of clients who declined their invitation (read from the organizer mailbox), until
 * the trainer dismisses it. The session stays booked: a decline is the client's word, the trainer decides.
 */
final class DeclineNotices {

    /** One notice as the page words it. */
    record Notice(UUID bookingId, UUID clientId, String text) {}

    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("EEE d MMM 'at' HH:mm", Locale.forLanguageTag("en-ZA"));

    private DeclineNotices() {}

    /** Adds the notices to the calendar page's model. */
    @ControllerAdvice(assignableTypes = CalendarController.class)
    static class OnTheCalendar {

        private final Replies replies;
        private final Clients clients;
        private final Trainers trainers;
        private final Clock clock;

        OnTheCalendar(Replies replies, Clients clients, Trainers trainers, Clock clock) {
            this.replies = replies;
            this.clients = clients;
            this.trainers = trainers;
            this.clock = clock;
        }

        @ModelAttribute("declines")
        List<Notice> declines() {
            UUID trainerId = CurrentTrainer.id();
            ZoneId zone = trainers.zone(trainerId);
            return replies.unseenDeclines(trainerId, clock.instant()).stream()
                    .map(d -> new Notice(d.bookingId(), d.clientId(),
                            clients.find(trainerId, d.clientId()).map(c -> c.displayName()).orElse("A client")
                                    + " declined the session on " + WHEN.format(d.startsAt().atZone(zone))
                                    + ". It is still booked."))
                    .toList();
        }
    }

    /** Dismisses one notice. */
    @Controller
    static class Dismiss {

        private final Replies replies;
        private final Clock clock;

        Dismiss(Replies replies, Clock clock) {
            this.replies = replies;
            this.clock = clock;
        }

        @PostMapping("/app/notices/declines/{bookingId}/{clientId}/dismiss")
        String dismiss(@PathVariable UUID bookingId, @PathVariable UUID clientId) {
            replies.dismissDecline(CurrentTrainer.id(), bookingId, clientId, clock.instant());
            return "redirect:/app/calendar";
        }
    }
}
