package app.spotter.support.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class StartFailureTest {

    static Stream<Arguments> startupOutputs() {
        return Stream.of(
                Arguments.of(List.of("LOG:  could not bind IPv4 address \"127.0.0.1\": Address already in use",
                        "FATAL:  could not create any TCP/IP sockets"), "port 5433 on 127.0.0.1 is taken"),
                Arguments.of(List.of("FATAL:  lock file \"postmaster.pid\" already exists",
                        "HINT:  Is another postmaster (PID 4242) running in data directory \"/d\"?"),
                        "another PostgreSQL server is running on /d"),
                Arguments.of(List.of("FATAL:  could not write lock file \"postmaster.pid\": No space left on device"),
                        "the disk holding /d is full"),
                Arguments.of(List.of("FATAL:  data directory \"/d\" has invalid permissions",
                        "DETAIL:  Permissions should be u=rwx (0700) or u=rwx,g=rx (0750)."),
                        "permissions: FATAL:  data directory \"/d\" has invalid permissions"),
                Arguments.of(List.of("FATAL:  could not open file \"/d/x\": Permission denied"),
                        "permissions: FATAL:  could not open file \"/d/x\": Permission denied"),
                Arguments.of(List.of("LOG:  starting PostgreSQL 17.7", "FATAL:  invalid value for parameter"),
                        "FATAL:  invalid value for parameter"),
                Arguments.of(List.of(), "PostgreSQL stopped during start-up without saying why"));
    }

    @ParameterizedTest
    @MethodSource("startupOutputs")
    void aFailedStartIsExplainedInOneLine(List<String> output, String reason) {
        String explained = StartFailure.explain(output, 5433, "/d");
        assertThat(explained).startsWith(reason).doesNotContain("\n");
    }
}
