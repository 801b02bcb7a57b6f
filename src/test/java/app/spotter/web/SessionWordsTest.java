package app.spotter.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SessionWordsTest {

    @ParameterizedTest
    @CsvSource(nullValues = "null", value = {
            "Sipho Ndlovu, 1:1 session, Sipho Ndlovu's session",
            "Thomas, Group session, Thomas' session",
            "null, 1:1 session, The 1:1 session",
            "null, Group session, The group session"})
    void aSessionIsNamedAfterItsClientOrItsType(String name, String type, String expected) {
        assertThat(SessionWords.possessive(name, type)).isEqualTo(expected);
    }
}
