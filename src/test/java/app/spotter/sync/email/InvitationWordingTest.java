package app.spotter.sync.email;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The times an invitation's words show: a clock time that happens twice says which one it is. */
class InvitationWordingTest {

    @ParameterizedTest(name = "{0} at {1} reads {2}")
    @CsvSource(delimiter = '|', value = {
        "Europe/London | 2027-10-31T00:30:00Z | 01:30 (UTC+01:00)",
        "Europe/London | 2027-10-31T01:00:00Z | 01:00 (UTC+00:00)",
        "Europe/London | 2027-10-31T02:00:00Z | 02:00",
        "Europe/London | 2027-03-28T01:00:00Z | 02:00",
        "Africa/Johannesburg | 2027-10-31T01:00:00Z | 03:00",
    })
    void aRepeatedClockTimeCarriesItsOffset(String zone, Instant instant, String expected) {
        assertThat(InvitationWording.time(instant.atZone(ZoneId.of(zone)))).isEqualTo(expected);
    }
}
