package app.spotter.sync.caldav;

import java.net.URI;

/**
 * A real Radicale for tests outside this package (the browser tests connect Apple to it): a public handle on
 * {@link CalDavServerProcess}, which stays package-private.
 */
public final class RadicaleServer implements AutoCloseable {

    private final CalDavServerProcess process;

    private RadicaleServer(CalDavServerProcess process) {
        this.process = process;
    }

    public static RadicaleServer start() {
        return new RadicaleServer(CalDavServerProcess.start(CalDavServerProcess.Kind.RADICALE));
    }

    public URI baseUrl() {
        return process.baseUrl();
    }

    public String username() {
        return CalDavServerProcess.USER;
    }

    public String password() {
        return CalDavServerProcess.PASSWORD;
    }

    @Override
    public void close() {
        process.close();
    }
}
