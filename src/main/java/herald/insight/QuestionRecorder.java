package herald.insight;

import herald.answer.AnsweredQuestion;
import herald.answer.Source;
import herald.config.HeraldConfig;
import herald.retrieval.CachedEmbeddings;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes each answered question to the question log, off the answer's path: the answer event only
 * queues it, one writer thread embeds and stores what has queued up in one commit. Also remembers the
 * ids of recent answers, so a rating can be checked against them before the log has them (or when the
 * log is off), and prunes the log, the ratings and the answer links once a day.
 */
@ApplicationScoped
public class QuestionRecorder {

    private static final Logger LOG = Logger.getLogger(QuestionRecorder.class);
    private static final Pattern CITATION = Pattern.compile("\\[(\\d{1,2})\\]");
    /** Answers waiting to be written; beyond that the log drops questions (and says so) rather than hold memory. */
    private static final int QUEUE = 10_000;
    /** About 100 bytes each: the answers readers can rate without a look-up in the log. */
    private static final int RECENT_ANSWERS = 100_000;
    /** An answer reaches a shared log about a second after it is given (one embedding, one batched write). */
    private static final Duration OTHER_REPLICA_LAG = Duration.ofSeconds(3);
    private static final Duration LOOK_AGAIN = Duration.ofMillis(250);

    private final QuestionLog log;
    private final FeedbackStore feedback;
    private final AnswerLinks links;
    private final CachedEmbeddings embeddings;
    private final QuestionsSettings settings;
    private final String queryInstruction;
    private final Clock clock;
    private final BlockingQueue<LoggedQuestion> pending = new ArrayBlockingQueue<>(QUEUE);
    private final Set<String> recent = Collections.newSetFromMap(new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > RECENT_ANSWERS;
        }
    });
    private final Thread writer;
    /** Questions queued and questions written (or given up on), so {@link #flush} knows when the queue is through. */
    private final java.util.concurrent.atomic.AtomicLong queued = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.concurrent.atomic.AtomicLong written = new java.util.concurrent.atomic.AtomicLong();
    private volatile LocalDate prunedOn;

    public QuestionRecorder(QuestionLog log, FeedbackStore feedback, AnswerLinks links, CachedEmbeddings embeddings, QuestionsSettings settings,
                            HeraldConfig config, Clock clock) {
        this.log = log;
        this.feedback = feedback;
        this.links = links;
        this.embeddings = embeddings;
        this.settings = settings;
        this.queryInstruction = config.retrieval().queryInstruction();
        this.clock = clock;
        this.writer = new Thread(this::writeLoop, "question-log");
        writer.setDaemon(true);
        writer.start();
    }

    void answered(@Observes AnsweredQuestion answered) {
        try {
            synchronized (recent) {
                recent.add(answered.answer().answerId());
            }
            if (!settings.log()) {
                return;
            }
            if (pending.offer(entry(answered))) {
                queued.incrementAndGet();
            } else {
                LOG.warnf("The question log is %d questions behind: question %s not logged", QUEUE, answered.answer().answerId());
            }
        } catch (RuntimeException e) {
            // the reader has the answer; the log must never take it away
            LOG.errorf(e, "Could not log question %s", answered.answer().answerId());
        }
    }

    /** Whether an answer with this id was given (recently, or as the log remembers). */
    public boolean known(String answerId) {
        synchronized (recent) {
            if (recent.contains(answerId)) {
                return true;
            }
        }
        if (log.find(answerId).isPresent()) {
            return true;
        }
        return log.sharedWithOtherReplicas() && settings.log() && awaitLogged(log, answerId, OTHER_REPLICA_LAG, LOOK_AGAIN);
    }

    /**
     * Looks the answer up again until {@code lag} has passed: a reader who rates at once, through another
     * replica than the one that answered, would otherwise be told the answer does not exist. Unknown ids
     * pay the wait too, which the readers' rate limit on ratings bounds.
     */
    static boolean awaitLogged(QuestionLog log, String answerId, Duration lag, Duration step) {
        long deadline = System.nanoTime() + lag.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                Thread.sleep(step.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
            if (log.find(answerId).isPresent()) {
                return true;
            }
        }
        return false;
    }

    private LoggedQuestion entry(AnsweredQuestion answered) {
        var answer = answered.answer();
        List<Source> sources = answer.sources() == null ? List.of() : answer.sources();
        Set<Integer> cited = new LinkedHashSet<>();
        Matcher m = CITATION.matcher(answer.answer() == null ? "" : answer.answer());
        while (m.find()) {
            int n = Integer.parseInt(m.group(1));
            if (n >= 1 && n <= sources.size()) {
                cited.add(n - 1);
            }
        }
        // a refusal cites nothing; what it searched is what the newsroom wants to see
        List<Source> named = cited.isEmpty() && answered.refused() ? sources : cited.stream().map(sources::get).toList();
        Map<String, LoggedQuestion.LoggedArticle> articles = new LinkedHashMap<>();
        for (Source s : named) {
            articles.putIfAbsent(s.documentId(), new LoggedQuestion.LoggedArticle(s.documentId(), s.title()));
        }
        String question = answered.question().text() == null ? "" : answered.question().text().strip();
        return new LoggedQuestion(answer.answerId(), clock.instant(), answered.question().channel(), question,
                answered.standaloneQuestion(), answer.mode(), answer.reason(), answered.refused(), answer.answer(),
                List.copyOf(articles.values()), answered.latency().toMillis(), null);
    }

    private void writeLoop() {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                LoggedQuestion first = pending.poll(1, TimeUnit.SECONDS);
                if (first == null) {
                    continue;
                }
                List<LoggedQuestion> batch = new ArrayList<>();
                batch.add(first);
                pending.drainTo(batch, 500);
                write(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void write(List<LoggedQuestion> batch) {
        try {
            List<float[]> vectors = embeddings.embedAll(batch.stream().map(q -> queryInstruction + q.standaloneQuestion()).toList());
            List<LoggedQuestion> withVectors = new ArrayList<>(batch.size());
            for (int i = 0; i < batch.size(); i++) {
                LoggedQuestion q = batch.get(i);
                withVectors.add(new LoggedQuestion(q.answerId(), q.askedAt(), q.channel(), q.question(), q.standaloneQuestion(),
                        q.mode(), q.reason(), q.refused(), q.answer(), q.articles(), q.latencyMillis(), vectors.get(i)));
            }
            log.append(withVectors);
            pruneOncePerDay();
        } catch (RuntimeException e) {
            LOG.errorf(e, "Could not write %d questions to the question log", batch.size());
        } finally {
            written.addAndGet(batch.size());
        }
    }

    /** Called at the first write of each day: the log never holds more than a day past its retention. */
    synchronized void pruneOncePerDay() {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        if (today.equals(prunedOn)) {
            return;
        }
        Instant cutoff = clock.instant().minus(settings.retention());
        long questions = log.pruneBefore(cutoff);
        long ratings = feedback.pruneBefore(cutoff);
        links.pruneBefore(cutoff);
        prunedOn = today;
        if (questions + ratings > 0) {
            LOG.infof("Pruned %d questions and %d ratings older than %s", questions, ratings, cutoff);
        }
    }

    /** Waits until everything queued so far is written; for tests and an orderly shutdown. */
    public void flush() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        long target = queued.get();
        while (written.get() < target && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @PreDestroy
    void stop() {
        flush();
        writer.interrupt();
    }
}
