package app.spotter.sync.google;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class GoogleColorsTest {

    @ParameterizedTest(name = "{0} maps to colorId {1}")
    @CsvSource({
        // every palette colour maps to itself
        "#a4bdfc, 1", "#7ae7bf, 2", "#dbadff, 3", "#ff887c, 4", "#fbd75b, 5", "#ffb878, 6",
        "#46d6db, 7", "#e1e1e1, 8", "#5484ed, 9", "#51b749, 10", "#dc2127, 11",
        // case and a missing '#' do not matter
        "#DC2127, 11", "5484ED, 9",
        // a shade off a palette colour still finds it
        "#d9252b, 11", "#5080f0, 9", "#ffb070, 6",
        // everyday choices land on the colour a person would name
        "#ff0000, 11", "#ffff00, 5", "#ff8c00, 6", "#ffffff, 8", "#c0c0c0, 8", "#00c0c0, 7",
        "#228b22, 10", "#1e3a8a, 9", "#c080ff, 3", "#fa8072, 4", "#98ffcc, 2", "#b0c4ff, 1",
    })
    void aHexColourMapsToTheNearestGoogleEventColour(String hex, String colorId) {
        assertThat(GoogleColors.nearestColorId(hex)).isEqualTo(colorId);
    }

    @ParameterizedTest(name = "\"{0}\" leaves the calendar's own colour")
    @NullAndEmptySource
    @ValueSource(strings = {"red", "#12345", "#1234567", "#gggggg"})
    void noOrAnUnreadableColourSetsNoColorId(String hex) {
        assertThat(GoogleColors.nearestColorId(hex)).isNull();
    }

    @ParameterizedTest(name = "{0} is L={1} a={2} b={3} in CIELAB")
    @CsvSource({"#ffffff, 100, 0, 0", "#000000, 0, 0, 0", "#ff0000, 53.24, 80.09, 67.20"})
    void labConversionMatchesPublishedReferenceValues(String hex, double l, double a, double b) {
        double[] lab = GoogleColors.lab(hex);
        assertThat(lab[0]).isCloseTo(l, org.assertj.core.data.Offset.offset(0.05));
        assertThat(lab[1]).isCloseTo(a, org.assertj.core.data.Offset.offset(0.05));
        assertThat(lab[2]).isCloseTo(b, org.assertj.core.data.Offset.offset(0.05));
    }
}
