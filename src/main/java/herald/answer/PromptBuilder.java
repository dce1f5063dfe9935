package herald.answer;

import herald.config.HeraldConfig;
import herald.retrieval.RetrievedPassage;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Builds the user prompt within the context window: passages first (in rank order, as many as fit),
 * then as much recent history as is left. Ollama silently truncates a prompt longer than {@code num_ctx},
 * so the budget is kept here, with a conservative token estimate.
 */
@ApplicationScoped
public class PromptBuilder {

    /** English runs near 4 characters a token for llama-family tokenizers; 3.5 leaves a margin. */
    private static final double CHARS_PER_TOKEN = 3.5;
    /** Chat-template tokens Ollama adds around each message. */
    private static final int TEMPLATE_OVERHEAD = 64;

    private final PromptLibrary prompts;
    private final HeraldConfig.Answer settings;

    public PromptBuilder(PromptLibrary prompts, HeraldConfig config) {
        this.prompts = prompts;
        this.settings = config.answer();
    }

    /** The prompt and the passages it holds, numbered [1]..[n] in that order. */
    public record Prompt(String system, String user, List<RetrievedPassage> passages) {
    }

    public Prompt build(String question, List<RetrievedPassage> retrieved, List<Turn> history) {
        String system = prompts.get(PromptLibrary.SYSTEM);
        String template = prompts.get(PromptLibrary.ANSWER);
        int budget = settings.numCtx() - settings.answerTokens() - TEMPLATE_OVERHEAD
                - tokens(system) - tokens(template) - tokens(question);

        List<RetrievedPassage> included = new ArrayList<>();
        StringBuilder passages = new StringBuilder();
        for (RetrievedPassage r : retrieved) {
            String block = formatPassage(included.size() + 1, r);
            if (tokens(block) > budget && !included.isEmpty()) {
                break;
            }
            if (tokens(block) > budget) {
                // even one passage is too long for the window: keep its beginning rather than nothing
                block = block.substring(0, (int) Math.max(0, budget * CHARS_PER_TOKEN));
            }
            included.add(r);
            passages.append(block);
            budget -= tokens(block);
        }

        List<String> turns = new ArrayList<>();
        for (int i = history.size() - 1; i >= 0; i--) {
            Turn t = history.get(i);
            String turn = "User: " + t.question() + "\nHerald: " + t.answer() + "\n";
            if (tokens(turn) > budget) {
                break;
            }
            turns.add(0, turn);
            budget -= tokens(turn);
        }
        String historyText = turns.isEmpty() ? "" : "\nEarlier in this conversation:\n" + String.join("", turns);
        String user = PromptLibrary.fill(template, Map.of(
                "passages", passages.toString().strip(),
                "history", historyText,
                "question", question));
        return new Prompt(system, user, included);
    }

    static String formatPassage(int number, RetrievedPassage r) {
        var p = r.passage();
        String published = p.publishedAt() == null ? "date unknown" : "published " + p.publishedAt();
        String source = p.source() == null ? "" : ", " + p.source();
        return "[" + number + "] " + p.title() + " (" + published + source + ")\n" + p.text() + "\n\n";
    }

    static int tokens(String text) {
        return (int) Math.ceil(text.length() / CHARS_PER_TOKEN);
    }
}
