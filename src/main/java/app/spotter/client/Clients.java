package app.spotter.client;

import app.spotter.support.web.ApiProblem;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The client module's entry. Every method takes the trainer's id and sees only that trainer's clients. */
@Service
public class Clients {

    private final ClientRepository repository;
    private final ApplicationEventPublisher events;

    Clients(ClientRepository repository, ApplicationEventPublisher events) {
        this.repository = repository;
        this.events = events;
    }

    @Transactional
    public Client create(Client draft) {
        return repository.insert(draft);
    }

    public List<Client> list(UUID trainerId) {
        return repository.list(trainerId);
    }

    /**
     * A bounded page in name order, of the active or else the archived clients; {@code after} is the id of the
     * previous page's last client, or null.
     */
    public List<Client> page(UUID trainerId, boolean archived, UUID after, int limit) {
        return repository.page(trainerId, archived, after, limit);
    }

    /** As {@link #page(UUID, boolean, UUID, int)}, only clients whose name, email or phone contains the query. */
    public List<Client> search(UUID trainerId, boolean archived, String query, UUID after, int limit) {
        return repository.page(trainerId, archived, query, after, limit);
    }

    public boolean isArchived(UUID trainerId, UUID id) {
        return repository.isArchived(trainerId, id);
    }

    /**
     * The trainer's private notes about a client (null when none). They are never part of {@link Client}, which is
     * what calendars, invitations and the feed are built from: notes never leave Spotter.
     */
    public String notes(UUID trainerId, UUID id) {
        get(trainerId, id);
        return repository.notes(trainerId, id);
    }

    @Transactional
    public void saveNotes(UUID trainerId, UUID id, String notes) {
        get(trainerId, id);
        repository.saveNotes(trainerId, id, notes);
    }

    /** Every client of the trainer, archived and deleted ones too: the trainer's export. */
    public List<Client> all(UUID trainerId) {
        return repository.all(trainerId);
    }

    /** Hides the client from lists (reversible); their sessions and details stay as they are. */
    @Transactional
    public void archive(UUID trainerId, UUID id, boolean archived) {
        if (!repository.archive(trainerId, id, archived)) {
            throw ApiProblem.notFound("The client");
        }
    }

    /**
     * POPIA s24 erasure of the client's own row (the caller has already removed their sessions' details and
     * deleted those sessions): names and phone go now, anonymous counts stay; the address goes once no calendar
     * still has to be told (the sync engine sends the client a CANCEL with it).
     */
    @Transactional
    public void erase(UUID trainerId, UUID id, String anonymousCountsJson) {
        if (!repository.erase(trainerId, id, anonymousCountsJson)) {
            throw ApiProblem.notFound("The client");
        }
        events.publishEvent(new ClientChanged(trainerId, id));
    }

    /** See {@link ClientRepository#scrubDrainedErasures()}. */
    @Transactional
    public int scrubDrainedErasures() {
        return repository.scrubDrainedErasures();
    }


    /** When any of the trainer's clients last changed: part of a feed's cheap entity tag. */
    public java.time.Instant lastChange(UUID trainerId) {
        return repository.lastChange(trainerId);
    }

    /**
     * The client as calendars need it: also one being erased whose address is kept until the calendars have let
     * go of their sessions (the email calendar sends them a CANCEL); such a client's names are already empty.
     */
    public Optional<Client> find(UUID trainerId, UUID id) {
        return repository.findForCalendars(trainerId, id);
    }

    /** A current client of the trainer (never a deleted or erased one). */
    public Client get(UUID trainerId, UUID id) {
        return repository.find(trainerId, id).orElseThrow(() -> ApiProblem.notFound("The client"));
    }

    @Transactional
    public Client update(Client changed) {
        Client before = get(changed.trainerId(), changed.id());
        repository.update(changed);
        if (!Objects.equals(before.displayName(), changed.displayName())
                || !Objects.equals(before.email(), changed.email())) {
            events.publishEvent(new ClientChanged(changed.trainerId(), changed.id()));
        }
        return changed;
    }

    @Transactional
    public void delete(UUID trainerId, UUID id) {
        get(trainerId, id);
        int scheduled = repository.scheduledBookings(trainerId, id);
        if (scheduled > 0) {
            throw ApiProblem.conflict("This client still has " + scheduled
                    + " scheduled session(s); cancel or delete them first.");
        }
        repository.delete(trainerId, id);
    }
}
