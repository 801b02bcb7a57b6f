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

    /** A bounded page in name order; {@code after} is the id of the previous page's last client, or null. */
    public List<Client> page(UUID trainerId, UUID after, int limit) {
        return repository.page(trainerId, after, limit);
    }

    public Optional<Client> find(UUID trainerId, UUID id) {
        return repository.find(trainerId, id);
    }

    public Client get(UUID trainerId, UUID id) {
        return find(trainerId, id).orElseThrow(() -> ApiProblem.notFound("The client"));
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
