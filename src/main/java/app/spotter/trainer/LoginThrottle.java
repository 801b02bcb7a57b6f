package app.spotter.trainer;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Failed logins per account and per client address (API token creation and the web login form alike), with
 * {@link ThrottleDecision}'s progressive delay. Kept in memory: bounded in size, and per instance (behind a load
 * balancer each instance throttles on its own, which at worst multiplies an attacker's rate by the instances).
 */
@Component
class LoginThrottle {

    /** An account: five free tries, then 1 s doubling to at most 30 s between checks. */
    static final ThrottleDecision.Policy ACCOUNT = new ThrottleDecision.Policy(5, Duration.ofSeconds(1),
            Duration.ofSeconds(30), Duration.ofMinutes(15));
    /** An address: fifty free tries (a family or an office behind one address), then up to 5 minutes. */
    static final ThrottleDecision.Policy ADDRESS = new ThrottleDecision.Policy(50, Duration.ofSeconds(1),
            Duration.ofMinutes(5), Duration.ofMinutes(30));
    /** Keys kept per map at most; beyond it forgotten keys are dropped first, then any. */
    static final int MAX_KEYS = 50_000;

    private final Map<String, ThrottleDecision.Failures> accounts = new ConcurrentHashMap<>();
    private final Map<String, ThrottleDecision.Failures> addresses = new ConcurrentHashMap<>();
    private final Clock clock;

    LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    /** How long this attempt must wait before its password is checked; empty when it may be checked now. */
    Optional<Duration> waitFor(String email, String address) {
        Instant now = clock.instant();
        Duration wait = Duration.ZERO;
        for (var decision : new ThrottleDecision[] {
                ThrottleDecision.decide(get(accounts, account(email)), now, ACCOUNT),
                ThrottleDecision.decide(get(addresses, address), now, ADDRESS)}) {
            if (decision instanceof ThrottleDecision.Wait(Duration retryAfter) && retryAfter.compareTo(wait) > 0) {
                wait = retryAfter;
            }
        }
        return wait.isZero() ? Optional.empty() : Optional.of(wait);
    }

    void failed(String email, String address) {
        Instant now = clock.instant();
        record(accounts, account(email), now, ACCOUNT);
        record(addresses, address, now, ADDRESS);
    }

    /**
     * The password checker was saturated while this address asked: counted against the address only (an address
     * that keeps hammering a saturated checker is flooding), never against the account (that would let a flood
     * slow the real trainer down).
     */
    void saturated(String address) {
        record(addresses, address, clock.instant(), ADDRESS);
    }

    /** The account is the trainer's again; the address keeps its count (one success does not clear a flood). */
    void succeeded(String email) {
        accounts.remove(account(email));
    }

    private static ThrottleDecision.Failures get(Map<String, ThrottleDecision.Failures> map, String key) {
        return key == null ? ThrottleDecision.Failures.NONE : map.getOrDefault(key, ThrottleDecision.Failures.NONE);
    }

    private static void record(Map<String, ThrottleDecision.Failures> map, String key, Instant now,
            ThrottleDecision.Policy policy) {
        if (key == null) {
            return;
        }
        if (map.size() >= MAX_KEYS) {
            map.values().removeIf(f -> ThrottleDecision.forgotten(f, now, policy));
            var keys = map.keySet().iterator();
            while (map.size() >= MAX_KEYS && keys.hasNext()) {
                keys.next();
                keys.remove();
            }
        }
        map.compute(key, (k, f) -> (f == null || ThrottleDecision.forgotten(f, now, policy)
                ? ThrottleDecision.Failures.NONE : f).plusOne(now));
    }

    private static String account(String email) {
        return email == null ? null : email.strip().toLowerCase(Locale.ROOT);
    }

    /** Whole seconds for Retry-After (RFC 9110 10.2.3), rounded up so a client that waits that long gets in. */
    static long seconds(Duration wait) {
        return Math.max(1, (wait.toMillis() + 999) / 1000);
    }
}
