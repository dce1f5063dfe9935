package herald.insight;

import herald.config.HeraldConfig;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/** Answer links in a Lucene index of their own under {@code herald.data-dir}/answer-links. */
public class LuceneAnswerLinks implements AnswerLinks {

    private static final String KEY = "key";
    private static final String ANSWER_ID = "answerId";
    private static final String AT = "linkedAt";

    private final LuceneFolder index;

    public LuceneAnswerLinks(HeraldConfig config) {
        this(config.dataDir().resolve("answer-links"));
    }

    LuceneAnswerLinks(Path folder) {
        this.index = new LuceneFolder(folder);
    }

    @Override
    public void link(String key, String answerId, Instant at) {
        Document document = new Document();
        document.add(new StringField(KEY, key, Field.Store.YES));
        document.add(new StoredField(ANSWER_ID, answerId));
        document.add(new LongPoint(AT, at.toEpochMilli()));
        index.write(writer -> writer.updateDocument(new Term(KEY, key), document));
    }

    @Override
    public Optional<String> answerId(String key) {
        return index.read(searcher -> {
            TopDocs hits = searcher.search(new TermQuery(new Term(KEY, key)), 1);
            return hits.scoreDocs.length == 0 ? Optional.empty()
                    : Optional.of(searcher.storedFields().document(hits.scoreDocs[0].doc).get(ANSWER_ID));
        });
    }

    @Override
    public long pruneBefore(Instant cutoff) {
        Query old = LongPoint.newRangeQuery(AT, Long.MIN_VALUE, cutoff.toEpochMilli() - 1);
        long count = index.read(searcher -> (long) searcher.count(old));
        if (count > 0) {
            index.write(writer -> writer.deleteDocuments(old));
        }
        return count;
    }

    public void close() {
        index.close();
    }
}
