package herald.index.lucene;

import herald.index.PassageIndex;
import herald.index.PassageIndexContract;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/** The index contract on the embedded Lucene index, on disk. */
class LucenePassageIndexTest extends PassageIndexContract {

    @TempDir
    Path dataDir;

    @Override
    protected PassageIndex emptyIndex() {
        return new LucenePassageIndex(dataDir.resolve("index"));
    }
}
