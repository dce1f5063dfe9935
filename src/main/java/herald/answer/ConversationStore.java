package herald.answer;

import java.util.List;
import java.util.UUID;

/**
 * Recent turns of each conversation: context for follow-ups, not a record. In the process by default; on
 * SolrCloud with {@code herald.index.backend=solr}, so a conversation begun on one replica continues on another.
 */
public interface ConversationStore {

    static String newId() {
        return UUID.randomUUID().toString();
    }

    /** The conversation's recent turns, oldest first; empty for an unknown or forgotten conversation. */
    List<Turn> history(String conversationId);

    /** Adds a turn, forgetting the oldest beyond the per-conversation limit. */
    void append(String conversationId, Turn turn);
}
