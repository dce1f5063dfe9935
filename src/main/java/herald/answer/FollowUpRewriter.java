package herald.answer;

import herald.llm.LlmEvent;
import herald.llm.LlmPool;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns a follow-up ("and after that?", "when was his previous visit there?") into a question that
 * retrieval can answer alone: by the LLM when it is available, else by joining it to the previous
 * standalone question, which keeps the names the follow-up only points at.
 */
@ApplicationScoped
public class FollowUpRewriter {

    private static final Logger LOG = Logger.getLogger(FollowUpRewriter.class);
    private static final Pattern REFERRING = Pattern.compile(
            "(?i)\\b(he|she|him|his|her|hers|they|them|their|it|its|there|that|this|those|these|then|the same|before|after|previous|next|also|else|other)\\b");
    private static final Pattern CONTINUING = Pattern.compile("(?i)^\\s*(and|but|so|or|what about|how about|also)\\b.*");
    private static final Set<String> QUESTION_WORDS = Set.of("what", "when", "where", "who", "why", "how", "which");

    private final LlmPool llm;
    private final PromptLibrary prompts;

    public FollowUpRewriter(LlmPool llm, PromptLibrary prompts) {
        this.llm = llm;
        this.prompts = prompts;
    }

    /** Whether a question leans on the conversation: pronouns, "and ...?", or too few words to stand alone. */
    public static boolean looksLikeFollowUp(String question) {
        long words = List.of(question.strip().split("\\s+")).stream()
                .filter(w -> !QUESTION_WORDS.contains(w.toLowerCase().replaceAll("\\W", ""))).count();
        return REFERRING.matcher(question).find() || CONTINUING.matcher(question).matches() || words <= 2;
    }

    /** The previous standalone question followed by the follow-up: no LLM needed. */
    public static String combine(List<Turn> history, String question) {
        return history.isEmpty() ? question : history.get(history.size() - 1).standaloneQuestion() + " " + question;
    }

    /**
     * The LLM's rewrite, or {@link #combine} when the LLM is down, busy, fails or answers nonsense. It waits in
     * the LLM queue like any generation, whose wait budget and time-outs bound this call.
     */
    public String rewriteWithLlm(List<Turn> history, String question) {
        if (!llm.available()) {
            return combine(history, question);
        }
        StringBuilder conversation = new StringBuilder();
        for (Turn t : history) {
            conversation.append("User: ").append(t.question()).append('\n')
                    .append("Herald: ").append(abbreviate(t.answer())).append('\n');
        }
        String prompt = PromptLibrary.fill(prompts.get(PromptLibrary.REWRITE_FOLLOW_UP),
                Map.of("history", conversation.toString().strip(), "question", question));
        try {
            String rewritten = String.join("", llm.generate(null, prompt)
                            .filter(e -> e instanceof LlmEvent.Token).map(e -> ((LlmEvent.Token) e).text())
                            .collect().asList().await().indefinitely())
                    .strip().lines().findFirst().orElse("").replaceAll("^\"|\"$", "").strip();
            if (rewritten.length() < 3 || rewritten.length() > 4 * Math.max(question.length(), 200)) {
                return combine(history, question);
            }
            return rewritten;
        } catch (RuntimeException e) {
            LOG.warnf("Follow-up rewriting by the LLM failed (%s); joining it to the previous question instead", e.toString());
            return combine(history, question);
        }
    }

    private static String abbreviate(String answer) {
        return answer.length() <= 300 ? answer : answer.substring(0, 300) + "…";
    }
}
