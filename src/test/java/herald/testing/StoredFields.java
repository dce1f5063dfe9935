package herald.testing;

import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.store.FSDirectory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Every stored field of every document of a Lucene index, read from disk as a restarted Herald would read it. */
public final class StoredFields {

    private StoredFields() {
    }

    /** One map per document: field name to its value (several values of one name joined by a space). */
    public static List<Map<String, String>> of(Path folder) {
        List<Map<String, String>> documents = new ArrayList<>();
        try (FSDirectory directory = FSDirectory.open(folder); DirectoryReader reader = DirectoryReader.open(directory)) {
            for (int i = 0; i < reader.maxDoc(); i++) {
                Document document = reader.storedFields().document(i);
                Map<String, String> fields = new HashMap<>();
                for (IndexableField field : document.getFields()) {
                    String value = field.stringValue() != null ? field.stringValue()
                            : field.numericValue() != null ? field.numericValue().toString() : "(binary)";
                    fields.merge(field.name(), value, (a, b) -> a + " " + b);
                }
                documents.add(fields);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return documents;
    }
}
