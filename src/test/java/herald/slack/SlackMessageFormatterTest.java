package herald.slack;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.composition.MarkdownTextObject;
import herald.answer.Answer;
import herald.answer.AnswerMode;
import herald.answer.AnswerReason;
import herald.answer.Source;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Block Kit layout of answers: Slack's size limits, escaping, and the retrieval-only mark. */
class SlackMessageFormatterTest {

    private final SlackMessageFormatter formatter = new SlackMessageFormatter();
    private final Source source = new Source("doc-1", "Putin to Visit North Korea & Vietnam", "AP", LocalDate.of(2024, 6, 17),
            "Putin will travel to Vietnam on June 19-20.", 0.9);

    @Test
    void linksEachSourceToItsArticle() {
        Source linked = new Source("doc-2", "Putin in Hanoi | live", "MMP", LocalDate.of(2024, 6, 20), "Putin arrived.", 0.8,
                "https://news.example/putin-hanoi", null);
        Source hostile = new Source("doc-3", "Odd", "MMP", LocalDate.of(2024, 6, 20), "Text.", 0.7, "javascript:alert(1)", null);
        List<String> texts = sectionTexts(formatter.answer(Answer.of("Putin arrived [1].", "c", AnswerMode.LLM, null,
                List.of(linked, hostile, source))).blocks());
        assertTrue(texts.stream().anyMatch(t -> t.startsWith("*[1] <https://news.example/putin-hanoi|Putin in Hanoi ¦ live>*")), texts.toString());
        assertTrue(texts.stream().anyMatch(t -> t.startsWith("*[2] Odd*")), "only http(s) URLs become links: " + texts);
        assertTrue(texts.stream().anyMatch(t -> t.startsWith("*[3] Putin to Visit North Korea &amp; Vietnam*")), texts.toString());
    }

    @Test
    void splitsLongAnswerIntoSectionsWithinSlackLimit() {
        String answer = "Putin visits Vietnam on June 19-20 & meets To Lam. ".repeat(200);
        SlackMessage message = formatter.answer(Answer.of(answer, "c", AnswerMode.LLM, null, List.of(source)));

        List<String> texts = sectionTexts(message.blocks());
        assertTrue(texts.stream().allMatch(t -> t.length() <= SlackMessageFormatter.MAX_SECTION_CHARS), "a section over 3000 chars");
        int answerSections = texts.indexOf("*Sources*");
        assertTrue(answerSections >= 4, "a 10,000-character answer needs several sections, got " + answerSections);
        String rejoined = String.join(" ", texts.subList(0, answerSections));
        assertEquals(SlackMessageFormatter.escape(answer).strip().replaceAll("\\s+", " "), rejoined.replaceAll("\\s+", " "),
                "no text lost or escape cut at the seams");
        assertTrue(message.text().length() <= SlackMessageFormatter.MAX_SECTION_CHARS);
        assertTrue(message.blocks().size() <= SlackMessageFormatter.MAX_BLOCKS);
    }

    @Test
    void escapesSlackControlCharactersInTitlesAndAnswers() {
        SlackMessage message = formatter.answer(Answer.of("<!channel> Vietnam & Russia", "c", AnswerMode.LLM, null, List.of(source)));
        String all = String.join("\n", sectionTexts(message.blocks()));
        assertTrue(all.contains("&lt;!channel&gt; Vietnam &amp; Russia"), all);
        assertTrue(all.contains("*[1] Putin to Visit North Korea &amp; Vietnam* · AP · 2024-06-17"), all);
        assertTrue(all.contains(">Putin will travel to Vietnam on June 19-20."), all);
    }

    @Test
    void saysWhenTheQuoteReplacesAnUnsupportedLlmAnswer() {
        SlackMessage message = formatter.answer(Answer.of("Putin will travel to Vietnam on June 19-20.", "c",
                AnswerMode.RETRIEVAL_ONLY, AnswerReason.UNSUPPORTED, List.of(source)));
        assertTrue(message.blocks().toString().contains("the language model's answer stated something they do not say"),
                message.blocks().toString());
        assertFalse(message.blocks().toString().contains("without the language model"), message.blocks().toString());
    }

    @Test
    void marksRetrievalOnlyAnswers() {
        SlackMessage message = formatter.answer(Answer.of("Putin will travel to Vietnam on June 19-20.", "c",
                AnswerMode.RETRIEVAL_ONLY, AnswerReason.LLM_DOWN, List.of(source)));
        assertTrue(message.blocks().toString().contains("Retrieval-only answer"), message.blocks().toString());
        assertTrue(message.text().startsWith("(retrieval-only)"), message.text());
    }

    private static List<String> sectionTexts(List<LayoutBlock> blocks) {
        return blocks.stream().filter(SectionBlock.class::isInstance)
                .map(b -> ((MarkdownTextObject) ((SectionBlock) b).getText()).getText()).toList();
    }
}
