package app.spotter.support.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PostmasterPidTest {

    @Test
    void aCompleteFileGivesPidDataDirectoryPortAndStatus() {
        var pid = PostmasterPid.parse(List.of("4242", "/srv/spotter/data/postgres", "1764300000", "41234", "",
                "127.0.0.1", "  1234567     32768", "ready   "));
        assertThat(pid).contains(new PostmasterPid(4242, "/srv/spotter/data/postgres", 41234, "ready"));
        assertThat(pid.orElseThrow().ready()).isTrue();
    }

    @Test
    void aServerStillStartingIsNotReady() {
        var pid = PostmasterPid.parse(List.of("4242", "/d", "1764300000", "41234", "", "127.0.0.1", "1 2",
                "starting"));
        assertThat(pid.orElseThrow().ready()).isFalse();
    }

    @Test
    void aFileCutShortOrGarbledIsNoPid() {
        assertThat(PostmasterPid.parse(List.of("4242", "/d"))).isEmpty();
        assertThat(PostmasterPid.parse(List.of("x", "/d", "1", "41234"))).isEmpty();
        assertThat(PostmasterPid.parse(List.of("0", "/d", "1", "41234"))).isEmpty();
    }
}
