package herald.answer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import herald.index.solr.SolrState;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Conversations on SolrCloud, shared by every replica. A conversation idle for {@code forgetAfter} is
 * forgotten (Solr removes it), which bounds the collection as the in-memory store's size cap bounds memory.
 * Two replicas appending to one conversation at once both keep their turn: each append is a conditional write,
 * retried on conflict.
 */
public class SolrConversationStore implements ConversationStore {

    private static final String KIND = "conversation";
    private static final int ATTEMPTS = 20;
    private static final TypeReference<List<Turn>> TURNS = new TypeReference<>() {
    };

    private final SolrState state;
    private final ObjectMapper json;
    private final Clock clock;
    private final int maxTurns;
    private final Duration forgetAfter;

    public SolrConversationStore(SolrState state, ObjectMapper json, Clock clock, int maxTurns, Duration forgetAfter) {
        this.state = state;
        this.json = json;
        this.clock = clock;
        this.maxTurns = maxTurns;
        this.forgetAfter = forgetAfter;
    }

    @Override
    public List<Turn> history(String conversationId) {
        return state.get(KIND, conversationId)
                .filter(s -> !s.expired(clock.instant()))
                .map(s -> parse(s.value()))
                .orElse(List.of());
    }

    @Override
    public void append(String conversationId, Turn turn) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Instant now = clock.instant();
            Optional<SolrState.Stored> held = state.get(KIND, conversationId);
            List<Turn> turns = new ArrayList<>(held.filter(s -> !s.expired(now)).map(s -> parse(s.value())).orElse(List.of()));
            turns.add(turn);
            while (turns.size() > maxTurns) {
                turns.remove(0);
            }
            String value = write(turns);
            boolean written = held.isEmpty()
                    ? state.create(KIND, conversationId, value, now.plus(forgetAfter))
                    : state.update(KIND, conversationId, value, now.plus(forgetAfter), held.get().version());
            if (written) {
                return;
            }
            // another replica appended first: read its turn and try again, a little later the more it happens
            try {
                Thread.sleep(java.util.concurrent.ThreadLocalRandom.current().nextInt(5, 20 + 10 * attempt));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("Conversation " + conversationId + " is being written by too many replicas at once");
    }

    private List<Turn> parse(String value) {
        try {
            return json.readValue(value, TURNS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable conversation in SolrCloud", e);
        }
    }

    private String write(List<Turn> turns) {
        try {
            return json.writeValueAsString(turns);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
