package se.socialfund.adapters.webhook;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AddressGuardTest {
    /** Names resolved from a table, as a DNS server under someone else's control might answer. */
    private static final Map<String, String[]> DNS = Map.of(
            "intranet.example", new String[]{"10.1.2.3"},
            "rebinder.example", new String[]{"93.184.216.34", "192.168.1.10"},
            "metadata.example", new String[]{"169.254.169.254"},
            "public.example", new String[]{"93.184.216.34", "2606:2800:220:1:248:1893:25c8:1946"});

    private static InetAddress[] resolve(String host) throws UnknownHostException {
        String[] addresses = DNS.get(host);
        if (addresses == null) {
            return AddressGuard.resolve(host); // literals only: no name reaches a real resolver in this test
        }
        InetAddress[] out = new InetAddress[addresses.length];
        for (int i = 0; i < addresses.length; i++) {
            out[i] = InetAddress.getByName(addresses[i]);
        }
        return out;
    }

    private final AddressGuard strict = new AddressGuard(false, false, AddressGuardTest::resolve);

    @Test
    void a_name_resolving_to_a_private_or_link_local_address_is_refused() {
        assertThat(strict.refusal("intranet.example")).hasValue("the URL's host is a private address");
        assertThat(strict.refusal("metadata.example")).hasValue("the URL's host is a link-local address");
        assertThat(strict.refusal("rebinder.example")).as("one private address among public ones").isPresent();
    }

    @Test
    void private_loopback_link_local_and_special_literals_are_refused() {
        for (String host : new String[]{"10.0.0.1", "172.16.5.4", "172.31.255.255", "192.168.0.1", "127.0.0.1",
                "localhost", "169.254.169.254", "100.64.0.1", "0.0.0.0", "255.255.255.255", "[::1]", "[fd00::1]",
                "[fe80::1]", "[::ffff:10.0.0.1]", "[::ffff:127.0.0.1]", "224.0.0.1", "198.18.0.1"}) {
            assertThat(strict.refusal(host)).as(host).isPresent();
        }
    }

    @Test
    void public_addresses_pass() {
        for (String host : new String[]{"public.example", "93.184.216.34", "172.32.0.1", "100.128.0.1",
                "[2606:2800:220:1:248:1893:25c8:1946]"}) {
            assertThat(strict.refusal(host)).as(host).isEmpty();
        }
    }

    @Test
    void configuration_can_allow_loopback_for_tests_and_private_networks_but_never_special_addresses() {
        AddressGuard tests = new AddressGuard(true, false, AddressGuardTest::resolve);
        assertThat(tests.refusal("127.0.0.1")).isEmpty();
        assertThat(tests.refusal("10.0.0.1")).isPresent();
        AddressGuard intranet = new AddressGuard(false, true, AddressGuardTest::resolve);
        assertThat(intranet.refusal("intranet.example")).isEmpty();
        assertThat(intranet.refusal("127.0.0.1")).isPresent();
        assertThat(intranet.refusal("0.0.0.0")).isPresent();
    }
}
