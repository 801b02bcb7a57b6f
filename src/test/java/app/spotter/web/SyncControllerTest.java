package app.spotter.web;

import static org.assertj.core.api.Assertions.assertThat;

import app.spotter.support.web.ApiProblem;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

class SyncControllerTest {

    private static final ApiProblem UNREACHABLE = new ApiProblem(HttpStatus.BAD_GATEWAY, "Calendar server unavailable",
            "The calendar server could not be reached; it will retry. Try again in a moment.", List.of());

    @Test
    void anUnreachableServerWhileConnectingAsksToCheckTheAddressInsteadOfPromisingARetry() {
        ApiProblem said = SyncController.unreachable(UNREACHABLE, "");
        assertThat(said.status().value()).isEqualTo(422);
        assertThat(said.getMessage()).isEqualTo("Spotter could not reach iCloud (the default server), so nothing was "
                + "connected. Check the server address (leave it empty for iCloud) and your internet connection, "
                + "then press Connect Apple Calendar again.").doesNotContain("retry");
        assertThat(SyncController.unreachable(UNREACHABLE, " https://dav.example.com/ ").getMessage())
                .startsWith("Spotter could not reach https://dav.example.com/, so nothing was connected.");
    }

    @Test
    void otherRefusalsAreShownAsTheyAre() {
        ApiProblem refused = ApiProblem.unprocessable("The app-specific password was refused.");
        assertThat(SyncController.unreachable(refused, null)).isSameAs(refused);
    }
}
