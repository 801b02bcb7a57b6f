package app.spotter.sync.google;

/**
 * What a completed consent yields. {@code refreshToken} is the connection's secret: store it encrypted, never log it.
 */
public record GoogleGrant(String refreshToken) {

    @Override
    public String toString() {
        return "GoogleGrant[refreshToken=***]";
    }
}
