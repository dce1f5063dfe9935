package herald.slack;

import com.slack.api.model.block.LayoutBlock;
import herald.answer.Answer;
import herald.answer.AnswerMode;
import herald.answer.Source;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;

import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.divider;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;

/**
 * Lays an answer out as Block Kit: the answer, a note when it was quoted without the LLM, then the
 * sources it cites (title, date, passage), within Slack's limits of 3,000 characters per section text
 * and 50 blocks per message.
 */
@ApplicationScoped
public class SlackMessageFormatter {

    static final int MAX_SECTION_CHARS = 3000;
    static final int MAX_BLOCKS = 50;
    /** Enough of a passage to check the answer against; the article has the rest. */
    static final int MAX_PASSAGE_CHARS = 600;

    static final String RATE_NOTE = "React with :+1: or :-1: to tell the newsroom whether this answer was right.";

    static final String RETRIEVAL_ONLY_NOTE = ":information_source: _Retrieval-only answer: quoted from the articles, "
            + "without the language model._";
    static final String UNSUPPORTED_NOTE = ":information_source: _Quoted from the articles: the language model's answer "
            + "stated something they do not say._";

    public SlackMessage answer(Answer answer) {
        List<LayoutBlock> blocks = new ArrayList<>();
        boolean quoted = answer.mode() == AnswerMode.RETRIEVAL_ONLY;
        List<String> answerParts = split(escape(answer.answer()), MAX_SECTION_CHARS);
        // one block for the rating note, which closes every answer
        int reserved = 1 + (quoted ? 1 : 0) + (answer.sources().isEmpty() ? 0 : 2 + answer.sources().size());
        int answerBlocks = Math.min(answerParts.size(), Math.max(1, MAX_BLOCKS - reserved));
        for (String part : answerParts.subList(0, answerBlocks)) {
            blocks.add(section(s -> s.text(markdownText(part))));
        }
        if (quoted) {
            String note = answer.reason() == herald.answer.AnswerReason.UNSUPPORTED ? UNSUPPORTED_NOTE : RETRIEVAL_ONLY_NOTE;
            blocks.add(context(List.of(markdownText(note))));
        }
        if (!answer.sources().isEmpty()) {
            blocks.add(divider());
            blocks.add(section(s -> s.text(markdownText("*Sources*"))));
            List<Source> sources = answer.sources();
            for (int i = 0; i < sources.size() && blocks.size() < MAX_BLOCKS - 1; i++) {
                String text = source(i + 1, sources.get(i));
                blocks.add(section(s -> s.text(markdownText(text))));
            }
        }
        blocks.add(context(List.of(markdownText(RATE_NOTE))));
        String fallback = (quoted ? "(retrieval-only) " : "") + truncate(answer.answer(), MAX_SECTION_CHARS);
        return new SlackMessage(fallback, blocks, answer.answerId());
    }

    public SlackMessage failure() {
        return SlackMessage.plain(":warning: Sorry, something went wrong while I looked that up. Please try again in a moment.");
    }

    public SlackMessage llmUnavailable() {
        return SlackMessage.plain(":warning: Sorry, the language model is not available right now. Please try again later.");
    }

    public SlackMessage busy() {
        return SlackMessage.plain(":hourglass: I'm answering a lot of questions right now. Please ask again in a minute.");
    }

    public SlackMessage slowDown(long retryAfterSeconds) {
        return SlackMessage.plain(":snail: You're asking faster than I can answer. Please slow down and ask again in "
                + retryAfterSeconds + " s.");
    }

    public SlackMessage invalidQuestion(String reason) {
        return SlackMessage.plain(":grey_question: " + reason + ". Ask me a question about the news, e.g. "
                + "_when does Putin visit Vietnam?_");
    }

    public SlackMessage lookingItUp() {
        return SlackMessage.plain(":mag: Looking it up…");
    }

    private static String source(int number, Source source) {
        String title = escape(source.title() == null || source.title().isBlank() ? source.documentId() : source.title());
        boolean linkable = source.url() != null && source.url().matches("(?i)https?://[^\\s<>|]+");
        // Slack's <url|text> link; the title's own | and > are escaped above, the URL may hold none of them
        StringBuilder heading = new StringBuilder("*[").append(number).append("] ")
                .append(linkable ? "<" + source.url() + "|" + title.replace("|", "¦") + ">" : title)
                .append('*');
        if (source.source() != null && !source.source().isBlank()) {
            heading.append(" · ").append(escape(source.source()));
        }
        if (source.publishedAt() != null) {
            heading.append(" · ").append(source.publishedAt());
        }
        String passage = source.text() == null ? "" : truncate(source.text().strip(), MAX_PASSAGE_CHARS);
        String quote = passage.isEmpty() ? "" : "\n>" + escape(passage).replace("\n", "\n>");
        return truncate(heading + quote, MAX_SECTION_CHARS);
    }

    /** Slack's mrkdwn treats &, < and > as control characters. */
    static String escape(String text) {
        return text == null ? "" : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** Pieces of at most {@code limit} characters, cut at a line break or space where there is one. */
    static List<String> split(String text, int limit) {
        List<String> parts = new ArrayList<>();
        String rest = text.isBlank() ? "_(no answer)_" : text.strip();
        while (rest.length() > limit) {
            int cut = rest.lastIndexOf('\n', limit);
            if (cut < limit / 2) {
                cut = rest.lastIndexOf(' ', limit);
            }
            if (cut < limit / 2) {
                cut = limit;
            }
            // an escape such as &amp; must not be cut in half
            int amp = rest.lastIndexOf('&', cut - 1);
            if (amp >= 0 && amp > cut - 5 && rest.indexOf(';', amp) >= cut) {
                cut = amp;
            }
            parts.add(rest.substring(0, cut).strip());
            rest = rest.substring(cut).strip();
        }
        parts.add(rest);
        return parts;
    }

    private static String truncate(String text, int limit) {
        return text.length() <= limit ? text : text.substring(0, limit - 1).strip() + "…";
    }
}
