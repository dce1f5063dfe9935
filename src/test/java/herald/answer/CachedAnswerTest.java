package herald.answer;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class CachedAnswerTest {

    private static final Answer ANSWER = new Answer("a1", "June 19-20 [1].", "c1", AnswerMode.LLM, null, false, List.of());
    private static final Instant EXPIRES = Instant.parse("2024-06-19T08:10:00Z");

    private static CachedAnswer cached(String passages, String question, String answerId) {
        Answer answer = new Answer(answerId, ANSWER.answer(), ANSWER.conversationId(), ANSWER.mode(), null, false, List.of());
        return new CachedAnswer(passages, question, new float[]{0.5f}, Set.of("putin"), answer, EXPIRES);
    }

    @Test
    void aNewerAnswerToTheSameWordingOnTheSamePassagesHasTheSameKey() {
        assertEquals(cached("putin#0|putin#1", "when does putin visit vietnam", "a1").key(),
                cached("putin#0|putin#1", "when does putin visit vietnam", "a2").key());
    }

    @Test
    void otherPassagesOrAnotherWordingIsAnotherEntry() {
        String key = cached("putin#0|putin#1", "when does putin visit vietnam", "a1").key();
        assertNotEquals(key, cached("putin#0", "when does putin visit vietnam", "a1").key());
        assertNotEquals(key, cached("putin#0|putin#1", "when is putin in vietnam", "a1").key());
        // the separator keeps a passages key ending like a question's start apart from it
        assertNotEquals(cached("p1", "2 q", "a1").key(), cached("p1 2", "q", "a1").key());
    }

    @Test
    void theKeyIsNotStoredWithTheAnswer() throws Exception {
        String json = new ObjectMapper().findAndRegisterModules().writeValueAsString(cached("p", "q", "a1"));
        assertFalse(json.contains("\"key\""), json);
    }
}
