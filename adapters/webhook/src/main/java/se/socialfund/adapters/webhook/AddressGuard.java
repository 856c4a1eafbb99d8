package se.socialfund.adapters.webhook;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * Where webhooks may not go (no SSRF): loopback, private (RFC 1918, unique local fc00::/7), link-local (cloud
 * metadata at 169.254.169.254 among them), carrier-grade NAT, unspecified, multicast and other special-purpose
 * addresses. Every address a host resolves to must be allowed. Loopback and private addresses can be allowed by
 * configuration (loopback for tests).
 */
public final class AddressGuard {
    private final boolean allowLoopback;
    private final boolean allowPrivate;
    private final Resolver resolver;

    /** Host name to addresses; the system's resolver in the service, a fixed table in tests. */
    @FunctionalInterface
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    public AddressGuard(boolean allowLoopback, boolean allowPrivate) {
        this(allowLoopback, allowPrivate, AddressGuard::resolve);
    }

    public AddressGuard(boolean allowLoopback, boolean allowPrivate, Resolver resolver) {
        this.allowLoopback = allowLoopback;
        this.allowPrivate = allowPrivate;
        this.resolver = resolver;
    }

    /** Why the host may not be called, if so; a host that does not resolve now is not refused here. */
    public Optional<String> refusal(String host) {
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(host);
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
        for (InetAddress address : addresses) {
            Optional<String> refused = refusal(address);
            if (refused.isPresent()) {
                return refused;
            }
        }
        return Optional.empty();
    }

    static InetAddress[] resolve(String host) throws UnknownHostException {
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        return InetAddress.getAllByName(bare);
    }

    public Optional<String> refusal(InetAddress address) {
        InetAddress a = unmapped(address);
        if (a.isLoopbackAddress()) {
            return allowLoopback ? Optional.empty() : Optional.of("the URL's host is a loopback address");
        }
        if (a.isAnyLocalAddress() || a.isMulticastAddress() || special(a)) {
            return Optional.of("the URL's host is a special-purpose address");
        }
        if (a.isLinkLocalAddress()) {
            return allowPrivate ? Optional.empty() : Optional.of("the URL's host is a link-local address");
        }
        if (a.isSiteLocalAddress() || uniqueLocal(a) || sharedAddressSpace(a)) {
            return allowPrivate ? Optional.empty() : Optional.of("the URL's host is a private address");
        }
        return Optional.empty();
    }

    /** An IPv4 address written as IPv6 (::ffff:10.0.0.1) is judged as the IPv4 address it is. */
    private static InetAddress unmapped(InetAddress a) {
        byte[] b = a.getAddress();
        if (a instanceof Inet6Address && b.length == 16) {
            boolean mapped = true;
            for (int i = 0; i < 10; i++) {
                mapped &= b[i] == 0;
            }
            mapped &= b[10] == (byte) 0xff && b[11] == (byte) 0xff;
            if (mapped) {
                try {
                    return InetAddress.getByAddress(new byte[]{b[12], b[13], b[14], b[15]});
                } catch (UnknownHostException e) {
                    return a;
                }
            }
        }
        return a;
    }

    private static boolean uniqueLocal(InetAddress a) {
        return a instanceof Inet6Address && (a.getAddress()[0] & 0xfe) == 0xfc;
    }

    /** 100.64.0.0/10, carrier-grade NAT. */
    private static boolean sharedAddressSpace(InetAddress a) {
        byte[] b = a.getAddress();
        return a instanceof Inet4Address && (b[0] & 0xff) == 100 && (b[1] & 0xc0) == 64;
    }

    /** 0.0.0.0/8, 192.0.0.0/24, 198.18.0.0/15 (benchmarking), 240.0.0.0/4 and the broadcast address. */
    private static boolean special(InetAddress a) {
        if (!(a instanceof Inet4Address)) {
            return false;
        }
        byte[] b = a.getAddress();
        int first = b[0] & 0xff;
        int second = b[1] & 0xff;
        return first == 0 || first >= 240 || first == 192 && second == 0 && (b[2] & 0xff) == 0
                || first == 198 && (second == 18 || second == 19);
    }
}
