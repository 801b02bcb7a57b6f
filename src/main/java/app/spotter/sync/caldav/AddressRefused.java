package app.spotter.sync.caldav;

import app.spotter.sync.SyncFailure;

/**
 * A CalDAV URL, redirect or discovered href whose host resolves to a non-public address (see
 * {@link PublicAddresses}). Nothing was sent to it. The words are the same whatever listens there, so the refusal
 * cannot be used to map a private network: a closed port, a database and a web server all read alike.
 */
final class AddressRefused extends SyncFailure {

    AddressRefused(String host) {
        super(Kind.PERMANENT, "Spotter connects only to calendar servers on the public internet, and " + host
                + " is a private, local or reserved address. Use the server's public address (whoever runs this "
                + "Spotter can allow private networks with SPOTTER_CALDAV_ALLOW_PRIVATE_NETWORKS=true).", null, null);
    }
}
