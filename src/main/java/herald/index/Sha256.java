package herald.index;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Short stable ids from text: the first bytes of its SHA-256, in lower-case hex. Article ids, feed source ids and
 * answer-cache keys are made this way and stored on disk and in Solr, so a caller's length never changes.
 */
public final class Sha256 {

    private Sha256() {
    }

    /** The first {@code bytes} bytes of the SHA-256 of the text's UTF-8, as {@code 2 * bytes} hex digits. */
    public static String hex(String text, int bytes) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, bytes);
        } catch (NoSuchAlgorithmException e) {
            // every Java platform must provide SHA-256
            throw new IllegalStateException(e);
        }
    }
}
