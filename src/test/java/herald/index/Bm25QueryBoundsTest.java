package herald.index;

import herald.index.Article;
import herald.index.Passage;
import herald.testing.HostileText;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;

/** A question of hundreds of distinct words, all of them in the index, stays under Lucene's clause limit. */
class Bm25QueryBoundsTest {

    @TempDir
    Path dataDir;

    @Test
    void aQuestionOfSixHundredIndexedWordsIsAnswered() {
        List<String> words = HostileText.distinctShortWords(600);
        PassageIndex index = new herald.index.lucene.LucenePassageIndex(dataDir);
        try {
            List<Passage> passages = new ArrayList<>();
            List<float[]> vectors = new ArrayList<>();
            for (int i = 0; i < words.size(); i += 50) {
                passages.add(new Passage(passages.size(), String.join(" ", words.subList(i, Math.min(words.size(), i + 50)))));
                float[] v = new float[384];
                v[passages.size() % 384] = 1;
                vectors.add(v);
            }
            index.add(new Article("a1", "Letters", "text", null, null, passages.size()), passages, vectors);

            String question = String.join(" ", words);
            List<ScoredPassage> found = index.bm25(question, 10);
            assertFalse(found.isEmpty());
        } finally {
            index.close();
        }
    }
}
