package herald.answer;

import herald.index.IndexedPassage;
import herald.retrieval.RetrievedPassage;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An answer's sources and a conversation's turns stay bounded, even for a giant passage an older index holds. */
class AnswerBoundsTest {

    @Test
    void aSourceCarriesAtMostItsBoundOfAGiantPassage() {
        IndexedPassage giant = new IndexedPassage("d1", 0, "Title", null, null, "w ".repeat(1_000_000));
        Source source = Source.of(new RetrievedPassage(giant, 1.0, 1.0));
        assertEquals(Source.MAX_TEXT_CHARS, source.text().length());
        assertTrue(source.text().endsWith("…"));
    }

    @Test
    void aConversationTurnKeepsABoundedAnswer() {
        Turn turn = new Turn("q", "q", "a".repeat(3_500_000), Set.of());
        assertEquals(Turn.MAX_ANSWER_CHARS, turn.answer().length());
    }
}
