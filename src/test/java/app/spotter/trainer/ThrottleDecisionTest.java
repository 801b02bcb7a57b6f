package app.spotter.trainer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ThrottleDecisionTest {

    private static final ThrottleDecision.Policy POLICY = new ThrottleDecision.Policy(5, Duration.ofSeconds(1),
            Duration.ofSeconds(30), Duration.ofMinutes(15));
    private static final Instant T = Instant.parse("2026-06-01T10:00:00Z");

    static Stream<Arguments> cases() {
        return Stream.of(
                // failures, seconds since the last one, expected wait in seconds (0 = check now)
                Arguments.of("no failures: check", 0, 0, 0),
                Arguments.of("four failures are free", 4, 0, 0),
                Arguments.of("the fifth failure costs a second", 5, 0, 1),
                Arguments.of("a second later the next check is made", 5, 1, 0),
                Arguments.of("each further failure doubles the wait", 7, 0, 4),
                Arguments.of("partly waited: the rest remains", 7, 3, 1),
                Arguments.of("the wait is capped, never a lock", 200, 0, 30),
                Arguments.of("after the cap the real trainer gets a check", 200, 30, 0),
                Arguments.of("a quiet quarter of an hour forgets everything", 200, 15 * 60, 0));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void progressiveDelayNotALock(String name, int failures, int secondsSince, int expectedWait) {
        var decision = ThrottleDecision.decide(new ThrottleDecision.Failures(failures, T),
                T.plusSeconds(secondsSince), POLICY);
        if (expectedWait == 0) {
            assertThat(decision).isInstanceOf(ThrottleDecision.Check.class);
        } else {
            assertThat(decision).isEqualTo(new ThrottleDecision.Wait(Duration.ofSeconds(expectedWait)));
        }
    }

    @ParameterizedTest(name = "retry after {0} ms is {1} s")
    @MethodSource("roundings")
    void retryAfterIsRoundedUpToWholeSeconds(long millis, long seconds) {
        assertThat(LoginThrottle.seconds(Duration.ofMillis(millis))).isEqualTo(seconds);
    }

    static Stream<Arguments> roundings() {
        return Stream.of(Arguments.of(1, 1), Arguments.of(999, 1), Arguments.of(1000, 1), Arguments.of(1001, 2));
    }
}
