package herald.llm;

import herald.config.HeraldConfig;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkiverse.langchain4j.ollama.ChatResponse;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.subscription.Cancellable;
import io.smallrye.mutiny.subscription.MultiEmitter;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Admission control for the LLM. Each Ollama endpoint runs at most its slots; other generations wait in one
 * fair FIFO queue and start, on the least busy endpoint, as soon as a slot frees, so the LLM is never idle
 * while someone waits. A generation that would wait longer than {@code herald.answer.max-wait} (judged from
 * the queue and the recent generation time), or that has waited that long, fails with
 * {@link LlmBusyException} so the asker can be answered at once another way. A reader who leaves gives up
 * their place, or, once generating, has the Ollama request closed.
 */
@ApplicationScoped
public class LlmPool {

    private static final Logger LOG = Logger.getLogger(LlmPool.class);
    /** Weight of the newest generation in the typical generation time: recent enough to follow a load change. */
    private static final double RECENT_WEIGHT = 0.3;

    private final List<OllamaEndpoint> endpoints;
    private final HeraldConfig.Answer settings;
    private final Clock clock;
    private final MeterRegistry metrics;
    private final ScheduledThreadPoolExecutor timers = new ScheduledThreadPoolExecutor(1, runnable -> {
        Thread thread = new Thread(runnable, "llm-timers");
        thread.setDaemon(true);
        return thread;
    });

    // guarded by this
    private final Deque<Generation> queue = new ArrayDeque<>();
    private final Set<Generation> running = new HashSet<>();
    /** Typical time from sending a generation to its last token, in nanoseconds; 0 until one was measured. */
    private double typicalNanos;

    public LlmPool(LlmSettings llm, HeraldConfig config, Clock clock, MeterRegistry metrics,
                   @ConfigProperty(name = "quarkus.langchain4j.ollama.base-url", defaultValue = "http://localhost:11434") String baseUrl,
                   @ConfigProperty(name = "quarkus.langchain4j.ollama.chat-model.model-id", defaultValue = "llama3.2") String model,
                   @ConfigProperty(name = "quarkus.langchain4j.ollama.chat-model.temperature") Optional<Double> temperature) {
        this.settings = config.answer();
        this.clock = clock;
        this.metrics = metrics;
        timers.setRemoveOnCancelPolicy(true);
        OllamaEndpoint.Model sent = new OllamaEndpoint.Model(model, temperature.orElse(null), settings.numCtx(), settings.answerTokens());
        // Herald's own timers end a generation; the client's read timeout is only a backstop
        Duration readTimeout = max(settings.firstTokenTimeout(), settings.timeout()).plusSeconds(10);
        this.endpoints = llm.endpoints().orElse(List.of(baseUrl)).stream()
                .map(String::strip).filter(s -> !s.isEmpty())
                .map(entry -> endpoint(entry, llm.slots(), sent, readTimeout)).toList();
        if (endpoints.isEmpty()) {
            throw new IllegalArgumentException("herald.llm.endpoints lists no URL");
        }
        Gauge.builder("herald.llm.queue.length", this, LlmPool::waiting).description("Generations waiting for an LLM slot")
                .register(metrics);
        for (OllamaEndpoint e : endpoints) {
            Gauge.builder("herald.llm.generations.in.flight", this, pool -> pool.busy(e)).tag("endpoint", e.url())
                    .description("Generations an Ollama endpoint is running").register(metrics);
            Gauge.builder("herald.llm.slots", e, OllamaEndpoint::slots).tag("endpoint", e.url()).register(metrics);
        }
    }

    /** {@code http://host:11434} or {@code http://host:11434=4}. */
    static OllamaEndpoint endpoint(String entry, int defaultSlots, OllamaEndpoint.Model model, Duration readTimeout) {
        int eq = entry.lastIndexOf('=');
        if (eq > 0 && entry.substring(eq + 1).strip().matches("\\d+")) {
            int slots = Integer.parseInt(entry.substring(eq + 1).strip());
            if (slots < 1) {
                throw new IllegalArgumentException("An LLM endpoint needs at least one slot: " + entry);
            }
            return new OllamaEndpoint(entry.substring(0, eq).strip(), slots, model, readTimeout);
        }
        return new OllamaEndpoint(entry, Math.max(1, defaultSlots), model, readTimeout);
    }

