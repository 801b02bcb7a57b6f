package app.spotter.sync.caldav;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PublicAddressesTest {

    @ParameterizedTest(name = "{0} ({1})")
    @CsvSource(delimiter = '|', textBlock = """
            127.0.0.1                | loopback
            127.255.0.9              | loopback /8
            2130706433               | loopback written as one decimal number
            127.1                    | loopback, short form
            0.0.0.0                  | unspecified
            0.1.2.3                  | this network
            10.0.0.1                 | RFC 1918
            172.16.5.4               | RFC 1918
            172.31.255.255           | RFC 1918
            192.168.1.1              | RFC 1918
            169.254.169.254          | link-local, cloud metadata
            100.64.0.1               | carrier-grade NAT
            100.127.255.254          | carrier-grade NAT
            224.0.0.1                | multicast
            239.255.255.250          | multicast
            240.0.0.1                | reserved
            255.255.255.255          | broadcast
            192.0.2.10               | documentation
            198.18.0.1               | benchmarking
            ::                       | IPv6 unspecified
            ::1                      | IPv6 loopback
            ::ffff:127.0.0.1         | IPv4-mapped loopback
            ::ffff:10.0.0.1          | IPv4-mapped private
            ::ffff:169.254.169.254   | IPv4-mapped metadata
            ::127.0.0.1              | IPv4-compatible loopback
            ::8.8.8.8                | IPv4-compatible (deprecated, never routed)
            fc00::1                  | unique-local
            fd12:3456::1             | unique-local
            fe80::1                  | link-local
            fec0::1                  | site-local
            ff02::1                  | multicast
            64:ff9b::7f00:1          | NAT64 of loopback
            2002:7f00:1::1           | 6to4 of loopback
            2001:db8::1              | documentation
            """)
    void anAddressAnAttackerWouldAimAtIsNotPublic(String literal, String why) throws Exception {
        assertThat(PublicAddresses.isPublic(InetAddress.getByName(literal))).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"17.253.144.10", "8.8.8.8", "100.128.0.1", "172.32.0.1", "192.169.0.1", "1.1.1.1",
            "2606:4700:4700::1111", "2a01:111:f400::1", "64:ff9b::808:808", "2002:808:808::1", "::ffff:8.8.8.8"})
    void anOrdinaryInternetAddressIsPublic(String literal) throws Exception {
        assertThat(PublicAddresses.isPublic(InetAddress.getByName(literal))).isTrue();
    }
}
