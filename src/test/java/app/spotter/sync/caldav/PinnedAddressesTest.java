package app.spotter.sync.caldav;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.spi.InetAddressResolver;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** DNS rebinding: the address Spotter checked is the address the connection goes to. */
class PinnedAddressesTest {

    private static final InetAddress PUBLIC = address(93, 184, 216, 34);
    private static final InetAddress LOOPBACK = address(127, 0, 0, 1);

    @Test
    void theJvmResolvesHostNamesThroughSpottersResolver() {
        assertThat(PinnedAddresses.installed()).isTrue();
    }

    @Test
    void aPinnedNameAnswersTheCheckedAddressesToEveryLookupInTheJvm() throws Exception {
        // .invalid never resolves in DNS (RFC 6761 6.4): only the pin can answer it.
        PinnedAddresses.pin("calendar.pinned.invalid", List.of(PUBLIC), Duration.ofSeconds(30));

        assertThat(InetAddress.getAllByName("calendar.pinned.invalid")).containsExactly(PUBLIC);
    }

    @Test
    void aRebindingDnsServerCannotSwitchTheAddressBetweenTheCheckAndTheConnection() throws Exception {
        // The attacker's DNS answers a public address first, then loopback to everyone who asks again.
        AtomicInteger asked = new AtomicInteger();
        InetAddressResolver rebinding = new InetAddressResolver() {
            @Override
            public Stream<InetAddress> lookupByName(String host, LookupPolicy policy) {
                return Stream.of(asked.getAndIncrement() == 0 ? PUBLIC : LOOPBACK);
            }

            @Override
            public String lookupByAddress(byte[] addr) {
                throw new UnsupportedOperationException();
            }
        };
        InetAddressResolver resolver = PinnedAddresses.pinning(rebinding);
        InetAddressResolver.LookupPolicy any = InetAddressResolver.LookupPolicy.of(
                InetAddressResolver.LookupPolicy.IPV4 | InetAddressResolver.LookupPolicy.IPV6);

        List<InetAddress> checked = resolver.lookupByName("evil.rebind.invalid", any).toList();
        assertThat(checked).allMatch(PublicAddresses::isPublic);
        PinnedAddresses.pin("evil.rebind.invalid", checked, Duration.ofSeconds(30));
        List<InetAddress> connectedTo = resolver.lookupByName("evil.rebind.invalid", any).toList();

        assertThat(connectedTo).containsExactly(PUBLIC);
        assertThat(resolver.lookupByName("unpinned.rebind.invalid", any).toList()).containsExactly(LOOPBACK);
    }

    private static InetAddress address(int a, int b, int c, int d) {
        try {
            return InetAddress.getByAddress(new byte[] {(byte) a, (byte) b, (byte) c, (byte) d});
        } catch (java.net.UnknownHostException e) {
            throw new AssertionError(e);
        }
    }
}
