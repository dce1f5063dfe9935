package herald.sources;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * Refuses URLs a feed must not make Herald fetch: other schemes than http and https, and hosts that resolve
 * to loopback, private, link-local or otherwise internal addresses (unless private addresses are allowed,
 * for a newsroom whose site is on its own network). The cloud metadata address is refused always: it
 * hands out credentials and is never a news site.
 */
public final class AddressGuard {

    private final boolean allowPrivate;

    public AddressGuard(boolean allowPrivate) {
        this.allowPrivate = allowPrivate;
    }

    /**
     * @throws FetchFailure naming why the URL is refused
     */
    public void check(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new RefusedUrl("refused " + uri + ": only http and https URLs are fetched");
        }
        String host = uri.getHost();
        if (host == null || host.isBlank()) {
            throw new RefusedUrl("refused " + uri + ": no host");
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            throw new FetchFailure("cannot resolve host " + host);
        }
        for (InetAddress address : addresses) {
            if (isMetadata(address)) {
                throw new RefusedUrl("refused " + uri + ": " + address.getHostAddress() + " is the cloud metadata address");
            }
            if (!allowPrivate && isInternal(address)) {
                throw new RefusedUrl("refused " + uri + ": " + host + " resolves to the internal address "
                        + address.getHostAddress() + " (herald.sources.allow-private-addresses is off)");
            }
        }
    }

    static boolean isMetadata(InetAddress address) {
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            return (b[0] & 0xff) == 169 && (b[1] & 0xff) == 254 && (b[2] & 0xff) == 169 && (b[3] & 0xff) == 254;
        }
        // fd00:ec2::254, the IPv6 twin of 169.254.169.254
        return address instanceof Inet6Address && (b[0] & 0xff) == 0xfd && b[1] == 0 && (b[2] & 0xff) == 0x0e
                && (b[3] & 0xff) == 0xc2 && (b[15] & 0xff) == 0x54 && b[14] == 0x02;
    }

    static boolean isInternal(InetAddress address) {
        if (address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
                || address.isAnyLocalAddress() || address.isMulticastAddress()) {
            return true;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return first == 0 // "this network"
                    || (first == 100 && second >= 64 && second < 128) // carrier-grade NAT
                    || (first == 198 && (second == 18 || second == 19)) // benchmarking
                    || first >= 240; // reserved and broadcast
        }
        // unique local fc00::/7, and IPv4 addresses mapped into IPv6
        if ((b[0] & 0xfe) == 0xfc) {
            return true;
        }
        boolean mapped = true;
        for (int i = 0; i < 10; i++) {
            mapped &= b[i] == 0;
        }
        if (mapped && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
            try {
                InetAddress v4 = InetAddress.getByAddress(new byte[]{b[12], b[13], b[14], b[15]});
                return isInternal(v4) || isMetadata(v4);
            } catch (UnknownHostException e) {
                return true;
            }
        }
        return false;
    }
}
