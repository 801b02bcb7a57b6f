package app.spotter.trainer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordRulesTest {

    @ParameterizedTest(name = "{0} is refused: {1}")
    @CsvSource(delimiter = '|', value = {
            "aaaaaaaaaa | Repeats",
            "password123 | common password",
            "Password1! | common password",
            "qwertyuiop | common password",
            "short | at least 10 characters",
            "thandi-nkosi-2024 | too easy to guess"})
    void guessablePasswordsAreRefusedWithAReason(String password, String reason) {
        assertThat(PasswordRules.weakness(password, "Thandi Nkosi", "thandi.nkosi@example.com"))
                .hasValueSatisfying(r -> assertThat(r).containsIgnoringCase(reason.strip()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"correct horse battery", "a-much-better-passphrase", "Tr4iner-Kn33-Day"})
    void passphrasesOutOfReachOfGuessingAreAccepted(String password) {
        assertThat(PasswordRules.weakness(password, "Thandi Nkosi", "thandi.nkosi@example.com")).isEmpty();
    }
}
