package app.spotter.trainer;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Argon2 with bounded concurrency. Each hash takes tens of milliseconds of one core and megabytes of heap; requests
 * run on virtual threads whose carriers are as many as the cores, so unbounded hashing would pin every carrier and
 * starve all other requests (health included), and enough parallel hashes exhaust a 128 MB heap. A few permits
 * and a short wait keep one core for everything else; a request that cannot get a permit in time is refused
 * ({@link Busy}, answered 503 with Retry-After) instead of queueing without end.
 *
 * <p>A login takes its permit with {@link #admit()} before it looks the account up: under a flood the refused
 * requests then cost no database connection either. (Measured: with the permit taken only around the hash, 280
 * flooding requests queued for the connection pool and health waited behind them.)
 */
final class BoundedPasswordEncoder implements PasswordEncoder {

    /** The password checker is saturated: try again in a moment. */
    static final class Busy extends AuthenticationServiceException {
        Busy() {
            super("password checks are saturated");
        }
    }

    /** A permit held for a whole login (lookup and hash); the hash inside it takes no second permit. */
    static final class Admission implements AutoCloseable {
        private static final Admission UNBOUNDED = new Admission(null);
        private Semaphore held;

        private Admission(Semaphore held) {
            this.held = held;
        }

        @Override
        public void close() {
            if (held != null) {
                HOLDING.remove();
                held.release();
                held = null;
            }
        }
    }

    /** A permit for a login from {@code encoder}, or nothing to hold when it is not bounded. */
    static Admission admit(PasswordEncoder encoder) {
        return encoder instanceof BoundedPasswordEncoder bounded ? bounded.admit() : Admission.UNBOUNDED;
    }

    private static final ThreadLocal<Boolean> HOLDING = new ThreadLocal<>();

    private final PasswordEncoder delegate;
    private final Semaphore permits;
    private final long waitMillis;

    BoundedPasswordEncoder(PasswordEncoder delegate, int permits, long waitMillis) {
        this.delegate = delegate;
        this.permits = new Semaphore(permits, true);
        this.waitMillis = waitMillis;
    }

    /** Takes a permit for a login before anything else is done for it; {@link Busy} when none comes in time. */
    Admission admit() {
        if (Boolean.TRUE.equals(HOLDING.get())) {
            throw new IllegalStateException("this thread already holds a password-check permit");
        }
        acquire();
        HOLDING.set(Boolean.TRUE);
        return new Admission(permits);
    }

    @Override
    public String encode(CharSequence rawPassword) {
        return bounded(() -> delegate.encode(rawPassword));
    }

    @Override
    public boolean matches(CharSequence rawPassword, String encodedPassword) {
        return bounded(() -> delegate.matches(rawPassword, encodedPassword));
    }

    /** Runs a hash under a permit: the caller's own when {@link #admit} gave it one, else one taken here. */
    private <T> T bounded(java.util.function.Supplier<T> hash) {
        if (Boolean.TRUE.equals(HOLDING.get())) {
            return hash.get();
        }
        acquire();
        try {
            return hash.get();
        } finally {
            permits.release();
        }
    }

    @Override
    public boolean upgradeEncoding(String encodedPassword) {
        return delegate.upgradeEncoding(encodedPassword);
    }

    private void acquire() {
        try {
            if (!permits.tryAcquire(waitMillis, TimeUnit.MILLISECONDS)) {
                throw new Busy();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Busy();
        }
    }
}
