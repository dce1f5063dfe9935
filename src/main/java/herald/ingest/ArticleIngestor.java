package herald.ingest;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import herald.config.HeraldConfig;
import herald.index.Article;
import herald.index.Passage;
import herald.index.PassageIndex;
import herald.index.Sha256;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * clean → split → embed → store, for one article at a time. An article with a URL replaces the earlier
 * version at that URL in one step; the same text is stored once, whatever URLs it arrives under.
 */
@ApplicationScoped
public class ArticleIngestor {

    private static final Logger LOG = Logger.getLogger(ArticleIngestor.class);
    static final int MAX_TITLE_CHARS = ArticleReader.MAX_TITLE_CHARS;
    static final int MAX_SOURCE_CHARS = 200;
    static final int DEFAULT_MAX_PASSAGES = 500;

    private final PassageIndex index;
    private final PassageSplitter splitter;
    private final EmbeddingModel embeddings;
    private final int maxPassages;
    private final Consumer<ArticleChanged> changes;
    private final Clock clock;

    @Inject
    public ArticleIngestor(PassageIndex index, PassageSplitter splitter, EmbeddingModel embeddings, HeraldConfig config,
                           Event<ArticleChanged> changes, Clock clock) {
        this(index, splitter, embeddings, config.ingest().maxPassages(), changes::fire, clock);
    }

    /** Outside CDI (the folder command, tests): changes go to {@code changes}. */
    public ArticleIngestor(PassageIndex index, PassageSplitter splitter, EmbeddingModel embeddings,
                           Consumer<ArticleChanged> changes, Clock clock) {
        this(index, splitter, embeddings, DEFAULT_MAX_PASSAGES, changes, clock);
    }

    ArticleIngestor(PassageIndex index, PassageSplitter splitter, EmbeddingModel embeddings, int maxPassages,
                    Consumer<ArticleChanged> changes, Clock clock) {
        this.index = index;
        this.splitter = splitter;
        this.embeddings = embeddings;
        this.maxPassages = maxPassages;
        this.changes = changes;
        this.clock = clock;
    }

    /** Outside CDI, where nothing listens for changes. */
    public ArticleIngestor(PassageIndex index, PassageSplitter splitter, EmbeddingModel embeddings) {
        this(index, splitter, embeddings, change -> { }, Clock.systemUTC());
    }

    /** What ingesting did to the index. */
    public enum Outcome {
        /** A new article. */
        ADDED,
        /** The article at this URL changed and its new version replaced the old one. */
        UPDATED,
        /** The index already held this text (under this or another URL), or this version of the article. */
        UNCHANGED
    }

    /** The outcome of one ingestion: the article as held now, and what happened. */
    public record Ingested(Article article, Outcome outcome) {
        public boolean created() {
            return outcome == Outcome.ADDED;
        }
    }

