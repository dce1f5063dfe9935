package herald.slack;

import herald.answer.Channel;
import herald.api.RateLimiter;
import herald.answer.Question;
import herald.answer.QuestionAnswerer;
import herald.insight.FeedbackService;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Answers Slack questions off the request thread, so Slack gets its acknowledgement within 3 seconds
 * however slow the LLM is. A fixed number of workers with a bounded queue: when the queue is full the
 * asker is told Herald is busy, rather than the question being lost or memory growing without limit.
 */
@ApplicationScoped
public class SlackAnswerQueue {

    private static final Logger LOG = Logger.getLogger(SlackAnswerQueue.class);
    /** Busy notices are one quick Slack call each; a short queue of them is plenty. */
    private static final int MAX_PENDING_NOTICES = 100;

    private final QuestionAnswerer answerer;
    private final RateLimiter limits;
    private final SlackAnswerPoster poster;
    private final SlackMessageFormatter formatter;
    private final FeedbackService feedback;
    private final ThreadPoolExecutor workers;
    private final ThreadPoolExecutor notices;

    public SlackAnswerQueue(QuestionAnswerer answerer, RateLimiter limits, SlackAnswerPoster poster,
                            SlackMessageFormatter formatter, FeedbackService feedback, SlackSettings settings) {
        this.answerer = answerer;
        this.limits = limits;
        this.poster = poster;
        this.formatter = formatter;
        this.feedback = feedback;
        this.workers = new ThreadPoolExecutor(settings.workers(), settings.workers(), 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(Math.max(1, settings.queueSize())), named("slack-answer"));
        this.notices = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(MAX_PENDING_NOTICES), named("slack-notice"));
    }

    /** Answers in the question's thread (or DM); when every worker is taken and the queue is full, says so there. */
    public void answerInSlack(SlackQuestion question) {
        RateLimiter.Decision decision = limits.take("slack:" + question.user(), "slack");
        if (!decision.allowed()) {
            notify(() -> poster.post(question.channel(), question.replyThreadTs(), formatter.slowDown(decision.retryAfterSeconds())));
            return;
        }
        try {
            workers.execute(() -> answerInThread(question));
        } catch (RejectedExecutionException full) {
            LOG.warnf("Slack question queue full (%d waiting): telling the asker in %s", workers.getQueue().size(), question.channel());
            notify(() -> poster.post(question.channel(), question.replyThreadTs(), formatter.busy()));
        }
    }

    /** Answers a slash command through its response_url; false when the queue is full (the caller says so at once). */
    public boolean answerThroughResponseUrl(String question, String responseUrl) {
        try {
            workers.execute(() -> poster.respond(responseUrl, reply(question, null)));
            return true;
        } catch (RejectedExecutionException full) {
            LOG.warnf("Slack question queue full (%d waiting): refusing a slash command", workers.getQueue().size());
            return false;
        }
    }

    private void answerInThread(SlackQuestion question) {
        boolean marked = poster.markWorking(question.channel(), question.messageTs());
        SlackMessage reply = reply(question.text(), question.conversationId());
        if (marked) {
            poster.unmarkWorking(question.channel(), question.messageTs());
        }
        poster.post(question.channel(), question.replyThreadTs(), reply).ifPresent(ts -> {
            if (reply.answerId() != null) {
                linkForReactions(question.channel(), ts, reply.answerId());
            }
        });
    }

    /** So that a :+1: or :-1: on the answer's message rates the answer ({@link SlackReactions}). */
    private void linkForReactions(String channel, String ts, String answerId) {
        try {
            feedback.linkMessage(SlackReactions.reference(channel, ts), answerId);
        } catch (RuntimeException e) {
            LOG.warnf("Reactions to the answer in %s cannot be counted: %s", channel, e.toString());
        }
    }

    /** The answer, or a short friendly message saying why there is none: Slack users never get silence. */
    private SlackMessage reply(String question, String conversationId) {
        // the LLM's AI service may be request scoped; a worker thread has no request of its own
        ManagedContext requestContext = Arc.container().requestContext();
        requestContext.activate();
        try {
            return formatter.answer(answerer.ask(new Question(question, conversationId, Channel.SLACK)));
        } catch (IllegalArgumentException e) {
            return formatter.invalidQuestion(e.getMessage());
        } catch (QuestionAnswerer.LlmUnavailableException e) {
            LOG.warnf("Slack question not answered: %s", e.getMessage());
            return formatter.llmUnavailable();
        } catch (RuntimeException e) {
            LOG.error("Slack question failed", e);
            return formatter.failure();
        } finally {
            requestContext.terminate();
        }
    }

    private void notify(Runnable notice) {
        try {
            notices.execute(notice);
        } catch (RejectedExecutionException e) {
            LOG.errorf("Herald is overloaded: %d busy notices waiting; a Slack question went unanswered", notices.getQueue().size());
        }
    }

    private static ThreadFactory named(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    @PreDestroy
    void shutdown() {
        for (ExecutorService executor : new ExecutorService[] {workers, notices}) {
            executor.shutdownNow();
        }
    }
}
