package app.spotter.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ZoneChoicesTest {

    @ParameterizedTest
    @CsvSource({
            "Africa/Johannesburg, Africa/Johannesburg",
            "africa/johannesburg, Africa/Johannesburg",
            "SAST, Africa/Johannesburg",
            "sast, Africa/Johannesburg",
            "South Africa (SAST), Africa/Johannesburg",
            "South Africa (SAST) · Africa/Johannesburg, Africa/Johannesburg",
            "Kenya (EAT), Africa/Nairobi",
            "Mars, Mars"})
    void whatATrainerTypesIsReadAsTheZoneItNames(String typed, String zone) {
        assertThat(ZoneChoices.resolve(typed)).isEqualTo(zone);
    }

    @ParameterizedTest
    @CsvSource({"Africa/Johannesburg, South Africa (SAST)", "Asia/Kolkata, India (IST)",
            "America/Los_Angeles, 'Los Angeles, USA (PST)'"})
    void zonesHaveFriendlyNames(String id, String label) {
        assertThat(ZoneChoices.label(id)).isEqualTo(label);
    }

    @org.junit.jupiter.api.Test
    void southAfricaIsOfferedFirst() {
        assertThat(ZoneChoices.ALL.get(0)).isEqualTo(new ZoneChoices.Zone("Africa/Johannesburg", "South Africa (SAST)"));
    }
}
