package app.spotter.availability;

import app.spotter.support.web.ApiProblem;
import app.spotter.support.web.JsonFields;
import app.spotter.trainer.CurrentTrainer;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * The calendars of the connected accounts and which of them count as busy. Besides the contract's fields each
 * shows whether its busy times could be read ({@code read_status}: {@code ok}, {@code error} with
 * {@code error_message}, or {@code not_read}) and when ({@code last_read}).
 */
@RestController
class BusyCalendarsApi {

    record CalendarView(UUID id, String provider, String name, boolean busy, boolean isSpotterCalendar,
            String readStatus, Instant lastRead, String errorMessage) {
        static CalendarView of(BusyCalendar c) {
            String status = c.readError() != null ? "error" : c.lastRead() == null ? "not_read" : "ok";
            return new CalendarView(c.id(), c.provider(), c.name(), c.busy(), c.spotterCalendar(), status,
                    c.lastRead(), c.readError());
        }
    }

    private final BusyStore store;
    private final BusyRefresh refresh;

    BusyCalendarsApi(BusyStore store, BusyRefresh refresh) {
        this.store = store;
        this.refresh = refresh;
    }

    /** Asks the accounts for their calendars now (one request per account; changed busy calendars are read). */
    @GetMapping("/api/v1/calendar-sync/calendars")
    List<CalendarView> calendars() {
        UUID trainerId = CurrentTrainer.id();
        refresh.refresh(trainerId);
        return store.calendars(trainerId).stream().map(CalendarView::of).toList();
    }

    @PatchMapping("/api/v1/calendar-sync/calendars/{id}")
    CalendarView setBusy(@PathVariable UUID id, @RequestBody JsonNode body) {
        JsonFields f = JsonFields.of(body, Set.of("busy"));
        Boolean busy = f.bool("busy", true);
        f.validate();
        UUID trainerId = CurrentTrainer.id();
        BusyCalendar calendar = store.calendar(trainerId, id).orElseThrow(() -> ApiProblem.notFound("The calendar"));
        if (busy && calendar.spotterCalendar()) {
            throw ApiProblem.invalid("busy", "Spotter's own calendar holds your sessions; it cannot also be busy");
        }
        store.setBusy(trainerId, id, busy);
        if (busy) {
            refresh.refresh(trainerId);
        }
        return CalendarView.of(store.calendar(trainerId, id).orElseThrow());
    }
}
