package herald.answer;

import herald.config.HeraldConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Recent turns of each conversation, in memory, bounded both in turns per conversation and in
 * conversations (least recently used forgotten first): history is context for follow-ups, not a record.
 */
public class InMemoryConversationStore implements ConversationStore {

    private final int maxTurns;
    private final Map<String, List<Turn>> conversations;

    public InMemoryConversationStore(HeraldConfig config) {
        this.maxTurns = config.conversation().maxTurns();
        int maxConversations = config.conversation().maxConversations();
        this.conversations = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, List<Turn>> eldest) {
                return size() > maxConversations;
            }
        };
    }

    @Override
    public synchronized List<Turn> history(String conversationId) {
        return List.copyOf(conversations.getOrDefault(conversationId, List.of()));
    }

    @Override
    public synchronized void append(String conversationId, Turn turn) {
        List<Turn> turns = conversations.computeIfAbsent(conversationId, id -> new ArrayList<>());
        turns.add(turn);
        while (turns.size() > maxTurns) {
            turns.remove(0);
        }
    }
}
