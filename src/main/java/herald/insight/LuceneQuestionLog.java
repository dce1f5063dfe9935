package herald.insight;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import herald.config.HeraldConfig;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.util.BytesRef;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The question log in a Lucene index of its own under {@code herald.data-dir}/questions. */
public class LuceneQuestionLog implements QuestionLog {

    private static final String ID = "answerId";
    private static final String ASKED_AT = "askedAt";
    private static final String RECORD = "record";
    private static final String VECTOR = "vector";
    /** Read in pages, so a long report range never asks Lucene for one huge result array. */
    private static final int PAGE = 10_000;

    private final LuceneFolder index;
    private final ObjectMapper json;

    public LuceneQuestionLog(HeraldConfig config, ObjectMapper json) {
        this(config.dataDir().resolve("questions"), json);
    }

    LuceneQuestionLog(Path folder, ObjectMapper json) {
        this.index = new LuceneFolder(folder);
        this.json = json;
    }

    @Override
    public void append(List<LoggedQuestion> questions) {
        List<Document> documents = questions.stream().map(this::document).toList();
        index.write(writer -> {
            for (Document document : documents) {
                writer.updateDocument(new Term(ID, document.get(ID)), document);
            }
        });
    }

    @Override
    public Optional<LoggedQuestion> find(String answerId) {
        return index.read(searcher -> {
            TopDocs hits = searcher.search(new TermQuery(new Term(ID, answerId)), 1);
            return hits.scoreDocs.length == 0 ? Optional.empty()
                    : Optional.of(question(searcher.storedFields().document(hits.scoreDocs[0].doc)));
        });
    }

    @Override
    public List<LoggedQuestion> between(Instant from, Instant to) {
        Query range = LongPoint.newRangeQuery(ASKED_AT, from.toEpochMilli(), to.toEpochMilli() - 1);
        Sort oldestFirst = new Sort(new SortField(ASKED_AT, SortField.Type.LONG), SortField.FIELD_DOC);
        return index.read(searcher -> {
            List<LoggedQuestion> found = new ArrayList<>();
            StoredFields stored = searcher.storedFields();
            ScoreDoc after = null;
            while (true) {
                TopDocs page = after == null ? searcher.search(range, PAGE, oldestFirst) : searcher.searchAfter(after, range, PAGE, oldestFirst);
                for (ScoreDoc hit : page.scoreDocs) {
                    found.add(question(stored.document(hit.doc)));
                }
                if (page.scoreDocs.length < PAGE) {
                    return found;
                }
                after = page.scoreDocs[page.scoreDocs.length - 1];
            }
        });
    }

    @Override
    public long pruneBefore(Instant cutoff) {
        Query old = LongPoint.newRangeQuery(ASKED_AT, Long.MIN_VALUE, cutoff.toEpochMilli() - 1);
        long count = index.read(searcher -> (long) searcher.count(old));
        if (count > 0) {
            index.write(writer -> writer.deleteDocuments(old));
        }
        return count;
    }

    private Document document(LoggedQuestion question) {
        Document document = new Document();
        document.add(new StringField(ID, question.answerId(), Field.Store.YES));
        long askedAt = question.askedAt().toEpochMilli();
        document.add(new LongPoint(ASKED_AT, askedAt));
        document.add(new NumericDocValuesField(ASKED_AT, askedAt));
        try {
            document.add(new StoredField(RECORD, json.writeValueAsString(question)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        if (question.vector() != null) {
            ByteBuffer bytes = ByteBuffer.allocate(question.vector().length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
            bytes.asFloatBuffer().put(question.vector());
            document.add(new StoredField(VECTOR, bytes.array()));
        }
        return document;
    }

    private LoggedQuestion question(Document document) throws IOException {
        LoggedQuestion q = json.readValue(document.get(RECORD), LoggedQuestion.class);
        BytesRef bytes = document.getBinaryValue(VECTOR);
        float[] vector = null;
        if (bytes != null) {
            vector = new float[bytes.length / Float.BYTES];
            ByteBuffer.wrap(bytes.bytes, bytes.offset, bytes.length).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(vector);
        }
        return new LoggedQuestion(q.answerId(), q.askedAt(), q.channel(), q.question(), q.standaloneQuestion(), q.mode(),
                q.reason(), q.refused(), q.answer(), q.articles(), q.latencyMillis(), vector);
    }

    public void close() {
        index.close();
    }
}
