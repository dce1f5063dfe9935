package herald.index;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class Sha256Test {

    /** SHA-256("abc") from FIPS 180-2: the ids stored so far are prefixes of the digest, in lower-case hex. */
    private static final String ABC = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

    @Test
    void theIdIsThePrefixOfTheDigestAtEachCallersLength() {
        assertEquals(ABC.substring(0, 12), Sha256.hex("abc", 6));
        assertEquals(ABC.substring(0, 16), Sha256.hex("abc", 8));
        assertEquals(ABC.substring(0, 32), Sha256.hex("abc", 16));
        assertEquals(ABC, Sha256.hex("abc", 32));
    }

    @Test
    void textIsHashedAsUtf8() {
        // "é" is c3 a9 in UTF-8: the digest of those two bytes, not of Latin-1's single e9
        assertEquals("4a99557e4033c3539de2eb65472017ca", Sha256.hex("\u00e9", 16));
    }
}
