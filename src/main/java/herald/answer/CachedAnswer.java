package herald.answer;

import java.time.Instant;
import java.util.Set;

/**
 * An answer kept for reuse.
 *
 * @param passagesKey    the retrieved passages it was written from, in order
 * @param question       the standalone question, normalised
 * @param questionVector the standalone question's embedding
 * @param documentIds    the articles of those passages: a change to one drops the answer
 */
public record CachedAnswer(String passagesKey, String question, float[] questionVector, Set<String> documentIds,
                           Answer answer, Instant expiresAt) {

    /** One entry per passages and wording: a newer answer under the same key replaces the older. */
    String key() {
        return passagesKey + "\n" + question;
    }
}
