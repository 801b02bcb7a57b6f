package app.spotter.trainer;

import app.spotter.support.web.ApiProblem;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import me.gosimple.nbvcxz.Nbvcxz;
import me.gosimple.nbvcxz.resources.ConfigurationBuilder;
import me.gosimple.nbvcxz.resources.Dictionary;
import me.gosimple.nbvcxz.resources.DictionaryBuilder;
import me.gosimple.nbvcxz.scoring.Result;

/**
 * What a new password must be: at least 10 characters, and not guessable by nbvcxz's estimate (its dictionaries
 * of common and breached passwords, English words and names, keyboard patterns, sequences, repeats, dates and
 * leet substitutions, plus the trainer's own name and email). Its feedback becomes the message next to the field.
 */
final class PasswordRules {

    static final int MIN_LENGTH = 10;
    /** nbvcxz's default: about 35 bits, i.e. out of reach of an online attack and costly offline against Argon2. */
    static final double MIN_ENTROPY = ConfigurationBuilder.getDefaultMinimumEntropy();

    // the estimate is CPU work on anonymous input (sign-up): one at a time, like password hashing
    private static final Semaphore PERMITS = new Semaphore(1, true);

    private PasswordRules() {}

    /** The reason the password is refused, in words for the person typing it; empty when it is good. */
    static Optional<String> weakness(String password, String... aboutTheTrainer) {
        if (password.length() < MIN_LENGTH) {
            return Optional.of("must be at least " + MIN_LENGTH + " characters");
        }
        Result result = estimate(password, aboutTheTrainer);
        if (result.isMinimumEntropyMet()) {
            return Optional.empty();
        }
        String warning = result.getFeedback().getWarning();
        List<String> suggestions = result.getFeedback().getSuggestion();
        StringBuilder reason = new StringBuilder("is too easy to guess");
        if (warning != null && !warning.isBlank()) {
            reason.append(": ").append(warning.strip().replaceAll("\\.$", ""));
        }
        reason.append(". ").append(suggestions == null || suggestions.isEmpty()
                ? "Use a few uncommon words." : String.join(" ", suggestions));
        return Optional.of(reason.toString().strip());
    }

    private static Result estimate(String password, String... aboutTheTrainer) {
        List<Dictionary> dictionaries = new ArrayList<>(ConfigurationBuilder.getDefaultDictionaries());
        List<String> personal = Arrays.stream(aboutTheTrainer)
                .filter(s -> s != null && !s.isBlank())
                .flatMap(s -> Arrays.stream(s.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")))
                .filter(w -> w.length() >= 3)
                .distinct().toList();
        if (!personal.isEmpty()) {
            dictionaries.add(new DictionaryBuilder().setDictionaryName("trainer").setExclusion(false)
                    .addWords(personal, 0).createDictionary());
        }
        Nbvcxz nbvcxz = new Nbvcxz(new ConfigurationBuilder().setDictionaries(dictionaries)
                .setLocale(Locale.ENGLISH).setMinimumEntropy(MIN_ENTROPY).createConfiguration());
        acquire();
        try {
            return nbvcxz.estimate(password);
        } finally {
            PERMITS.release();
        }
    }

    private static void acquire() {
        try {
            if (PERMITS.tryAcquire(2, TimeUnit.SECONDS)) {
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw ApiProblem.busy("Too many passwords are being checked right now; try again in a moment.",
                Duration.ofSeconds(1));
    }
}