    /**
     * The LLM's answer to a prompt: {@link LlmEvent.Queued} while it waits, then {@link LlmEvent.Token}s.
     * Fails with {@link LlmBusyException} (the wait budget), {@link LlmDownException} (every endpoint is
     * skipped), a {@link TimeoutException} or Ollama's own error. Cancelling leaves the queue or closes the
     * request to Ollama.
     */
    public Multi<LlmEvent> generate(String system, String user) {
        return Multi.createFrom().emitter(emitter -> {
            Generation g = new Generation(system, user, emitter);
            emitter.onTermination(() -> left(g));
            admit(g);
        });
    }

    /** Whether some endpoint is not skipped by its breaker (it may be busy). */
    public synchronized boolean available() {
        return anyUsable(clock.instant());
    }

    /** Whether some endpoint is not skipped by its breaker; called holding this pool's lock. */
    private boolean anyUsable(Instant now) {
        return endpoints.stream().anyMatch(e -> e.usable(now));
    }

    /** Each endpoint as readiness reports it. */
    public record EndpointStatus(String url, int slots, int inFlight, String state) {
    }

    public synchronized List<EndpointStatus> endpoints() {
        Instant now = clock.instant();
        return endpoints.stream().map(e -> new EndpointStatus(e.url(), e.slots(), e.busy(), e.state(now))).toList();
    }

    /** Whether the endpoint with this URL answers its model list (a network call: not under the lock). */
    public boolean reachable(String url) {
        return endpoints.stream().filter(e -> e.url().equals(url)).anyMatch(OllamaEndpoint::reachable);
    }

    /** One generation's life: queued, then running on an endpoint, then over (exactly once). */
    private static final class Generation {
        final String system;
        final String user;
        final MultiEmitter<? super LlmEvent> emitter;
        final long queuedAt = System.nanoTime();
        final AtomicBoolean over = new AtomicBoolean();
        OllamaEndpoint endpoint;
        long startedAt;
        int announcedPosition;
        /** Endpoints tried so far; callbacks of an earlier attempt are ignored. */
        volatile int attempts;
        volatile boolean wroteToken;
        /** Ollama sent its closing "done" line. */
        volatile boolean finished;
        volatile Cancellable request;
        volatile ScheduledFuture<?> timer;

        Generation(String system, String user, MultiEmitter<? super LlmEvent> emitter) {
            this.system = system;
            this.user = user;
            this.emitter = emitter;
        }

        void cancelTimer() {
            ScheduledFuture<?> t = timer;
            if (t != null) {
                t.cancel(false);
            }
        }
    }

    private void admit(Generation g) {
        List<Runnable> after = new ArrayList<>();
        synchronized (this) {
            Instant now = clock.instant();
            OllamaEndpoint free = queue.isEmpty() ? leastBusy(now) : null;
            if (!anyUsable(now)) {
                after.add(() -> end(g, new LlmDownException("every Ollama endpoint failed recently")));
            } else if (free != null) {
                after.add(start(g, free));
            } else {
                Duration estimate = waits(queue.size() + 1, now).get(queue.size());
                if (estimate.compareTo(settings.maxWait()) > 0) {
                    waited(g, "busy");
                    after.add(() -> end(g, new LlmBusyException("every LLM slot is taken for about " + estimate.toSeconds() + " s")));
                } else {
                    queue.add(g);
                    g.timer = timers.schedule(() -> waitedTooLong(g), settings.maxWait().toMillis(), TimeUnit.MILLISECONDS);
                    announce(now, after);
                }
            }
        }
        after.forEach(Runnable::run);
    }

