package app.spotter.sync.caldav;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ServerSequenceTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "BEGIN:VEVENT\\r\\nSEQUENCE:1\\r\\nEND:VEVENT\\r\\n | 1",
        "BEGIN:VEVENT\\r\\nsequence:7\\r\\nEND:VEVENT\\r\\n | 7",
        "BEGIN:VEVENT\\r\\nSEQUENCE;X-A=b:12\\r\\nEND:VEVENT\\r\\n | 12",
        "BEGIN:VEVENT\\r\\nSEQUEN\\r\\n CE:3\\r\\nEND:VEVENT\\r\\n | 3",
        "BEGIN:VEVENT\\r\\nSEQUENCE:2\\r\\nEND:VEVENT\\r\\nBEGIN:VEVENT\\r\\nSEQUENCE:4\\r\\nEND:VEVENT\\r\\n | 4",
        "BEGIN:VEVENT\\r\\nDESCRIPTION:SEQUENCE:9\\r\\nEND:VEVENT\\r\\n | -1",
        "BEGIN:VEVENT\\r\\nEND:VEVENT\\r\\n | -1",
    })
    void theHighestSequenceInTheServersObjectIsFound(String ics, int expected) {
        byte[] bytes = ics.strip().replace("\\r\\n", "\r\n").getBytes(StandardCharsets.UTF_8);
        assertThat(ServerSequence.of(bytes)).isEqualTo(expected);
    }
}
