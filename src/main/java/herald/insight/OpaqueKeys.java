package herald.insight;

import herald.config.HeraldConfig;
import herald.index.solr.SolrState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

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
 * Turns what identifies a reader or a conversation into opaque keys: HMACs with a secret kept in the data
 * folder (on {@code backend=solr}, in the state every replica shares). The same reader rating the same answer
 * twice gets the same voter key (the second rating replaces the first), yet nothing in a key says who the reader is, and one reader's keys for two answers
 * cannot be matched up, so the ratings hold no profile of anyone. A channel's message reference (a Slack
 * channel and timestamp) is kept the same way.
 */
@ApplicationScoped
public class OpaqueKeys {

    private static final String SECRET_KIND = "secret";
    private static final String SECRET_KEY = "feedback";

    private final byte[] secret;

    public OpaqueKeys(HeraldConfig config, Instance<SolrState> solr) {
        this.secret = switch (config.index().backend()) {
            case LUCENE -> secret(config.dataDir().resolve("feedback-secret"));
            case SOLR -> sharedSecret(solr.get());
        };
    }

    /** The key of {@code reader} (a client id, an address, a Slack user: never stored) rating {@code answerId}. */
    public String voter(String answerId, String reader) {
        return hmac("voter\n" + answerId + "\n" + reader);
    }

    /** The key under which a channel's message showing an answer is remembered. */
    public String reference(String channelReference) {
        return hmac("reference\n" + channelReference);
    }

    private String hmac(String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)), 0, 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * With {@code backend=solr} every replica must key alike, or a reader's second rating through another
     * replica would count twice and a Slack reaction would not find the message another replica posted: the
     * first replica to start stores the secret in the shared state, the others read it.
     */
    public static byte[] sharedSecret(SolrState state) {
        state.create(SECRET_KIND, SECRET_KEY, HexFormat.of().formatHex(fresh()), null);
        return HexFormat.of().parseHex(state.get(SECRET_KIND, SECRET_KEY).orElseThrow().value());
    }

    private static byte[] fresh() {
        byte[] fresh = new byte[32];
        new SecureRandom().nextBytes(fresh);
        return fresh;
    }

    private static byte[] secret(Path file) {
        try {
            if (Files.exists(file)) {
                return HexFormat.of().parseHex(Files.readString(file).strip());
            }
            byte[] fresh = fresh();
            Files.createDirectories(file.getParent());
            Files.writeString(file, HexFormat.of().formatHex(fresh), StandardOpenOption.CREATE_NEW);
            return fresh;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the ratings' secret " + file, e);
        }
    }
}
