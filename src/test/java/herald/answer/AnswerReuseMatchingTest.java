package herald.answer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.data.segment.TextSegment;
import herald.index.BgeSmallEmbeddingModel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Which wordings share a cached answer, on the labelled pairs of {@code eval/cache-pairs.jsonl} with the
 * real embedding model. A wrong share gives a reader another question's answer, so none is allowed; a
 * missed share only costs a generation. The threshold (0.95) was set on the "tune" pairs: above every
 * must-not pair there (0.944), below every same-subject paraphrase (0.970).
 */
class AnswerReuseMatchingTest {

    private static final double THRESHOLD = 0.95;
    private static final String QUERY_INSTRUCTION = "Represent this sentence for searching relevant passages: ";
    private static BgeSmallEmbeddingModel model;

    @BeforeAll
    static void load() {
        model = new BgeSmallEmbeddingModel(1);
    }

    @AfterAll
    static void close() {
        model.close();
    }

    @Test
    void questionsThatWantDifferentAnswersNeverShareOne() throws IOException {
        List<String> wrongShares = new ArrayList<>();
        for (JsonNode pair : pairs()) {
            if (!pair.get("share").asBoolean() && shares(pair.get("a").asText(), pair.get("b").asText())) {
                wrongShares.add(pair.toString());
            }
        }
        assertEquals(List.of(), wrongShares);
        assertFalse(shares("When does Putin visit Vietnam?", "When does Putin visit North Korea?"));
    }

    @Test
    void rewordingsOfOneQuestionShareItsAnswer() throws IOException {
        assertTrue(shares("When does Putin visit Vietnam?", "  when does putin visit vietnam ??"));
        assertTrue(shares("When does Putin visit Vietnam?", "When will Putin visit Vietnam?"));
        assertTrue(shares("When does Putin visit Vietnam?", "When is Putin visiting Vietnam?"));
        int hits = 0;
        int paraphrases = 0;
        for (JsonNode pair : pairs()) {
            if (pair.get("share").asBoolean() && pair.get("split").asText().equals("report")) {
                paraphrases++;
                hits += shares(pair.get("a").asText(), pair.get("b").asText()) ? 1 : 0;
            }
        }
        // measured: 2 of the 9 held-out paraphrases (docs/answer-cache.md); a rule that shares none is useless
        assertTrue(hits >= 2, hits + " of " + paraphrases);
    }

    private static boolean shares(String a, String b) {
        return AnswerReuse.sameQuestion(AnswerReuse.normalise(a), vector(a), AnswerReuse.normalise(b), vector(b), THRESHOLD);
    }

    private static float[] vector(String question) {
        return model.embed(TextSegment.from(QUERY_INSTRUCTION + question)).content().vector();
    }

    private static List<JsonNode> pairs() throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> pairs = new ArrayList<>();
        try (InputStream in = AnswerReuseMatchingTest.class.getResourceAsStream("/eval/cache-pairs.jsonl")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank()) {
                    pairs.add(json.readTree(line));
                }
            }
        }
        return pairs;
    }
}
