package app.spotter.trainer;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Argon2 with bounded concurrency. Each hash takes tens of milliseconds of one core and 16 MiB of heap; requests
 * run on virtual threads whose carriers are as many as the cores, so unbounded hashing would pin every carrier and
 * starve all other requests (health included), and enough parallel hashes exhaust a 128 MB heap. A few permits
 * and a short wait keep one core for everything else; a request that cannot get a permit in time is refused
 * ({@link Busy}, answered 503 with Retry-After) instead of queueing without end.
 */
final class BoundedPasswordEncoder implements PasswordEncoder {

    /** The password checker is saturated: try again in a moment. */
    static final class Busy extends AuthenticationServiceException {
        Busy() {
            super("password checks are saturated");
        }
    }

    private final PasswordEncoder delegate;
    private final Semaphore permits;
    private final long waitMillis;

    BoundedPasswordEncoder(PasswordEncoder delegate, int permits, long waitMillis) {
        this.delegate = delegate;
        this.permits = new Semaphore(permits, true);
        this.waitMillis = waitMillis;
    }

    @Override
    public String encode(CharSequence rawPassword) {
        acquire();
        try {
            return delegate.encode(rawPassword);
        } finally {
            permits.release();
        }
    }

    @Override
    public boolean matches(CharSequence rawPassword, String encodedPassword) {
        acquire();
        try {
            return delegate.matches(rawPassword, encodedPassword);
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