    /** Takes a slot now (under the lock); the returned action sends the request (outside it). */
    private Runnable start(Generation g, OllamaEndpoint e) {
        e.started();
        running.add(g);
        g.endpoint = e;
        g.startedAt = System.nanoTime();
        int attempt = ++g.attempts;
        if (attempt == 1) {
            waited(g, "started");
        }
        return () -> {
            g.timer = timers.schedule(() -> failed(g, attempt, new TimeoutException("no token from Ollama within "
                    + settings.firstTokenTimeout())), settings.firstTokenTimeout().toMillis(), TimeUnit.MILLISECONDS);
            g.request = e.chat(g.system, g.user).subscribe().with(
                    response -> token(g, attempt, response),
                    failure -> failed(g, attempt, failure),
                    () -> completed(g, attempt));
            if (g.over.get()) {
                // the reader left while the request was being sent
                g.request.cancel();
            }
        };
    }

    private void token(Generation g, int attempt, ChatResponse response) {
        if (g.over.get() || g.attempts != attempt) {
            return;
        }
        g.cancelTimer();
        g.timer = timers.schedule(() -> failed(g, attempt, new TimeoutException("no token from Ollama for " + settings.timeout())),
                settings.timeout().toMillis(), TimeUnit.MILLISECONDS);
        if (Boolean.TRUE.equals(response.done())) {
            g.finished = true;
        }
        String text = response.message() == null ? null : response.message().content();
        if (text != null && !text.isEmpty()) {
            g.wroteToken = true;
            g.emitter.emit(new LlmEvent.Token(text));
        }
    }

    private void completed(Generation g, int attempt) {
        if (!g.finished) {
            // Ollama ends every answer with a "done" line; a stream without one is an error reply or a cut connection
            failed(g, attempt, new IllegalStateException("Ollama's reply ended without its final line"));
            return;
        }
        if (g.attempts != attempt || !g.over.compareAndSet(false, true)) {
            return;
        }
        g.cancelTimer();
        List<Runnable> after = new ArrayList<>();
        synchronized (this) {
            long took = System.nanoTime() - g.startedAt;
            typicalNanos = typicalNanos == 0 ? took : RECENT_WEIGHT * took + (1 - RECENT_WEIGHT) * typicalNanos;
            g.endpoint.succeeded();
            release(g);
            dispatch(clock.instant(), after);
        }
        g.emitter.complete();
        after.forEach(Runnable::run);
    }

    /**
     * Ollama failed or fell silent: its endpoint is skipped for retry-after. A generation that wrote nothing
     * yet goes back to the head of the queue for another endpoint; otherwise it fails.
     */
    private void failed(Generation g, int attempt, Throwable failure) {
        List<Runnable> after = new ArrayList<>();
        boolean failsNow;
        synchronized (this) {
            if (g.over.get() || g.attempts != attempt || !running.contains(g)) {
                return;
            }
            g.cancelTimer();
            Cancellable request = g.request;
            if (request != null) {
                after.add(request::cancel);
            }
            Instant now = clock.instant();
            OllamaEndpoint failedEndpoint = g.endpoint;
            failedEndpoint.failed(now, settings.retryAfter());
            release(g);
            LOG.warnf("Ollama at %s failed (%s); skipping it for %d s", failedEndpoint.url(), failure.toString(),
                    settings.retryAfter().toSeconds());
            boolean noneUsable = !anyUsable(now);
            failsNow = g.wroteToken || g.attempts >= endpoints.size() || noneUsable;
            if (failsNow) {
                g.over.set(true);
            } else {
                g.endpoint = null;
                g.request = null;
                queue.addFirst(g);
                g.timer = timers.schedule(() -> waitedTooLong(g), settings.maxWait().toMillis(), TimeUnit.MILLISECONDS);
            }
            if (noneUsable) {
                // nothing will free up before retry-after: the waiting are told now, not at the end of their budget
                for (Generation waiting : queue) {
                    waiting.cancelTimer();
                    waited(waiting, "down");
                    after.add(() -> end(waiting, new LlmDownException("every Ollama endpoint failed recently")));
                }
                queue.clear();
            } else {
                dispatch(now, after);
            }
        }
        if (failsNow) {
            g.emitter.fail(failure);
        }
        after.forEach(Runnable::run);
    }

