package herald.index;

import dev.langchain4j.data.document.Metadata;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.store.embedding.EmbeddingMatch;
import dev.langchain4j.store.embedding.EmbeddingSearchRequest;
import dev.langchain4j.store.embedding.EmbeddingSearchResult;
import dev.langchain4j.store.embedding.EmbeddingStore;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The passage index seen through LangChain4j's {@link EmbeddingStore}, so LangChain4j components (an
 * {@code EmbeddingStoreIngestor}, an {@code EmbeddingStoreContentRetriever}) can use it, and another
 * store can take its place. Segments carry their article in metadata: {@code documentId},
 * {@code ordinal}, {@code title}, {@code source}, {@code publishedAt}.
 */
@ApplicationScoped
public class LuceneEmbeddingStore implements EmbeddingStore<TextSegment> {

    private final PassageIndex index;

    public LuceneEmbeddingStore(PassageIndex index) {
        this.index = index;
    }

    @Override
    public String add(Embedding embedding) {
        return add(embedding, TextSegment.from(""));
    }

    @Override
    public void add(String id, Embedding embedding) {
        addWithId(id, embedding, TextSegment.from(""));
    }

    @Override
    public String add(Embedding embedding, TextSegment segment) {
        String documentId = segment.metadata().getString("documentId");
        return addWithId(documentId == null ? UUID.randomUUID().toString() : documentId, embedding, segment);
    }

    @Override
    public List<String> addAll(List<Embedding> embeddings) {
        return embeddings.stream().map(this::add).toList();
    }

    @Override
    public List<String> addAll(List<Embedding> embeddings, List<TextSegment> segments) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < embeddings.size(); i++) {
            ids.add(add(embeddings.get(i), segments.get(i)));
        }
        return ids;
    }

    @Override
    public EmbeddingSearchResult<TextSegment> search(EmbeddingSearchRequest request) {
        List<EmbeddingMatch<TextSegment>> matches = new ArrayList<>();
        for (ScoredPassage s : index.nearest(request.queryEmbedding().vector(), request.maxResults(), 100)) {
            if (s.score() < request.minScore()) {
                continue;
            }
            IndexedPassage p = s.passage();
            Metadata metadata = new Metadata().put("documentId", p.documentId()).put("ordinal", p.ordinal())
                    .put("title", p.title());
            if (p.source() != null) {
                metadata.put("source", p.source());
            }
            if (p.publishedAt() != null) {
                metadata.put("publishedAt", p.publishedAt().toString());
            }
            matches.add(new EmbeddingMatch<>(s.score(), p.passageId(), null, TextSegment.from(p.text(), metadata)));
        }
        return new EmbeddingSearchResult<>(matches);
    }

    @Override
    public void removeAll(java.util.Collection<String> ids) {
        ids.forEach(id -> index.delete(id.contains("#") ? id.substring(0, id.indexOf('#')) : id));
    }

    private String addWithId(String documentId, Embedding embedding, TextSegment segment) {
        Metadata m = segment.metadata();
        Integer ordinal = m.getInteger("ordinal");
        String published = m.getString("publishedAt");
        IndexedPassage passage = new IndexedPassage(documentId, ordinal == null ? 0 : ordinal,
                m.getString("title") == null ? "" : m.getString("title"), m.getString("source"),
                published == null ? null : LocalDate.parse(published), segment.text());
        index.addPassage(passage, embedding.vector());
        return passage.passageId();
    }
}
