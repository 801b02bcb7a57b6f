package app.spotter.sync.caldav;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;

/**
 * Which resolved addresses a trainer's CalDAV URL may reach without {@code spotter.caldav.allow-private-networks}:
 * only public unicast ones. Everything a server-side request forgery would aim at is refused: loopback, RFC 1918
 * private ranges, link-local (169.254/16 holds cloud metadata services), unique-local fc00::/7, CGNAT 100.64/10,
 * multicast, unspecified, reserved and documentation ranges, and IPv6 forms that embed such an IPv4 address.
 * Forms such as {@code 2130706433} or {@code 0x7f.1} need no rule of their own: the check runs on resolved bytes.
 */
final class PublicAddresses {

    private PublicAddresses() {}

    static boolean isPublic(InetAddress address) {
        return switch (address) {
            case Inet4Address v4 -> isPublicV4(v4.getAddress());
            case Inet6Address v6 -> isPublicV6(v6.getAddress());
            default -> false;
        };
    }

    private static boolean isPublicV4(byte[] a) {
        int b0 = a[0] & 0xff;
        int b1 = a[1] & 0xff;
        int b2 = a[2] & 0xff;
        return !(b0 == 0                                   // 0.0.0.0/8 "this network", incl. unspecified (RFC 6890)
                || b0 == 10                                // RFC 1918
                || b0 == 127                               // loopback
                || (b0 == 100 && (b1 & 0xc0) == 64)        // 100.64.0.0/10 carrier-grade NAT (RFC 6598)
                || (b0 == 169 && b1 == 254)                // link-local (RFC 3927), cloud metadata
                || (b0 == 172 && (b1 & 0xf0) == 16)        // RFC 1918
                || (b0 == 192 && b1 == 0 && b2 == 0)       // IETF protocol assignments (RFC 6890)
                || (b0 == 192 && b1 == 0 && b2 == 2)       // TEST-NET-1
                || (b0 == 192 && b1 == 168)                // RFC 1918
                || (b0 == 198 && (b1 & 0xfe) == 18)        // 198.18.0.0/15 benchmarking (RFC 2544)
                || (b0 == 198 && b1 == 51 && b2 == 100)    // TEST-NET-2
                || (b0 == 203 && b1 == 0 && b2 == 113)     // TEST-NET-3
                || b0 >= 224);                             // multicast 224/4, reserved 240/4, broadcast
    }

    private static boolean isPublicV6(byte[] a) {
        if (allZero(a, 0, 10) && (a[10] & 0xff) == 0xff && (a[11] & 0xff) == 0xff) {
            return isPublicV4(tail(a, 12));                // IPv4-mapped ::ffff:a.b.c.d (RFC 4291 2.5.5.2)
        }
        if (allZero(a, 0, 12)) {
            return false;                                  // ::, ::1 and the deprecated IPv4-compatible ::a.b.c.d
        }
        if ((a[0] & 0xff) == 0x00 && (a[1] & 0xff) == 0x64 && (a[2] & 0xff) == 0xff && (a[3] & 0xff) == 0x9b
                && allZero(a, 4, 12)) {
            return isPublicV4(tail(a, 12));                // NAT64 64:ff9b::/96 (RFC 6052) reaches the IPv4 inside
        }
        if ((a[0] & 0xff) == 0x20 && (a[1] & 0xff) == 0x02) {
            return isPublicV4(tail(a, 2));                 // 6to4 2002::/16 (RFC 3056) embeds an IPv4 address
        }
        int b0 = a[0] & 0xff;
        int b1 = a[1] & 0xff;
        return !((b0 & 0xfe) == 0xfc                       // unique-local fc00::/7 (RFC 4193)
                || (b0 == 0xfe && (b1 & 0xc0) == 0x80)     // link-local fe80::/10
                || (b0 == 0xfe && (b1 & 0xc0) == 0xc0)     // site-local fec0::/10 (deprecated, still routed inside)
                || b0 == 0xff                              // multicast
                || (b0 == 0x20 && b1 == 0x01 && (a[2] & 0xff) == 0x0d && (a[3] & 0xff) == 0xb8) // 2001:db8::/32 docs
                || (b0 == 0x01 && b1 == 0x00 && allZero(a, 2, 8)));                       // 100::/64 discard
    }

    private static boolean allZero(byte[] a, int from, int to) {
        for (int i = from; i < to; i++) {
            if (a[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static byte[] tail(byte[] a, int from) {
        return new byte[] {a[from], a[from + 1], a[from + 2], a[from + 3]};
    }
}
