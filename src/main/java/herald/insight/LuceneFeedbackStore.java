package herald.insight;

import herald.config.HeraldConfig;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Readers' ratings in a Lucene index of their own under {@code herald.data-dir}/feedback. */
public class LuceneFeedbackStore implements FeedbackStore {

    private static final String KEY = "key";
    private static final String ANSWER_ID = "answerId";
    private static final String VOTER = "voter";
    private static final String RATING = "rating";
    private static final String COMMENT = "comment";
    private static final String RATED_AT = "ratedAt";

    private final LuceneFolder index;

    public LuceneFeedbackStore(HeraldConfig config) {
        this(config.dataDir().resolve("feedback"));
    }

    LuceneFeedbackStore(Path folder) {
        this.index = new LuceneFolder(folder);
    }

    @Override
    public void rate(Feedback feedback) {
        Document document = new Document();
        String key = feedback.answerId() + "/" + feedback.voter();
        document.add(new StringField(KEY, key, Field.Store.NO));
        document.add(new StringField(ANSWER_ID, feedback.answerId(), Field.Store.YES));
        document.add(new StoredField(VOTER, feedback.voter()));
        document.add(new StoredField(RATING, feedback.rating().wire()));
        if (feedback.comment() != null) {
            document.add(new StoredField(COMMENT, feedback.comment()));
        }
        document.add(new LongPoint(RATED_AT, feedback.ratedAt().toEpochMilli()));
        document.add(new StoredField(RATED_AT, feedback.ratedAt().toEpochMilli()));
        index.write(writer -> writer.updateDocument(new Term(KEY, key), document));
    }

    @Override
    public boolean withdraw(String answerId, String voter, Rating rating) {
        Term key = new Term(KEY, answerId + "/" + voter);
        boolean[] withdrawn = {false};
        // read and delete under the folder's write lock, so a new rating arriving meanwhile is never the one deleted
        index.write(writer -> {
            try (DirectoryReader reader = DirectoryReader.open(writer)) {
                IndexSearcher searcher = new IndexSearcher(reader);
                for (ScoreDoc hit : searcher.search(new TermQuery(key), 1).scoreDocs) {
                    if (rating.wire().equals(searcher.storedFields().document(hit.doc).get(RATING))) {
                        writer.deleteDocuments(key);
                        withdrawn[0] = true;
                    }
                }
            }
        });
        return withdrawn[0];
    }

    @Override
    public List<Feedback> forAnswers(Collection<String> answerIds) {
        if (answerIds.isEmpty()) {
            return List.of();
        }
        Query query = new TermInSetQuery(ANSWER_ID, answerIds.stream().distinct().map(BytesRef::new).toList());
        return index.read(searcher -> {
            List<Feedback> found = new ArrayList<>();
            StoredFields stored = searcher.storedFields();
            for (ScoreDoc hit : searcher.search(query, Math.max(1, searcher.getIndexReader().maxDoc())).scoreDocs) {
                Document d = stored.document(hit.doc);
                found.add(new Feedback(d.get(ANSWER_ID), d.get(VOTER), Rating.fromWire(d.get(RATING)).orElseThrow(),
                        d.get(COMMENT), Instant.ofEpochMilli(d.getField(RATED_AT).numericValue().longValue())));
            }
            return found;
        });
    }

    @Override
    public long pruneBefore(Instant cutoff) {
        Query old = LongPoint.newRangeQuery(RATED_AT, Long.MIN_VALUE, cutoff.toEpochMilli() - 1);
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
