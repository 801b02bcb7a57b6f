package app.spotter.sync.caldav;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;

class HrefsTest {

    private static final URI CALDAV = URI.create("https://caldav.icloud.com/1234567890/principal/");

    @Test
    void anAbsolutePathResolvesOnTheHostThatAnswered() throws Exception {
        assertThat(Hrefs.resolve(CALDAV, "/1234567890/calendars/"))
                .isEqualTo(URI.create("https://caldav.icloud.com/1234567890/calendars/"));
    }

    @Test
    void aFullUrlOnAnotherHostIsTakenAsIs() throws Exception {
        assertThat(Hrefs.resolve(CALDAV, "https://p42-caldav.icloud.com:443/1234567890/calendars/"))
                .isEqualTo(URI.create("https://p42-caldav.icloud.com:443/1234567890/calendars/"));
    }

    @Test
    void percentEncodedHrefsStayEncodedAndRawSpacesGetEncoded() throws Exception {
        assertThat(Hrefs.resolve(CALDAV, "/cal/Spotter%20sessions/").getRawPath()).isEqualTo("/cal/Spotter%20sessions/");
        assertThat(Hrefs.resolve(CALDAV, "/cal/Spotter sessions/").getRawPath()).isEqualTo("/cal/Spotter%20sessions/");
    }

    @Test
    void aResourceNameBecomesOneSafePathSegmentInsideTheCalendar() {
        URI calendar = URI.create("http://127.0.0.1:5232/trainer/spotter");

        assertThat(Hrefs.member(calendar, "3f1c0a0e.ics").toString())
                .isEqualTo("http://127.0.0.1:5232/trainer/spotter/3f1c0a0e.ics");
        assertThat(Hrefs.member(calendar, "a b/../c:d?.ics").getRawPath())
                .isEqualTo("/trainer/spotter/a%20b%2F..%2Fc%3Ad%3F.ics");
    }

    @Test
    void dotSegmentsAreNotResourceNames() {
        assertThatThrownBy(() -> Hrefs.member(CALDAV, "..")).isInstanceOf(IllegalArgumentException.class);
    }
}
