package app.spotter.sync.web;

import app.spotter.booking.Bookings;
import app.spotter.support.web.ApiProblem;
import app.spotter.support.web.JsonFields;
import app.spotter.sync.Provider;
import app.spotter.sync.engine.CalendarSync;
import app.spotter.trainer.CurrentTrainer;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * Sessions whose event the trainer deleted in one of their calendars: still booked, out of that calendar until
 * the trainer cancels the session ({@code POST /api/v1/bookings/{id}/cancel}; a whole series deleted there:
 * {@code POST /api/v1/series/{id}/cancel}) or puts the event back (here, with any session of such a series).
 */
@RestController
class RemovedEventsApi {

    /** @param wholeSeries the whole repeating series was deleted there, listed once by its first session */
    record RemovedView(UUID bookingId, String provider, Instant removedAt, boolean wholeSeries) {}

    record PutBackView(UUID bookingId, List<String> putBack) {}

    private final CalendarSync sync;
    private final Bookings bookings;

    RemovedEventsApi(CalendarSync sync, Bookings bookings) {
        this.sync = sync;
        this.bookings = bookings;
    }

    @GetMapping("/api/v1/calendar-sync/removed")
    List<RemovedView> removed() {
        return sync.removedFromCalendars(CurrentTrainer.id(), null).stream()
                .map(r -> new RemovedView(r.bookingId(), r.provider().value(), r.removedAt(), r.wholeSeries())).toList();
    }

    /** The body is optional: {@code {"provider": "apple"}} puts it back in that calendar only. */
    @PostMapping("/api/v1/bookings/{id}/put-back")
    PutBackView putBack(@PathVariable UUID id, @RequestBody(required = false) JsonNode body) {
        UUID trainerId = CurrentTrainer.id();
        bookings.get(trainerId, id); // 404 unless it is this trainer's
        Optional<Provider> provider = Optional.empty();
        if (body != null && !body.isNull() && !(body.isObject() && body.isEmpty())) {
            JsonFields fields = JsonFields.of(body, Set.of("provider"));
            String value = fields.text("provider", false, 20);
            if (value != null) {
                provider = Provider.fromValue(value).filter(p -> p != Provider.EMAIL);
                if (provider.isEmpty()) {
                    fields.reject("provider", "must be one of google, apple");
                }
            }
            fields.validate();
        }
        List<Provider> back = sync.putBack(trainerId, id, provider);
        if (back.isEmpty()) {
            throw ApiProblem.conflict("This session was not removed from "
                    + provider.map(p -> "that calendar").orElse("any of your calendars") + "; nothing to put back.");
        }
        return new PutBackView(id, back.stream().map(Provider::value).toList());
    }
}
