package herald.answer;

import herald.config.HeraldConfig;
import herald.retrieval.HybridRetriever;
import herald.retrieval.RetrievedPassage;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.smallrye.mutiny.Multi;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Answers a question: folds in the conversation, retrieves passages, then has the LLM answer from them,
 * or quotes them when the LLM is switched off or fails before its first token. Channels (REST, widget,
 * Slack) all come through here.
 */
@ApplicationScoped
public class QuestionAnswerer {

    private static final Logger LOG = Logger.getLogger(QuestionAnswerer.class);
    public static final int MAX_QUESTION_CHARS = 2000;
    private static final Pattern CITATION = Pattern.compile("\\[(\\d{1,2})\\]");

    private final HybridRetriever retriever;
    private final RetrievalOnlyAnswerer quoter;
    private final PromptBuilder prompts;
    private final NewsAssistant assistant;
    private final FollowUpRewriter rewriter;
    private final ConversationStore conversations;
    private final HeraldConfig.Answer settings;
    private final MeterRegistry metrics;
    private final Event<AnsweredQuestion> answered;
    private final AnswerCheck check;
    /** Until when the LLM is skipped after a failure (a simple circuit breaker). */
    private volatile Instant llmSkippedUntil = Instant.MIN;

    public QuestionAnswerer(HybridRetriever retriever, RetrievalOnlyAnswerer quoter, PromptBuilder prompts,
                            NewsAssistant assistant, FollowUpRewriter rewriter, ConversationStore conversations,
                            HeraldConfig config, MeterRegistry metrics, Event<AnsweredQuestion> answered,
                            AnswerCheck check) {
        this.retriever = retriever;
        this.quoter = quoter;
        this.prompts = prompts;
        this.assistant = assistant;
        this.rewriter = rewriter;
        this.conversations = conversations;
        this.settings = config.answer();
        this.metrics = metrics;
        this.answered = answered;
        this.check = check;
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
     * The answer as events: {@link AnswerEvent.Sources}, then {@link AnswerEvent.Token}s, then
     * {@link AnswerEvent.Done}. Retrieval runs before this returns, so call it from a worker thread.
     */
    public Multi<AnswerEvent> stream(Question question) {
        String q = validate(question.text());
        String conversationId = question.conversationId();
        String id = conversationId == null || conversationId.isBlank() ? ConversationStore.newId() : conversationId.strip();
        Timer.Sample started = Timer.start(metrics);
        long startedNanos = System.nanoTime();
        boolean llmMode = settings.mode() == HeraldConfig.Answer.Mode.LLM;
        boolean useLlm = llmMode && (Instant.now().isAfter(llmSkippedUntil) || !settings.fallbackToRetrievalOnly());
        AnswerReason quoteReason = llmMode ? AnswerReason.LLM_DOWN : AnswerReason.MODE_SETTING;

        List<Turn> history = conversations.history(id);
        String standalone = q;
        if (!history.isEmpty() && FollowUpRewriter.looksLikeFollowUp(q)) {
            standalone = useLlm ? rewriter.rewriteWithLlm(history, q, settings.timeout()) : FollowUpRewriter.combine(history, q);
        }
        HybridRetriever.Retrieval retrieval = retriever.search(standalone);
        List<RetrievedPassage> retrieved = retrieval.passages();
        String standaloneQuestion = standalone;

        Set<String> previousDocuments = history.isEmpty() ? Set.of() : history.get(history.size() - 1).citedDocuments();
        Multi<AnswerEvent> events = retrieval.windowEmpty()
                ? nothingInWindow(id, retrieval)
                : useLlm
                ? fromLlm(q, standaloneQuestion, id, retrieved, history, previousDocuments)
                : quoted(q, standaloneQuestion, id, retrieved, previousDocuments, quoteReason);
        return events.onItem().invoke(event -> {
            if (event instanceof AnswerEvent.Done done) {
                conversations.append(id, new Turn(q, standaloneQuestion, done.answer().answer(), cited(done.answer())));
                String mode = done.answer().mode().wire();
                metrics.counter("herald.questions", "mode", mode).increment();
                started.stop(metrics.timer("herald.answer.latency", "mode", mode));
                answered.fire(new AnsweredQuestion(question, standaloneQuestion, done.answer(),
                        java.time.Duration.ofNanos(System.nanoTime() - startedNanos)));
            }
        });
    }

    private Multi<AnswerEvent> fromLlm(String question, String standalone, String conversationId,
                                       List<RetrievedPassage> retrieved, List<Turn> history, Set<String> previousDocuments) {
        PromptBuilder.Prompt prompt = prompts.build(question, retrieved, history);
        List<Source> sources = prompt.sources();
        AtomicBoolean anyToken = new AtomicBoolean();
        StringBuilder text = new StringBuilder();

        Multi<AnswerEvent> tokens = assistant.answer(prompt.system(), prompt.user())
                .ifNoItem().after(settings.timeout()).failWith(() -> new java.util.concurrent.TimeoutException(
                        "no token from Ollama within " + settings.timeout()))
                .onItem().invoke(t -> {
                    anyToken.set(true);
                    text.append(t);
                })
                .onItem().transform(t -> (AnswerEvent) new AnswerEvent.Token(t));
        // the reader gets the checked answer as final: on the stream, done replaces what the tokens showed
        Multi<AnswerEvent> done = Multi.createFrom().deferred(() -> {
            AnswerCheck.Checked checked = check.check(text.toString().strip(), sources);
            if (checked.verdict() == AnswerCheck.Verdict.UNSUPPORTED) {
                return quoted(question, standalone, conversationId, retrieved, previousDocuments, AnswerReason.UNSUPPORTED)
                        .filter(e -> e instanceof AnswerEvent.Done);
            }
            return Multi.createFrom().item(new AnswerEvent.Done(Answer.of(checked.text(), conversationId, AnswerMode.LLM, null, sources)));
        });

        return Multi.createBy().concatenating().streams(
                        Multi.createFrom().item(new AnswerEvent.Sources(sources)), tokens, done)
                .onFailure().recoverWithMulti(failure -> {
                    llmSkippedUntil = Instant.now().plus(settings.retryAfter());
                    LOG.warnf("Ollama failed (%s)%s", failure.toString(), settings.fallbackToRetrievalOnly()
                            ? "; answering from the passages alone for the next " + settings.retryAfter().toSeconds() + " s" : "");
                    if (!settings.fallbackToRetrievalOnly()) {
                        return Multi.createFrom().failure(new LlmUnavailableException(failure));
                    }
                    if (anyToken.get()) {
                        // the reader already has part of the LLM's answer: finish it honestly rather than swap it
                        return Multi.createFrom().item(new AnswerEvent.Done(Answer.of(
                                text.toString().strip() + " … (the answer was cut off: the language model stopped responding)",
                                conversationId, AnswerMode.LLM, null, sources)));
                    }
                    // the sources event is already out; the done event carries the quoted answer's own sources
                    return quoted(question, standalone, conversationId, retrieved, previousDocuments, AnswerReason.LLM_DOWN)
                            .filter(e -> !(e instanceof AnswerEvent.Sources));
                });
    }

    private Multi<AnswerEvent> quoted(String question, String standalone, String conversationId,
                                      List<RetrievedPassage> retrieved, Set<String> previousDocuments, AnswerReason reason) {
        RetrievalOnlyAnswerer.Quote quote = quoter.answer(question, standalone, retrieved, previousDocuments);
        // a refusal still shows what was searched, so the reader can judge the refusal
        List<Source> sources = retrieved.stream().map(Source::of).toList();
        List<AnswerEvent> events = new ArrayList<>();
        events.add(new AnswerEvent.Sources(sources));
        for (String piece : quote.text().split("(?<=\\s)")) {
            events.add(new AnswerEvent.Token(piece));
        }
        events.add(new AnswerEvent.Done(Answer.of(quote.text(), conversationId, AnswerMode.RETRIEVAL_ONLY, reason, sources)));
        return Multi.createFrom().iterable(events);
    }

    /**
     * The question's time window holds nothing relevant: say so, and name (and cite) the newest relevant article
     * outside it, rather than answer "last week" from old news.
     */
    private Multi<AnswerEvent> nothingInWindow(String conversationId, HybridRetriever.Retrieval retrieval) {
        RetrievedPassage newest = retrieval.newestRelevant();
        String text = "The articles say nothing " + retrieval.time().windowLabel()
                + (newest == null ? "." : "; the newest on this is from " + RetrievalOnlyAnswerer.formatDay(newest.passage().publishedAt()) + " [1].");
        List<Source> sources = newest == null ? List.of() : List.of(Source.of(newest));
        return Multi.createFrom().items(new AnswerEvent.Sources(sources), new AnswerEvent.Token(text),
                new AnswerEvent.Done(Answer.of(text, conversationId, AnswerMode.RETRIEVAL_ONLY, AnswerReason.NOTHING_IN_WINDOW, sources)));
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
