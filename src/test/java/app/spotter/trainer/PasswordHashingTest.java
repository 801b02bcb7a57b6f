package app.spotter.trainer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

class PasswordHashingTest {

    private final PasswordEncoder encoder = new ApiSecurityConfiguration().passwordEncoder(1, 100);

    @Test
    void aTrainerWhoseHashWasMadeWithTheEarlierParametersStillLogsIn() {
        String earlier = Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8().encode("lunge-kettlebell-42");

        assertThat(earlier).contains("m=16384,t=2,p=1");
        assertThat(encoder.matches("lunge-kettlebell-42", earlier)).isTrue();
        assertThat(encoder.matches("lunge-kettlebell-43", earlier)).isFalse();
    }

    @Test
    void newPasswordsAreHashedWithArgon2idAtSevenMebibytesAndFivePasses() {
        String hash = encoder.encode("lunge-kettlebell-42");

        assertThat(hash).startsWith("$argon2id$v=19$m=7168,t=5,p=1$");
        assertThat(encoder.matches("lunge-kettlebell-42", hash)).isTrue();
    }

    @Test
    void aLoginThatCannotGetThePasswordCheckerInTimeIsRefusedBeforeItLooksAnythingUp() throws Exception {
        try (var first = BoundedPasswordEncoder.admit(encoder)) {
            var second = CompletableFuture.supplyAsync(() -> {
                try (var admitted = BoundedPasswordEncoder.admit(encoder)) {
                    return "admitted";
                }
            });

            assertThatThrownBy(() -> second.get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(BoundedPasswordEncoder.Busy.class);
        }
        try (var afterwards = BoundedPasswordEncoder.admit(encoder)) {
            assertThat(encoder.matches("x", encoder.encode("x"))).as("the hash inside an admission takes no second permit")
                    .isTrue();
        }
    }
}
