package herald.bench;

import herald.index.PassageIndex;
import herald.index.Article;
import herald.index.Passage;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Random;

/**
 * Passages for index sizes that cannot be embedded on this machine (1M texts would take hours): clustered
 * 384-dimension unit vectors, a centroid plus gaussian noise as real embeddings cluster by topic (uniformly
 * random vectors make HNSW recall meaningless), and word-salad texts drawn from the words of the labelled
 * set's articles with their natural frequencies. Reproducible by seed.
 */
final class SyntheticPassages {

    static final int DIMENSIONS = 384;
    static final int PASSAGES_PER_ARTICLE = 10;
    private static final int CLUSTERS = 1_000;
    /** Per dimension: a noise vector of norm about 0.6 against a unit centroid, cosine to it about 0.85. */
    private static final double NOISE = 0.03;
    private static final int WORDS_PER_PASSAGE = 50;

    private final float[][] centroids = new float[CLUSTERS][];
    private final String[] words;

    SyntheticPassages(long seed) {
        Random random = new Random(seed);
        for (int c = 0; c < CLUSTERS; c++) {
            float[] v = new float[DIMENSIONS];
            for (int d = 0; d < DIMENSIONS; d++) {
                v[d] = (float) random.nextGaussian();
            }
            centroids[c] = normalized(v);
        }
        List<String> all = new ArrayList<>();
        for (String sentence : BenchCorpus.sentences()) {
            for (String w : sentence.split("[^\\p{L}\\p{N}]+")) {
                if (!w.isEmpty()) {
                    all.add(w);
                }
            }
        }
        words = all.toArray(String[]::new);
    }

    /** A vector near a random centroid: passages and queries alike (queries are never in the index). */
    float[] vector(Random random) {
        float[] centroid = centroids[random.nextInt(CLUSTERS)];
        float[] v = new float[DIMENSIONS];
        for (int d = 0; d < DIMENSIONS; d++) {
            v[d] = centroid[d] + (float) (NOISE * random.nextGaussian());
        }
        return normalized(v);
    }

    String words(Random random, int count) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            text.append(i == 0 ? "" : " ").append(words[random.nextInt(words.length)]);
        }
        return text.toString();
    }

    /**
     * {@code passages} passages in articles of {@value #PASSAGES_PER_ARTICLE}, made as the index reads them;
     * passage {@code i} is ordinal {@code i % 10} of article "s{i / 10}", and its vector is kept in
     * {@code vectors[i]} for exact search.
     */
    Iterator<PassageIndex.Entry> entries(int passages, long seed, float[][] vectors) {
        Random random = new Random(seed);
        return new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < passages;
            }

            @Override
            public PassageIndex.Entry next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                int article = next / PASSAGES_PER_ARTICLE;
                int count = Math.min(PASSAGES_PER_ARTICLE, passages - next);
                List<Passage> ps = new ArrayList<>(count);
                List<float[]> vs = new ArrayList<>(count);
                for (int i = 0; i < count; i++) {
                    ps.add(new Passage(i, words(random, WORDS_PER_PASSAGE)));
                    float[] v = vector(random);
                    vs.add(v);
                    if (vectors != null) {
                        vectors[next + i] = v;
                    }
                }
                next += count;
                String title = "Synthetic " + article + ": " + words(random, 6);
                return new PassageIndex.Entry(new Article("s" + article, title, "", "Synthetic", null, count), ps, vs);
            }
        };
    }

    /** Where passage {@code ordinal} of article "s{n}" sits in the {@code vectors} array. */
    static int position(String documentId, int ordinal) {
        return Integer.parseInt(documentId.substring(1)) * PASSAGES_PER_ARTICLE + ordinal;
    }

    private static float[] normalized(float[] v) {
        double norm = 0;
        for (float x : v) {
            norm += x * x;
        }
        float scale = (float) (1 / Math.sqrt(norm));
        for (int i = 0; i < v.length; i++) {
            v[i] *= scale;
        }
        return v;
    }
}
