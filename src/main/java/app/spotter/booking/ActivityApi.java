package app.spotter.booking;

import app.spotter.support.web.ApiProblem;
import app.spotter.trainer.CurrentTrainer;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** A booking's activity list, and the notices among all of them that the trainer has not dismissed. */
@RestController
class ActivityApi {

    record ActivityView(UUID id, UUID bookingId, Instant at, String kind, String provider, String message,
            boolean notice, Instant seenAt) {

        static ActivityView of(BookingActivity.Entry e) {
            return new ActivityView(e.id(), e.bookingId(), e.at(), e.kind(), e.provider(), e.message(), e.notice(),
                    e.seenAt());
        }
    }

    private final Bookings bookings;
    private final BookingActivity activity;
    private final java.time.Clock clock;

    ActivityApi(Bookings bookings, BookingActivity activity, java.time.Clock clock) {
        this.bookings = bookings;
        this.activity = activity;
        this.clock = clock;
    }

    @GetMapping("/api/v1/bookings/{id}/activity")
    List<ActivityView> activity(@PathVariable UUID id) {
        UUID trainerId = CurrentTrainer.id();
        bookings.get(trainerId, id); // 404 unless it is this trainer's
        return activity.of(trainerId, id).stream().map(ActivityView::of).toList();
    }

    @GetMapping("/api/v1/notices")
    List<ActivityView> notices() {
        return activity.unseenNotices(CurrentTrainer.id()).stream().map(ActivityView::of).toList();
    }

    @PostMapping("/api/v1/notices/{id}/dismiss")
    ResponseEntity<Void> dismiss(@PathVariable UUID id) {
        if (!activity.dismiss(CurrentTrainer.id(), id, clock.instant())) {
            throw ApiProblem.notFound("The notice");
        }
        return ResponseEntity.noContent().build();
    }
}
