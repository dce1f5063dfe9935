package herald.answer;

import herald.config.HeraldConfig;
import herald.llm.LlmBusyException;
import herald.llm.LlmEvent;
import herald.llm.LlmPool;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/**
 * Has the LLM answer from the retrieved passages: builds the prompt, waits for a slot in {@link LlmPool}
 * (passing on where the question stands in the queue), streams the tokens, then checks the whole answer
 * ({@link AnswerCheck}) before the reader gets it as final. Quotes the passages instead when the LLM is busy
 * beyond the wait budget, fails before its first token, or says nothing the passages support. A checked LLM
 * answer is kept for reuse.
 */
@ApplicationScoped
public class LlmAnswerer {

    private final PromptBuilder prompts;
    private final LlmPool llm;
    private final AnswerCheck check;
    private final RetrievalOnlyAnswerer quoter;
    private final AnswerReuse reuse;
    private final HeraldConfig.Answer settings;

    public LlmAnswerer(PromptBuilder prompts, LlmPool llm, AnswerCheck check, RetrievalOnlyAnswerer quoter, AnswerReuse reuse,
                       HeraldConfig config) {
        this.prompts = prompts;
        this.llm = llm;
        this.check = check;
        this.quoter = quoter;
        this.reuse = reuse;
        this.settings = config.answer();
    }

    /** {@link AnswerEvent.Sources}, {@link AnswerEvent.Queued} while waiting, {@link AnswerEvent.Token}s, then {@link AnswerEvent.Done}. */
    Multi<AnswerEvent> answer(AskedQuestion asked) {
        PromptBuilder.Prompt prompt = prompts.build(asked.question(), asked.retrieved(), asked.history());
        List<Source> sources = prompt.sources();
        StringBuilder text = new StringBuilder();

        Multi<AnswerEvent> generated = llm.generate(prompt.system(), prompt.user()).onItem().transform(event -> {
            if (event instanceof LlmEvent.Queued queued) {
                return new AnswerEvent.Queued(queued.position(), queued.estimatedWait().toSeconds());
            }
            String token = ((LlmEvent.Token) event).text();
            text.append(token);
            return new AnswerEvent.Token(token);
        });
        // the reader gets the checked answer as final: on the stream, done replaces what the tokens showed
        Multi<AnswerEvent> done = Multi.createFrom().deferred(() -> {
            AnswerCheck.Checked checked = check.check(text.toString().strip(), sources);
            if (checked.verdict() == AnswerCheck.Verdict.UNSUPPORTED) {
                // the tokens already shown are the LLM's: the quote comes as the final answer alone
                return quoted(asked, AnswerReason.UNSUPPORTED).filter(e -> e instanceof AnswerEvent.Done);
            }
            Answer answer = Answer.of(checked.text(), asked.conversationId(), AnswerMode.LLM, null, sources);
            reuse.remember(asked.standalone(), asked.retrieved(), answer);
            return Multi.createFrom().item(new AnswerEvent.Done(answer));
        }).runSubscriptionOn(Infrastructure.getDefaultWorkerPool()); // it embeds and may write to Solr: not on the stream's event loop

        return Multi.createBy().concatenating().streams(Multi.createFrom().item(new AnswerEvent.Sources(sources)), generated, done)
                .onFailure().recoverWithMulti(failure -> {
                    if (!settings.fallbackToRetrievalOnly()) {
                        return Multi.createFrom().failure(new QuestionAnswerer.LlmUnavailableException(failure));
                    }
                    if (!text.isEmpty()) {
                        // the reader already has part of the LLM's answer: finish it honestly rather than swap it
                        return Multi.createFrom().item(new AnswerEvent.Done(Answer.of(
                                text.toString().strip() + " … (the answer was cut off: the language model stopped responding)",
                                asked.conversationId(), AnswerMode.LLM, null, sources)));
                    }
                    // the sources event is already out; the done event carries the quote's own sources
                    return quoted(asked, failure instanceof LlmBusyException ? AnswerReason.BUSY : AnswerReason.LLM_DOWN)
                            .filter(e -> !(e instanceof AnswerEvent.Sources));
                });
    }

    /** The quote's events. Quoting embeds sentences, so a worker does it, not the event loop or timer that got here. */
    private Multi<AnswerEvent> quoted(AskedQuestion asked, AnswerReason reason) {
        return Multi.createFrom().deferred(() -> Multi.createFrom().iterable(AnswerEvent.of(quoter.quote(asked, reason))))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }
}