    /**
     * Ingests an article unless the index already holds the same text; an article whose URL the index holds
     * replaces the held version when its text changed or it says it was modified since.
     *
     * @throws IllegalArgumentException when the draft has no title or no article text after cleaning
     * @throws UnprocessableArticleException when the text is longer than {@code herald.ingest.max-passages}
     */
    public Ingested ingest(ArticleDraft draft) {
        // what a reader cannot see (NUL, bidi overrides) must not reach titles, sources or passages
        String title = draft.title() == null ? "" : TextSanitizer.line(draft.title());
        if (title.isEmpty()) {
            throw new IllegalArgumentException("The article needs a title");
        }
        if (title.length() > MAX_TITLE_CHARS) {
            throw new IllegalArgumentException("The title is longer than " + MAX_TITLE_CHARS + " characters");
        }
        String source = blankToNull(TextSanitizer.line(draft.source()));
        if (source != null && source.length() > MAX_SOURCE_CHARS) {
            throw new IllegalArgumentException("The source is longer than " + MAX_SOURCE_CHARS + " characters");
        }
        String text = ArticleCleaner.clean(title, draft.text() == null ? "" : TextSanitizer.text(draft.text()));
        if (text.isBlank()) {
            throw new IllegalArgumentException("The article has no text once share buttons and related links are removed");
        }
        String hash = contentId(text);
        String url = draft.url() == null || draft.url().isBlank() ? null : ArticleUrl.normalize(draft.url());
        String id = url == null ? hash : urlId(url);
        Optional<Ingested> settled = settled(index.find(id), hash, draft);
        if (settled.isPresent()) {
            return settled.get();
        }
        // embedding, the slow part, runs outside the lock so concurrent ingestions overlap on the cores
        List<Passage> passages = splitter.split(text);
        if (passages.size() > maxPassages) {
            throw new UnprocessableArticleException("The article is too long: " + passages.size() + " passages, and Herald takes "
                    + "at most " + maxPassages + " (herald.ingest.max-passages); split it into several articles");
        }
        List<TextSegment> segments = passages.stream()
                .map(p -> TextSegment.from(embeddingText(title, p.text())))
                .toList();
        List<float[]> vectors = embeddings.embedAll(segments).content().stream().map(e -> e.vector()).toList();
        Outcome outcome;
        Article article;
        // serialized so two concurrent uploads of one text cannot both be stored
        synchronized (this) {
            Optional<Article> previous = index.find(id);
            settled = settled(previous, hash, draft);
            if (settled.isPresent()) {
                return settled.get();
            }
            Instant updatedAt = previous.isEmpty() ? draft.updatedAt()
                    : draft.updatedAt() != null ? draft.updatedAt() : clock.instant();
            article = new Article(id, title, text, source,
                    draft.publishedAt() != null || previous.isEmpty() ? draft.publishedAt() : previous.get().publishedAt(),
                    passages.size(), url, updatedAt, hash);
            // the same id: the index swaps the old version for the new one in one step
            index.add(article, passages, vectors);
            outcome = previous.isPresent() ? Outcome.UPDATED : Outcome.ADDED;
        }
        LOG.infof("%s \"%s\" (%s): %d passages", outcome == Outcome.ADDED ? "Ingested" : "Replaced", title, id, passages.size());
        changes.accept(new ArticleChanged(id, url, outcome == Outcome.ADDED ? ArticleChanged.Change.ADDED : ArticleChanged.Change.REPLACED));
        return new Ingested(article, outcome);
    }

    /** Removes an article and its passages; false when the index did not hold it. */
    public boolean delete(String id) {
        Optional<Article> held = index.find(id);
        if (!index.delete(id)) {
            return false;
        }
        changes.accept(new ArticleChanged(id, held.map(Article::url).orElse(null), ArticleChanged.Change.DELETED));
        return true;
    }

    /** The answer when nothing needs storing: this version is held, or the same text is held elsewhere. */
    private Optional<Ingested> settled(Optional<Article> held, String hash, ArticleDraft draft) {
        if (held.isPresent()) {
            Article a = held.get();
            boolean newerDate = draft.updatedAt() != null && (a.updatedAt() == null || draft.updatedAt().isAfter(a.updatedAt()));
            boolean newPublicationDate = draft.publishedAt() != null && !draft.publishedAt().equals(a.publishedAt());
            if (hash.equals(a.contentHash()) && !newerDate && !newPublicationDate) {
                return Optional.of(new Ingested(a, Outcome.UNCHANGED));
            }
            return Optional.empty();
        }
        return index.findByContentHash(hash).map(a -> new Ingested(a, Outcome.UNCHANGED));
    }

    /** The id the draft's article has or would have once ingested: its URL's when it has one, else the hash of its cleaned text. */
    public String idOf(ArticleDraft draft) {
        if (draft.url() != null && !draft.url().isBlank()) {
            return urlId(ArticleUrl.normalize(draft.url()));
        }
        String title = draft.title() == null ? "" : TextSanitizer.line(draft.title());
        return contentId(ArticleCleaner.clean(title, draft.text() == null ? "" : TextSanitizer.text(draft.text())));
    }

    /** The title travels with each passage's embedding: it tells competing articles' passages apart. */
    static String embeddingText(String title, String passage) {
        return title + "\n" + passage;
    }

    /** Hash of the cleaned text, ignoring case and spacing, so trivial re-formatting is still a duplicate. */
    static String contentId(String text) {
        return sha256(text.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip());
    }

    /** An article with a URL keeps its id while its text changes. */
    static String urlId(String normalizedUrl) {
        return sha256("url:" + normalizedUrl);
    }

    /** Article ids are 16 hex digits. */
    private static String sha256(String value) {
        return Sha256.hex(value, 8);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
