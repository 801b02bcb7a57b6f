package app.spotter.booking;

import app.spotter.trainer.CurrentTrainer;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** What the invited clients of one session answered (read from the organizer mailbox when it is set up). */
@RestController
class ReplyApi {

    /** One answer; {@code status} is accepted, declined or tentative. */
    record ReplyView(UUID clientId, String status, int sequence, Instant repliedAt) {}

    private final Bookings bookings;
    private final Replies replies;

    ReplyApi(Bookings bookings, Replies replies) {
        this.bookings = bookings;
        this.replies = replies;
    }

    @GetMapping("/api/v1/bookings/{id}/replies")
    List<ReplyView> replies(@PathVariable UUID id) {
        UUID trainerId = CurrentTrainer.id();
        bookings.get(trainerId, id); // 404 unless it is this trainer's
        return replies.of(trainerId, Set.of(id)).getOrDefault(id, List.of()).stream()
                .map(a -> new ReplyView(a.clientId(), a.reply().value(), a.sequence(), a.repliedAt()))
                .toList();
    }
}
