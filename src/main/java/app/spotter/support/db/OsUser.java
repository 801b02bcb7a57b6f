package app.spotter.support.db;

import io.zonky.test.db.postgres.util.LinuxUtils;

/** Who Spotter runs as, for the checks PostgreSQL itself makes (it refuses to run as root). */
final class OsUser {

    private OsUser() {}

    static long uid() {
        return new com.sun.security.auth.module.UnixSystem().getUid();
    }

    /**
     * PostgreSQL refuses to run as root. As root, zonky's trick is used: {@code unshare -U} puts the server in a
     * fresh user namespace where it is an unprivileged user, while its files stay root's (and so owner-only).
     */
    static java.util.List<String> asServerUser() {
        return uid() == 0 && LinuxUtils.isUnshareAvailable() ? java.util.List.of("unshare", "-U")
                : java.util.List.of();
    }
}
