package herald.ingest;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import herald.config.HeraldConfig;
import herald.index.Article;
import herald.index.Passage;
import herald.index.PassageIndex;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** clean → split → embed → store, for one article at a time. */
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

    @Inject
    public ArticleIngestor(PassageIndex index, PassageSplitter splitter, EmbeddingModel embeddings, HeraldConfig config) {
        this(index, splitter, embeddings, config.ingest().maxPassages());
    }

    public ArticleIngestor(PassageIndex index, PassageSplitter splitter, EmbeddingModel embeddings) {
        this(index, splitter, embeddings, DEFAULT_MAX_PASSAGES);
    }

    ArticleIngestor(PassageIndex index, PassageSplitter splitter, EmbeddingModel embeddings, int maxPassages) {
        this.index = index;
        this.splitter = splitter;
        this.embeddings = embeddings;
        this.maxPassages = maxPassages;
    }

    /** The outcome of one ingestion: the article and whether it was new. */
    public record Ingested(Article article, boolean created) {
    }

    /**
     * Ingests an article unless the index already holds the same text.
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
        String id = contentId(text);
        Optional<Article> existing = index.find(id);
        if (existing.isPresent()) {
            return new Ingested(existing.get(), false);
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
        Article article = new Article(id, title, text, source, draft.publishedAt(), passages.size());
        // serialized so two concurrent uploads of one text cannot both be stored
        synchronized (this) {
            existing = index.find(id);
            if (existing.isPresent()) {
                return new Ingested(existing.get(), false);
            }
            index.add(article, passages, vectors);
        }
        LOG.infof("Ingested \"%s\" (%s): %d passages", title, id, passages.size());
        return new Ingested(article, true);
    }

    /** The id the draft's article has or would have once ingested: the hash of its cleaned text. */
    public String idOf(ArticleDraft draft) {
        String title = draft.title() == null ? "" : TextSanitizer.line(draft.title());
        return contentId(ArticleCleaner.clean(title, draft.text() == null ? "" : TextSanitizer.text(draft.text())));
    }

    /** The title travels with each passage's embedding: it tells competing articles' passages apart. */
    static String embeddingText(String title, String passage) {
        return title + "\n" + passage;
    }

    /** Hash of the cleaned text, ignoring case and spacing, so trivial re-formatting is still a duplicate. */
    static String contentId(String text) {
        try {
            String normalized = text.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(normalized.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
