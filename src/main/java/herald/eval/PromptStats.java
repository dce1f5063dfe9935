package herald.eval;

import herald.answer.PromptBuilder;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * How much text the LLM is sent for each question of a labelled set. On a CPU, Ollama reads the whole
 * prompt before it writes the first token, so prompt length is the reader's wait.
 */
public class PromptStats {

    /** Llama-family tokenizers read English news at about 4 characters a token. */
    public static final double CHARS_PER_TOKEN = 4.0;
    /** Prompt reading speed of a 3B model quantized to 4 bits on 2 CPU threads (published figures: 18-29). */
    public static final double PROMPT_TOKENS_PER_SECOND = 25;

    /** One question's prompt: characters of the system and user messages, and whether the answering passage is in it. */
    public record Line(LabelledQuestion question, int chars, boolean goldInside) {

        public int tokens() {
            return (int) Math.ceil(chars / CHARS_PER_TOKEN);
        }

        public double seconds() {
            return tokens() / PROMPT_TOKENS_PER_SECOND;
        }
    }

    public record Report(List<Line> lines) {

        public double meanChars() {
            return lines.stream().mapToInt(Line::chars).average().orElse(0);
        }

        public double meanTokens() {
            return lines.stream().mapToInt(Line::tokens).average().orElse(0);
        }

        public long goldInside() {
            return lines.stream().filter(Line::goldInside).count();
        }

        public long answerable() {
            return lines.stream().filter(l -> l.question().answerable()).count();
        }

        public String format() {
            StringBuilder out = new StringBuilder();
            for (Line l : lines) {
                out.append(String.format(Locale.ROOT, "%-6s %6d chars %5d tokens %6.1f s  %-13s %s%n", l.question().id(), l.chars(),
                        l.tokens(), l.seconds(), !l.question().answerable() ? "-" : l.goldInside() ? "gold inside" : "GOLD MISSING",
                        l.question().question()));
            }
            out.append(String.format(Locale.ROOT,
                    "%d prompts: mean %.0f characters, %.0f tokens (about %.1f s before the first token at %.0f prompt tokens/s); "
                            + "answering passage inside %d of %d%n",
                    lines.size(), meanChars(), meanTokens(), meanTokens() / PROMPT_TOKENS_PER_SECOND, PROMPT_TOKENS_PER_SECOND,
                    goldInside(), answerable()));
            return out.toString();
        }
    }

    private final Function<String, PromptBuilder.Prompt> prompts;

    /** @param prompts the prompt the LLM would be sent for a question, built as the service builds it */
    public PromptStats(Function<String, PromptBuilder.Prompt> prompts) {
        this.prompts = prompts;
    }

    public Report run(List<LabelledQuestion> questions) {
        List<Line> lines = new ArrayList<>();
        for (LabelledQuestion q : questions) {
            PromptBuilder.Prompt prompt = prompts.apply(q.question());
            boolean gold = q.answerable() && q.goldPassage() != null && prompt.user().contains(q.goldPassage());
            lines.add(new Line(q, prompt.system().length() + prompt.user().length(), gold));
        }
        return new Report(lines);
    }
}
