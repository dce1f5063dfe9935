package herald.sources;

import org.junit.jupiter.api.Test;

import java.net.URI;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AddressGuardTest {

    private final AddressGuard strict = new AddressGuard(false);
    private final AddressGuard onPremises = new AddressGuard(true);

    @Test
    void refusesSchemesOtherThanHttpAndHttps() {
        for (String url : new String[]{"file:///etc/passwd", "ftp://example.com/feed", "gopher://example.com/", "jar:file:x!/y"}) {
            assertThrows(RefusedUrl.class, () -> onPremises.check(URI.create(url)), url);
        }
    }

    @Test
    void refusesLoopbackPrivateAndLinkLocalAddressesUnlessAllowed() {
        for (String url : new String[]{"http://127.0.0.1/", "http://localhost:8080/feed", "http://10.1.2.3/", "http://192.168.0.10/",
                "http://172.16.5.4/", "http://[::1]/", "http://[fe80::1]/", "http://[fd12:3456::1]/", "http://0.0.0.0/",
                "http://100.64.0.1/", "http://[::ffff:10.0.0.1]/", "http://169.254.1.1/"}) {
            FetchFailure refused = assertThrows(RefusedUrl.class, () -> strict.check(URI.create(url)), url);
            assertTrue(refused.getMessage().contains("allow-private-addresses"), refused.getMessage());
            assertDoesNotThrow(() -> onPremises.check(URI.create(url)), url);
        }
    }

    @Test
    void refusesTheCloudMetadataAddressAlways() {
        assertThrows(RefusedUrl.class, () -> onPremises.check(URI.create("http://169.254.169.254/latest/meta-data/")));
        assertThrows(RefusedUrl.class, () -> onPremises.check(URI.create("http://[fd00:ec2::254]/")));
    }

    @Test
    void letsPublicAddressesThrough() {
        assertDoesNotThrow(() -> strict.check(URI.create("https://93.184.215.14/feed.xml")));
        assertDoesNotThrow(() -> strict.check(URI.create("http://[2606:2800:21f:cb07:6820:80da:af6b:8b2c]/rss")));
    }
}
