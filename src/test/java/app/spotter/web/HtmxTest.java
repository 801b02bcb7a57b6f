package app.spotter.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

class HtmxTest {

    @Test
    void aMessageWithQuotesLineBreaksAndAccentsReachesTheBrowserIntactInAnAsciiHeader() {
        String message = "Booked: 1:1 session · Zoë \"Z\" O'Neil\\Smith,\r\nTue 5 Mar 09:00 🏋.";
        MockHttpServletResponse response = new MockHttpServletResponse();

        Htmx.trigger(response, Htmx.SESSIONS_CHANGED, message);

        String header = response.getHeader("HX-Trigger");
        assertThat(header).matches("\\p{ASCII}*").doesNotContain("\r", "\n");
        assertThat(JsonMapper.shared().readTree(header).get(Htmx.SESSIONS_CHANGED).stringValue()).isEqualTo(message);
    }
}