    /** The reader went away (or the generation ended, then this does nothing). */
    private void left(Generation g) {
        if (!g.over.compareAndSet(false, true)) {
            return;
        }
        g.cancelTimer();
        List<Runnable> after = new ArrayList<>();
        synchronized (this) {
            if (g.endpoint == null) {
                if (queue.remove(g)) {
                    waited(g, "left");
                    announce(clock.instant(), after);
                }
            } else if (running.contains(g)) {
                release(g);
                dispatch(clock.instant(), after);
            }
        }
        Cancellable request = g.request;
        if (request != null) {
            // closes the HTTP request: Ollama stops generating for a reader who is gone
            request.cancel();
        }
        after.forEach(Runnable::run);
    }

    private void waitedTooLong(Generation g) {
        synchronized (this) {
            if (!queue.remove(g)) {
                return;
            }
            waited(g, "busy");
            List<Runnable> after = new ArrayList<>();
            announce(clock.instant(), after);
            after.add(() -> end(g, new LlmBusyException("waited " + settings.maxWait().toSeconds() + " s for an LLM slot")));
            timers.execute(() -> after.forEach(Runnable::run));
        }
    }

    private void end(Generation g, RuntimeException failure) {
        if (g.over.compareAndSet(false, true)) {
            g.emitter.fail(failure);
        }
    }

    private void release(Generation g) {
        if (running.remove(g)) {
            g.endpoint.ended();
        }
    }

    /** Starts waiting generations, oldest first, while an endpoint has a free slot; then tells the rest where they stand. */
    private void dispatch(Instant now, List<Runnable> after) {
        while (!queue.isEmpty()) {
            OllamaEndpoint free = leastBusy(now);
            if (free == null) {
                break;
            }
            Generation next = queue.poll();
            next.cancelTimer();
            after.add(start(next, free));
        }
        announce(now, after);
    }

    private void announce(Instant now, List<Runnable> after) {
        if (queue.isEmpty()) {
            return;
        }
        List<Duration> waits = waits(queue.size(), now);
        int position = 0;
        for (Generation g : queue) {
            position++;
            if (g.announcedPosition != position) {
                g.announcedPosition = position;
                LlmEvent.Queued queued = new LlmEvent.Queued(position, waits.get(position - 1));
                after.add(() -> g.emitter.emit(queued));
            }
        }
    }

    /**
     * Estimated waits of the first {@code n} places in the queue: each slot frees when its generation has run
     * the typical time, and each place takes the slot that frees first.
     */
    private List<Duration> waits(int n, Instant now) {
        PriorityQueue<Double> freeAt = new PriorityQueue<>();
        long nowNanos = System.nanoTime();
        for (OllamaEndpoint e : endpoints) {
            int capacity = e.capacity(now); // 0 for an endpoint its breaker skips
            for (int i = 0; i < capacity; i++) {
                freeAt.add(0.0);
            }
        }
        for (Generation g : running) {
            if (g.endpoint.usable(now)) {
                freeAt.add(Math.max(0, typicalNanos - (nowNanos - g.startedAt)));
            }
        }
        List<Duration> waits = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            double at = freeAt.isEmpty() ? 0 : freeAt.poll();
            waits.add(Duration.ofNanos((long) at));
            freeAt.add(at + typicalNanos);
        }
        return waits;
    }

    /** The endpoint with room and the smallest share of its slots in use. */
    private OllamaEndpoint leastBusy(Instant now) {
        OllamaEndpoint best = null;
        for (OllamaEndpoint e : endpoints) {
            if (e.capacity(now) > 0 && (best == null || (double) e.busy() / e.slots() < (double) best.busy() / best.slots())) {
                best = e;
            }
        }
        return best;
    }

    private void waited(Generation g, String outcome) {
        metrics.timer("herald.llm.queue.wait", "outcome", outcome).record(System.nanoTime() - g.queuedAt, TimeUnit.NANOSECONDS);
    }

    private synchronized int waiting() {
        return queue.size();
    }

    private synchronized int busy(OllamaEndpoint e) {
        return e.busy();
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    @PreDestroy
    void shutdown() {
        timers.shutdownNow();
    }
}
