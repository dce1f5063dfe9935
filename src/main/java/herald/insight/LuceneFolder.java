package herald.insight;

import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A small Lucene index in a folder of its own, as the embedded stores of the question log and the
 * ratings use it: every write is committed before it returns, so it survives a crash or a restart.
 */
final class LuceneFolder implements Closeable {

    /** A change to the index; committed when it returns. */
    interface Change {
        void apply(IndexWriter writer) throws IOException;
    }

    /** A read of the index. */
    interface Read<T> {
        T apply(IndexSearcher searcher) throws IOException;
    }

    private final Path folder;
    private final FSDirectory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;

    LuceneFolder(Path folder) {
        this.folder = folder.toAbsolutePath();
        try {
            Files.createDirectories(folder);
            directory = FSDirectory.open(folder);
            // nothing here is searched as text: the analyzer only has to exist
            writer = new IndexWriter(directory, new IndexWriterConfig(new StandardAnalyzer())
                    .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND));
            writer.commit();
            searchers = new SearcherManager(writer, null);
        } catch (LockObtainFailedException e) {
            throw new IllegalStateException(folder + " is in use by another Herald process; stop it or set herald.data-dir to another folder", e);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open " + folder, e);
        }
    }

    synchronized void write(Change change) {
        try {
            change.apply(writer);
            writer.commit();
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write to " + folder, e);
        }
    }

    <T> T read(Read<T> read) {
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                return read.apply(searcher);
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + folder, e);
        }
    }

    @Override
    public synchronized void close() {
        try {
            searchers.close();
            writer.close();
            directory.close();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot close " + folder, e);
        }
    }
}
