package app.spotter.web;

import static org.assertj.core.api.Assertions.assertThat;

import app.spotter.booking.SessionType;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ColorsTest {

    @ParameterizedTest
    @EnumSource(SessionType.class)
    void eachDefaultSessionColourCarriesItsTextAtLeastAtWcagAA(SessionType type) {
        String background = Colors.defaultFor(type);
        assertThat(Colors.contrast(background, Colors.textOn(background))).isGreaterThanOrEqualTo(4.5);
    }

    @Test
    void everySessionTypeHasItsOwnDefaultColour() {
        assertThat(Arrays.stream(SessionType.values()).map(Colors::defaultFor).distinct())
                .hasSize(SessionType.values().length);
    }

    @Test
    void textIsWhiteOnDarkAndNearBlackOnLightColours() {
        assertThat(Colors.textOn("#0072B2")).isEqualTo("#FFFFFF");
        assertThat(Colors.textOn("#F0E442")).isEqualTo("#111111");
        assertThat(Colors.contrast("#000000", "#FFFFFF")).isEqualTo(21.0);
    }
}
