package herald.answer;

import herald.config.HeraldConfig;
import herald.retrieval.HybridRetriever;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.smallrye.mutiny.Multi;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Answers a question: folds in the conversation, retrieves passages, then reuses an earlier answer to the
 * same question on the same passages, has the LLM answer ({@link LlmAnswerer}), or quotes the passages when
 * the LLM is switched off or the question's time window holds nothing. Channels (REST, widget, Slack) all come through here.
 */
@ApplicationScoped
public class QuestionAnswerer {

    public static final int MAX_QUESTION_CHARS = 2000;
    private static final Pattern CITATION = Pattern.compile("\\[(\\d{1,2})\\]");

    private final HybridRetriever retriever;
    private final RetrievalOnlyAnswerer quoter;
    private final LlmAnswerer llm;
    private final FollowUpRewriter rewriter;
    private final ConversationStore conversations;
    private final AnswerReuse reuse;
    private final HeraldConfig.Answer settings;
    private final MeterRegistry metrics;
    private final Event<AnsweredQuestion> answered;

    public QuestionAnswerer(HybridRetriever retriever, RetrievalOnlyAnswerer quoter, LlmAnswerer llm, FollowUpRewriter rewriter,
                            ConversationStore conversations, AnswerReuse reuse, HeraldConfig config, MeterRegistry metrics,
                            Event<AnsweredQuestion> answered) {
        this.retriever = retriever;
        this.quoter = quoter;
        this.llm = llm;
        this.rewriter = rewriter;
        this.conversations = conversations;
        this.reuse = reuse;
        this.settings = config.answer();
        this.metrics = metrics;
        this.answered = answered;
    }

    /** Raised when the LLM failed and quoting instead is switched off. */
    public static class LlmUnavailableException extends RuntimeException {
        public LlmUnavailableException(Throwable cause) {
            super("The language model is not available: " + cause.getMessage(), cause);
        }
    }

    /** The whole answer at once, asked over REST. Blocks: call from a worker thread. */
    public Answer ask(String question, String conversationId) {
        return ask(Question.rest(question, conversationId));
    }

    /** The whole answer at once. Blocks: call from a worker thread. */
    public Answer ask(Question question) {
        List<AnswerEvent> events = stream(question).collect().asList().await().indefinitely();
        return ((AnswerEvent.Done) events.get(events.size() - 1)).answer();
    }

    /**
     * The answer as events: {@link AnswerEvent.Sources}, {@link AnswerEvent.Queued} while the LLM is busy,
     * then {@link AnswerEvent.Token}s, then {@link AnswerEvent.Done}. Retrieval runs before this returns, so
     * call it from a worker thread.
     */
    public Multi<AnswerEvent> stream(Question question) {
        String q = validate(question.text());
        String conversationId = question.conversationId();
        String id = conversationId == null || conversationId.isBlank() ? ConversationStore.newId() : conversationId.strip();
        Timer.Sample started = Timer.start(metrics);
        long startedNanos = System.nanoTime();
        boolean llmMode = settings.mode() == HeraldConfig.Answer.Mode.LLM;

        List<Turn> history = conversations.history(id);
        String standalone = q;
        if (!history.isEmpty() && FollowUpRewriter.looksLikeFollowUp(q)) {
            standalone = llmMode ? rewriter.rewriteWithLlm(history, q) : FollowUpRewriter.combine(history, q);
        }
        HybridRetriever.Retrieval retrieval = retriever.search(standalone);
        AskedQuestion asked = new AskedQuestion(q, standalone, id, retrieval.passages(), history, retrieval.appliedWindow());
        Multi<AnswerEvent> events = retrieval.windowEmpty()
                ? Multi.createFrom().iterable(AnswerEvent.of(quoter.nothingInWindow(id, retrieval)))
                : !llmMode
                ? Multi.createFrom().iterable(AnswerEvent.of(quoter.quote(asked, AnswerReason.MODE_SETTING)))
                : reuse.find(standalone, asked.retrieved(), id).map(a -> Multi.createFrom().iterable(AnswerEvent.of(a)))
                        .orElseGet(() -> llm.answer(asked));
        return events.onItem().invoke(event -> {
            if (event instanceof AnswerEvent.Done done) {
                Answer answer = done.answer();
                conversations.append(id, new Turn(q, asked.standalone(), answer.answer(), cited(answer)));
                String mode = answer.mode().wire();
                metrics.counter("herald.questions", "mode", mode, "reason", answer.reason() == null ? "none" : answer.reason().wire())
                        .increment();
                started.stop(metrics.timer("herald.answer.latency", "mode", mode));
                answered.fire(new AnsweredQuestion(question, asked.standalone(), answer, Duration.ofNanos(System.nanoTime() - startedNanos)));
            }
        });
    }

    /** The articles an answer cites with [n] markers. */
    static Set<String> cited(Answer answer) {
        Set<String> documents = new LinkedHashSet<>();
        Matcher m = CITATION.matcher(answer.answer());
        while (m.find()) {
            int n = Integer.parseInt(m.group(1));
            if (n >= 1 && n <= answer.sources().size()) {
                documents.add(answer.sources().get(n - 1).documentId());
            }
        }
        return documents;
    }

    static String validate(String question) {
        if (question == null || question.isBlank()) {
            throw new IllegalArgumentException("The question is empty");
        }
        String q = question.strip();
        if (q.length() > MAX_QUESTION_CHARS) {
            throw new IllegalArgumentException("The question is longer than " + MAX_QUESTION_CHARS + " characters");
        }
        return q;
    }
}
