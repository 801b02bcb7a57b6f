package app.spotter.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TextEscapingTest {

    private final CalendarObjects objects = new CalendarObjects(Events.CLOCK);

    private VEvent roundTrip(String summary) {
        return Ics.onlyEvent(Ics.parse(objects.storedObject(Events.withSummary(summary))));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Strength, mobility; core",
        "Back\\slash \\n not a newline \\, not a comma",
        "Zoë Müller · 日本語 · 🏋️‍♀️ · 😀",
        "Line one\nline two",
        "Tab\tinside",
        "inner  spaces   kept",
        ":colon;param=value:",
    })
    void a_summary_round_trips_exactly(String summary) {
        assertThat(roundTrip(summary).getSummary().getValue()).isEqualTo(summary);
    }

    @Test
    void crlf_and_lone_cr_arrive_as_newlines_because_icalendar_text_cannot_carry_cr() {
        assertThat(roundTrip("one\r\ntwo\rthree").getSummary().getValue()).isEqualTo("one\ntwo\nthree");
    }

    @Test
    void a_name_that_tries_to_start_a_new_line_cannot_inject_an_attendee() {
        String text = objects.storedObject(Events.withSummary("1:1 · Eve\r\nATTENDEE:mailto:x@y\r\nEND:VEVENT"));
        VEvent event = Ics.onlyEvent(Ics.parse(text));

        assertThat(event.getProperties(Property.ATTENDEE)).isEmpty();
        assertThat(Ics.physicalLines(text)).noneMatch(line -> line.startsWith("ATTENDEE"));
        assertThat(event.getSummary().getValue()).isEqualTo("1:1 · Eve\nATTENDEE:mailto:x@y\nEND:VEVENT");
    }

    @Test
    void outer_whitespace_is_trimmed_before_writing_because_parsers_trim_it_anyway() {
        assertThat(roundTrip("  Yoga \n").getSummary().getValue()).isEqualTo("Yoga");
    }

    @Test
    void control_characters_are_dropped_so_the_object_stays_parseable() {
        assertThat(roundTrip("a\u0000b\u0007c\u001Bd").getSummary().getValue()).isEqualTo("abcd");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a", "é", "日本", "😀", "é日😀a"})
    void long_summaries_are_folded_at_75_octets_and_unfold_to_the_original(String unit) {
        String summary = unit.repeat(200);
        String text = objects.storedObject(Events.withSummary(summary));

        assertThat(Ics.physicalLines(text))
                .allSatisfy(line -> assertThat(line.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(75));
        assertThat(Ics.onlyEvent(Ics.parse(text)).getSummary().getValue()).isEqualTo(summary);
    }

    @Test
    void no_fold_splits_a_surrogate_pair() {
        String text = objects.storedObject(Events.withSummary("x😀".repeat(100)));

        for (String line : Ics.physicalLines(text)) {
            String content = line.startsWith(" ") ? line.substring(1) : line;
            if (!content.isEmpty()) {
                assertThat(Character.isLowSurrogate(content.charAt(0))).as(line).isFalse();
                assertThat(Character.isHighSurrogate(content.charAt(content.length() - 1))).as(line).isFalse();
            }
        }
    }
}
