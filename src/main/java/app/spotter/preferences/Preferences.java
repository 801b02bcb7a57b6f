package app.spotter.preferences;

import app.spotter.trainer.TrainerRegistered;
import app.spotter.trainer.Trainers;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The preferences module's entry: read, change (publishing {@link PreferencesChanged}), defaults at sign-up. */
@Service
public class Preferences {

    private final PreferencesRepository repository;
    private final Trainers trainers;
    private final ApplicationEventPublisher events;

    Preferences(PreferencesRepository repository, Trainers trainers, ApplicationEventPublisher events) {
        this.repository = repository;
        this.trainers = trainers;
        this.events = events;
    }

    @EventListener
    void onTrainerRegistered(TrainerRegistered registered) {
        repository.createDefaults(registered.trainerId(), registered.timezone());
    }

    public SyncPreferences get(UUID trainerId) {
        return repository.find(trainerId).orElseGet(() -> {
            // a trainer created before preferences existed: give them the seed's defaults
            repository.createDefaults(trainerId, trainers.get(trainerId).timezone());
            return repository.find(trainerId).orElseThrow();
        });
    }

    @Transactional
    public SyncPreferences update(UUID trainerId, UnaryOperator<SyncPreferences> change) {
        SyncPreferences before = get(trainerId);
        SyncPreferences after = change.apply(before);
        if (after.equals(before)) {
            return before;
        }
        repository.save(after);
        if (!after.timezoneDisplay().equals(before.timezoneDisplay())) {
            trainers.changeTimezone(trainerId, after.timezoneDisplay());
        }
        events.publishEvent(new PreferencesChanged(before, after));
        return after;
    }
}
