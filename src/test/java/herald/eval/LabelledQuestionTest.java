package herald.eval;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LabelledQuestionTest {

    @Test
    void splitsTheSetIntoHalvesByTheNumberInTheId() {
        List<LabelledQuestion> set = LabelledQuestion.load("eval/herald-questions.jsonl");
        assertEquals(LabelledQuestion.Half.TUNING, set.get(0).half(), set.get(0).id());
        assertEquals(LabelledQuestion.Half.HELD_OUT, set.get(1).half(), set.get(1).id());
        long heldOutUnanswerable = set.stream().filter(q -> !q.answerable() && q.half() == LabelledQuestion.Half.HELD_OUT).count();
        long tuningUnanswerable = set.stream().filter(q -> !q.answerable() && q.half() == LabelledQuestion.Half.TUNING).count();
        assertTrue(heldOutUnanswerable >= 15 && tuningUnanswerable >= 15, heldOutUnanswerable + " / " + tuningUnanswerable);
        assertTrue(set.stream().filter(q -> !q.answerable()).count() >= 30);
    }
}
