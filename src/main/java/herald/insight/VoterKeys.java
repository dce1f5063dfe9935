package herald.insight;

import herald.config.HeraldConfig;
import jakarta.enterprise.context.ApplicationScoped;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Turns "this reader, this answer" into an opaque voter key: an HMAC with a secret kept beside the
 * ratings. The same reader rating the same answer twice gets the same key (the second rating replaces
 * the first); nothing in the key says who the reader is, and the keys of one reader's ratings of two
 * answers cannot be matched up, so the ratings hold no profile of anyone.
 */
@ApplicationScoped
public class VoterKeys {

    private final byte[] secret;

    public VoterKeys(HeraldConfig config) {
        this.secret = secret(config.dataDir().resolve("feedback-secret"));
    }

    /** The key of {@code reader} (a client id, an address, a Slack user: never stored) rating {@code answerId}. */
    public String of(String answerId, String reader) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            byte[] digest = mac.doFinal((answerId + "\n" + reader).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] secret(Path file) {
        try {
            if (Files.exists(file)) {
                return HexFormat.of().parseHex(Files.readString(file).strip());
            }
            byte[] fresh = new byte[32];
            new SecureRandom().nextBytes(fresh);
            Files.createDirectories(file.getParent());
            Files.writeString(file, HexFormat.of().formatHex(fresh), StandardOpenOption.CREATE_NEW);
            return fresh;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the ratings' secret " + file, e);
        }
    }
}
