package app.spotter.sync.caldav;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.net.spi.InetAddressResolver;
import java.net.spi.InetAddressResolverProvider;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Keeps DNS rebinding from switching a checked CalDAV address. {@code java.net.http.HttpClient} resolves the host
 * itself when it connects and cannot be handed an address, so Spotter installs this JVM-wide resolver
 * (JDK 18+ {@link InetAddressResolverProvider}, registered in {@code META-INF/services}): while a CalDAV request
 * is under way its host name answers exactly the addresses that {@link DavTransport} resolved and checked, even
 * when the JVM's own cache (30 s) expires in between and the attacker's DNS now answers 127.0.0.1. TLS still
 * sees the host name, so SNI and certificate checks are unchanged. Every other name resolves as before; a pinned
 * answer given to another caller of the same name is harmless, since it is what DNS answered a moment ago.
 */
public final class PinnedAddresses extends InetAddressResolverProvider {

    private record Pin(List<InetAddress> addresses, long expiresAt) {}

    private static final Map<String, Pin> PINS = new ConcurrentHashMap<>();
    private static volatile boolean installed;

    @Override
    public InetAddressResolver get(Configuration configuration) {
        installed = true;
        return pinning(configuration.builtinResolver());
    }

    /** Pinned answers first, {@code builtin} for every name that is not pinned (or no longer). */
    static InetAddressResolver pinning(InetAddressResolver builtin) {
        return new InetAddressResolver() {
            @Override
            public Stream<InetAddress> lookupByName(String host, LookupPolicy policy) throws UnknownHostException {
                Pin pin = PINS.get(key(host));
                if (pin == null || pin.expiresAt() - System.nanoTime() < 0) {
                    return builtin.lookupByName(host, policy);
                }
                List<InetAddress> allowed = pin.addresses().stream().filter(a -> permits(policy, a)).toList();
                if (allowed.isEmpty()) {
                    throw new UnknownHostException(host);
                }
                return allowed.stream();
            }

            @Override
            public String lookupByAddress(byte[] address) throws UnknownHostException {
                return builtin.lookupByAddress(address);
            }
        };
    }

    @Override
    public String name() {
        return "Spotter CalDAV address pinning";
    }

    /** Whether the JVM uses this resolver (it does unless another provider was found first). */
    static boolean installed() {
        if (!installed) {
            try {
                // The provider is loaded on the first lookup by name; make sure one has happened.
                InetAddress.getAllByName("localhost");
            } catch (UnknownHostException ignored) {
                // nothing to learn then
            }
        }
        return installed;
    }

    /** Until {@code ttl} has passed, {@code host} resolves to {@code addresses} for every lookup in this JVM. */
    static void pin(String host, List<InetAddress> addresses, Duration ttl) {
        long now = System.nanoTime();
        if (PINS.size() > 10_000) {
            PINS.values().removeIf(p -> p.expiresAt() - now < 0);
        }
        PINS.put(key(host), new Pin(List.copyOf(addresses), now + ttl.toNanos()));
    }

    private static String key(String host) {
        String lower = host.toLowerCase(Locale.ROOT);
        return lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
    }

    private static boolean permits(InetAddressResolver.LookupPolicy policy, InetAddress address) {
        int c = policy.characteristics();
        boolean v4 = (c & InetAddressResolver.LookupPolicy.IPV4) != 0;
        boolean v6 = (c & InetAddressResolver.LookupPolicy.IPV6) != 0;
        return address instanceof Inet4Address ? v4 : address instanceof Inet6Address && v6;
    }
}
