package app.spotter.booking;

import app.spotter.support.web.ApiProblem;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The one place that decides whether a session's time may be booked, beyond "one session at a time" (which the
 * database's exclusion constraint keeps). Single bookings, each occurrence of a series and group sessions all ask
 * here: a blocking clash is a 409 naming what it clashes with unless the trainer said {@code allow_conflict};
 * everything else comes back as warnings for the response.
 */
@Component
public class Conflicts {

    private final ObjectProvider<ConflictSource> sources;

    Conflicts(ObjectProvider<ConflictSource> sources) {
        this.sources = sources;
    }

    /** Refreshes busy times before a booking is decided (outside any transaction: it may call calendars). */
    public void refresh(UUID trainerId) {
        sources.orderedStream().forEach(s -> s.refresh(trainerId));
    }

    /** Every clash of [start, end), blocking first. */
    public List<Clash> of(UUID trainerId, Instant start, Instant end) {
        List<Clash> all = new ArrayList<>();
        sources.orderedStream().forEach(s -> all.addAll(s.clashes(trainerId, start, end)));
        all.sort((a, b) -> Boolean.compare(b.blocking(), a.blocking()));
        return all;
    }

    /**
     * Throws 409 naming the first blocking clash unless {@code allowConflict}; returns the warnings the trainer
     * should see (with {@code allowConflict}, the overridden clashes are among them, so nothing passes silently).
     */
    public List<Clash> check(UUID trainerId, Instant start, Instant end, boolean allowConflict) {
        List<Clash> all = of(trainerId, start, end);
        if (!allowConflict && !all.isEmpty() && all.getFirst().blocking()) {
            throw new ApiProblem(org.springframework.http.HttpStatus.CONFLICT, "Conflict",
                    all.getFirst().message() + " Send allow_conflict: true to book it anyway.",
                    all.stream().filter(Clash::blocking)
                            .map(c -> new ApiProblem.FieldError("starts_at", c.message())).toList());
        }
        return all;
    }
}
