package app.spotter.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CssColorsTest {

    @Test
    void the_table_holds_all_147_css3_keywords() {
        assertThat(CssColors.size()).isEqualTo(147);
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
        "#FF0000, red",
        "#1E90FF, dodgerblue",
        "#000000, black",
        "#FFFFFF, white",
        "#808080, gray", // gray/grey: the first synonym listed
        "#00FFFF, aqua", // aqua/cyan
        "#FF00FF, fuchsia", // fuchsia/magenta
        "#FF4500, orangered",
        "#6495ED, cornflowerblue",
        "#FAFAD2, lightgoldenrodyellow",
        "#9ACD32, yellowgreen",
    })
    void an_exact_keyword_colour_maps_to_its_own_name(String hex, String name) {
        assertThat(CssColors.nearest(hex)).isEqualTo(name);
    }

    @ParameterizedTest(name = "{0} is nearest {1}")
    @CsvSource({
        "#FE0101, red",
        "#1F8FFE, dodgerblue",
        "#0A0A0A, black",
        "#FAFAFA, white",
        "#3A87F2, dodgerblue",
        "#E53935, crimson", // Material red 600
        "#43A047, forestgreen", // Material green 600
        "#FB8C00, darkorange", // Material orange 600
        "#8E24AA, darkmagenta", // Material purple 600
        "#663399, indigo", // rebeccapurple is CSS4, so not a keyword RFC 7986 accepts
        "#FFEB3B, gold", // Material yellow 500
        "#607D8B, slategray", // Material blue grey 500
        "#ff0000, red", // lower case
        "FF0000, red", // without the hash
    })
    void a_near_colour_maps_to_the_keyword_it_looks_like(String hex, String name) {
        assertThat(CssColors.nearest(hex)).isEqualTo(name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "#FFF", "#GGGGGG", "red", "#FF00000", "#FF 000"})
    void anything_but_six_hex_digits_is_refused(String bad) {
        assertThatThrownBy(() -> CssColors.nearest(bad)).isInstanceOf(IllegalArgumentException.class);
    }
}
