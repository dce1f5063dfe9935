package herald.index;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What every {@link PassageIndex} must do, whichever engine holds it. Each engine's test extends this class
 * and opens an empty index per test. Vectors are made by hand (384 dimensions, as bge-small's), so the suite
 * checks the engine, not the embedding model.
 */
public abstract class PassageIndexContract {

    protected static final int DIMENSIONS = 384;

    protected PassageIndex index;

    /** An index holding nothing. */
    protected abstract PassageIndex emptyIndex() throws Exception;

    /** Called after each test, to close or clean what {@link #emptyIndex} opened. */
    protected void release(PassageIndex index) throws Exception {
        index.close();
    }

    @BeforeEach
    void open() throws Exception {
        index = emptyIndex();
    }

    @AfterEach
    void close() throws Exception {
        release(index);
    }

    @Test
    void storesAnArticleWithItsPassagesAndVectors() {
        PassageIndex.Entry hanoi = article("hanoi", "Hanoi metro", LocalDate.of(2024, 8, 8),
                "Hanoi opened its second metro line on Thursday.", "The line runs 8.5 km through the west of the city.");
        index.add(hanoi);

        Article found = index.find("hanoi").orElseThrow();
        assertEquals("Hanoi metro", found.title());
        assertEquals("Test Wire", found.source());
        assertEquals(LocalDate.of(2024, 8, 8), found.publishedAt());
        assertEquals(2, found.passages());
        assertEquals(hanoi.article().text(), found.text());
        assertEquals(1, index.articleCount());
        assertEquals(2, index.passageCount());

        List<IndexedPassage> passages = index.passagesOf("hanoi");
        assertEquals(List.of(0, 1), passages.stream().map(IndexedPassage::ordinal).toList());
        assertEquals("The line runs 8.5 km through the west of the city.", passages.get(1).text());
        assertEquals("Hanoi metro", passages.get(1).title());
        assertEquals(LocalDate.of(2024, 8, 8), passages.get(1).publishedAt());

        PassageIndex.Entry stored = index.entry("hanoi").orElseThrow();
        assertEquals(hanoi.passages(), stored.passages());
        for (int i = 0; i < 2; i++) {
            assertArrayEquals(hanoi.vectors().get(i), stored.vectors().get(i), 1e-6f);
        }
        assertArrayEquals(hanoi.vectors().get(1), index.vectorOf("hanoi", 1).orElseThrow(), 1e-6f);
        assertTrue(index.vectorOf("hanoi", 7).isEmpty());
        assertTrue(index.find("nowhere").isEmpty());
        assertTrue(index.entry("nowhere").isEmpty());
    }

    @Test
    void bm25FindsThePassageHoldingTheQuestionsWords() {
        index.add(article("putin", "Putin visits Vietnam", LocalDate.of(2024, 6, 19),
                "President Putin arrives in Hanoi on June 19 for a two-day state visit.",
                "Trade between the two countries grew last year."));
        index.add(article("kim", "Kim at the cosmodrome", LocalDate.of(2023, 9, 13),
                "Kim Jong Un toured the Vostochny cosmodrome with Putin.", "The leaders discussed satellites."));

        List<ScoredPassage> hits = index.bm25("When does Putin visit Hanoi?", 5);
        assertEquals("putin#0", hits.get(0).passage().passageId());
        assertTrue(hits.get(0).score() > 0);
        assertTrue(hits.stream().noneMatch(h -> h.passage().passageId().equals("kim#1")), "passages without the words are not returned");
        assertTrue(index.bm25("the of and", 5).isEmpty(), "stop words alone match nothing");
        // stemming, as the embedded index does it: "visiting" finds "visit"
        assertEquals("putin", index.bm25("visiting", 1).get(0).passage().documentId());
    }

    @Test
    void aLongQuestionKeepsItsRarestWords() {
        // 100 words in every passage but one, then the one word only one passage has, last in the question
        List<String> common = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            common.add("common" + (char) ('a' + i / 26) + (char) ('a' + i % 26));
        }
        index.add(article("everywhere1", "Everywhere", LocalDate.of(2024, 6, 1), String.join(" ", common)));
        index.add(article("everywhere2", "Everywhere too", LocalDate.of(2024, 6, 2), String.join(" ", common)));
        index.add(article("rare", "Rare", LocalDate.of(2024, 6, 3), "A quokka was seen in Hanoi."));

        List<ScoredPassage> hits = index.bm25(String.join(" ", common) + " quokka", 10);

        assertTrue(hits.stream().anyMatch(h -> h.passage().documentId().equals("rare")),
                "more terms than a query keeps: the rarest stay, wherever they are in the question: " + hits);
    }

    @Test
    void nearestRanksByCosineAndReportsIt() {
        index.add(article("a", "A", null, "First passage.", "Second passage."));
        index.add(article("b", "B", null, "Third passage."));
        float[] target = vector("b", 0);

        List<ScoredPassage> hits = index.nearest(target, 2, 10);
        assertEquals(2, hits.size());
        assertEquals("b#0", hits.get(0).passage().passageId());
        assertEquals(1.0, hits.get(0).score(), 1e-4);
        assertTrue(hits.get(1).score() < 0.99);
    }

    @Test
    void searchesKeepToAPublicationWindow() {
        index.add(article("old", "Summit", LocalDate.of(2023, 9, 10), "Leaders met at the summit in Hanoi."));
        index.add(article("new", "Summit", LocalDate.of(2024, 6, 20), "Leaders met at the summit in Hanoi."));
        index.add(article("undated", "Summit", null, "Leaders met at the summit in Hanoi."));
        PassageFilter in2024 = PassageFilter.publishedBetween(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31));

        assertEquals(List.of("new"), index.bm25(TextSearch.of("summit Hanoi", 5).within(in2024)).stream()
                .map(s -> s.passage().documentId()).toList());
        assertEquals(List.of("new"), index.nearest(VectorSearch.of(vector("old", 0), 5, 10).within(in2024)).stream()
                .map(s -> s.passage().documentId()).toList());
        assertEquals(List.of("old"), index.bm25(TextSearch.of("summit", 5)
                .within(PassageFilter.publishedBetween(null, LocalDate.of(2023, 9, 10)))).stream()
                .map(s -> s.passage().documentId()).toList(), "both ends are inclusive, either may be open");
        assertEquals(3, index.bm25("summit", 5).size());
    }

    @Test
    void addingAnArticleAgainReplacesItInsteadOfDuplicating() {
        index.add(article("x", "X", null, "One.", "Two.", "Three."));
        index.add(article("x", "X", null, "Only one now."));
        assertEquals(1, index.articleCount());
        assertEquals(1, index.passageCount());
        assertEquals(1, index.find("x").orElseThrow().passages());
    }

    @Test
    void replacingSwapsTheWholeArticle() {
        index.add(article("v1", "Storm", LocalDate.of(2024, 9, 7), "A typhoon nears the coast.", "Schools close."));
        index.add(article("other", "Other", null, "Unrelated news."));

        assertTrue(index.replace("v1", article("v2", "Storm", LocalDate.of(2024, 9, 8),
                "Typhoon Yagi made landfall on Saturday.", "Power is out in Haiphong.", "Schools stay closed.")));

        assertTrue(index.find("v1").isEmpty());
        assertTrue(index.passagesOf("v1").isEmpty());
        assertEquals(3, index.passagesOf("v2").size());
        assertEquals(2, index.articleCount());
        assertEquals(4, index.passageCount());
        assertTrue(index.bm25("typhoon coast", 10).stream().noneMatch(s -> s.passage().documentId().equals("v1")));
        assertFalse(index.replace("never-held", article("v3", "New", null, "Fresh text.")));
        assertTrue(index.find("v3").isPresent(), "a replacement of nothing is still stored");
    }

    @Test
    void deletingRemovesTheArticleAndEveryPassage() {
        index.add(article("keep", "Keep", LocalDate.of(2024, 6, 1), "Da Nang hosts a fireworks festival."));
        index.add(article("drop", "Drop", LocalDate.of(2024, 7, 1), "Hue restores its citadel gate.", "Work took six years."));

        assertTrue(index.delete("drop"));
        assertTrue(index.find("drop").isEmpty());
        assertTrue(index.passagesOf("drop").isEmpty());
        assertTrue(index.vectorOf("drop", 0).isEmpty());
        assertTrue(index.bm25("citadel", 5).isEmpty());
        assertEquals(List.of("keep"), index.list().stream().map(Article::id).toList());
        assertEquals(1, index.passageCount());
        assertFalse(index.delete("drop"));
    }

    @Test
    void listsArticlesNewestFirst() {
        index.add(article("mid", "Mid", LocalDate.of(2024, 3, 1), "March."));
        index.add(article("new", "New", LocalDate.of(2024, 6, 1), "June."));
        index.add(article("old", "Old", LocalDate.of(2023, 1, 1), "January."));
        assertEquals(List.of("new", "mid", "old"), index.list().stream().map(Article::id).toList());
    }

    @Test
    void bulkLoadStoresEveryArticle() {
        int articles = 120;
        Iterator<PassageIndex.Entry> entries = IntStream.range(0, articles)
                .mapToObj(i -> article("bulk" + i, "Bulk " + i, LocalDate.of(2024, 1, 1).plusDays(i % 300),
                        "Passage one of article " + i + ".", "Passage two of article " + i + "."))
                .iterator();
        index.addAll(entries);
        assertEquals(articles, index.articleCount());
        assertEquals(2 * articles, index.passageCount());
        assertEquals("bulk101", index.nearest(vector("bulk101", 1), 1, 50).get(0).passage().documentId());
    }

    @Test
    void readersNeverSeePartOfAnArticle() throws Exception {
        index.add(article("g0", "Story", null, "Version zero, part one.", "Version zero, part two.", "Version zero, part three."));
        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicReference<String> torn = new AtomicReference<>();
        Thread reader = new Thread(() -> {
            while (writing.get() && torn.get() == null) {
                List<ScoredPassage> hits = index.bm25("version part", 50);
                long articles = hits.stream().map(h -> h.passage().documentId()).distinct().count();
                if (hits.size() != 3 || articles != 1) {
                    torn.set(hits.size() + " passages of " + articles + " articles");
                }
            }
        });
        reader.start();
        try {
            for (int g = 1; g <= 6; g++) {
                index.replace("g" + (g - 1), article("g" + g, "Story", null,
                        "Version " + g + ", part one.", "Version " + g + ", part two.", "Version " + g + ", part three."));
            }
        } finally {
            writing.set(false);
            reader.join();
        }
        assertNull(torn.get(), "a search saw " + torn.get());
        assertEquals(List.of("g6"), index.list().stream().map(Article::id).toList());
    }

    @Test
    void anArticleUpdatedInPlaceAnswersInOneVersionOrTheOtherAtEveryMoment() throws Exception {
        // an article at a URL keeps its id while its text changes: adding it again swaps the versions
        index.add(versionOf("at-url", 0));
        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicReference<String> gap = new AtomicReference<>();
        AtomicInteger reads = new AtomicInteger();
        Thread reader = new Thread(() -> {
            while (writing.get() && gap.get() == null) {
                List<ScoredPassage> hits = index.bm25("story update", 50);
                List<String> versions = hits.stream().map(h -> h.passage().text().replaceAll(".*(version \\d+).*", "$1")).distinct().toList();
                if (versions.size() != 1) {
                    gap.set(hits.size() + " passages of versions " + versions);
                } else if (hits.size() != partsOf(Integer.parseInt(versions.get(0).substring(8)))) {
                    gap.set(hits.size() + " passages of " + versions.get(0));
                } else if (index.find("at-url").isEmpty()) {
                    gap.set("the article could not be found");
                }
                reads.incrementAndGet();
            }
        });
        reader.start();
        try {
            while (reads.get() == 0 && reader.isAlive()) {
                Thread.onSpinWait(); // the first version is read before the swaps begin
            }
            for (int v = 1; v <= 6; v++) {
                index.add(versionOf("at-url", v));
            }
        } finally {
            writing.set(false);
            reader.join();
        }
        assertNull(gap.get(), "a search saw " + gap.get());
        assertEquals(1, index.articleCount());
        assertEquals(partsOf(6), index.passagesOf("at-url").size());
        assertTrue(index.passagesOf("at-url").stream().allMatch(p -> p.text().contains("version 6")));
    }

    /** Versions alternate between three passages and two, so a mix of two versions shows in the count. */
    private static int partsOf(int version) {
        return version % 2 == 0 ? 3 : 2;
    }

    private static PassageIndex.Entry versionOf(String id, int version) {
        String[] parts = new String[partsOf(version)];
        for (int i = 0; i < parts.length; i++) {
            parts[i] = "Story update, version " + version + ", part " + (i + 1) + ".";
        }
        return article(id, "Story", LocalDate.of(2024, 6, 19), parts);
    }

    @Test
    void keepsAnArticlesUrlUpdateTimeAndContentHashAndFindsItByHash() {
        PassageIndex.Entry plain = article("posted", "Posted", LocalDate.of(2024, 6, 1), "Text posted without a URL.");
        index.add(plain);
        PassageIndex.Entry first = article("by-url", "Putin in Hanoi", LocalDate.of(2024, 6, 19), "Putin is expected tonight.");
        Article a = first.article();
        index.add(new PassageIndex.Entry(new Article(a.id(), a.title(), a.text(), a.source(), a.publishedAt(), a.passages(),
                "https://news.example/putin-hanoi", null, "hash-1"), first.passages(), first.vectors()));
        java.time.Instant updated = java.time.Instant.parse("2024-06-20T08:00:00Z");
        PassageIndex.Entry second = article("by-url", "Putin in Hanoi", LocalDate.of(2024, 6, 19), "Putin arrived and signed eleven agreements.");
        Article b = second.article();
        index.add(new PassageIndex.Entry(new Article(b.id(), b.title(), b.text(), b.source(), b.publishedAt(), b.passages(),
                "https://news.example/putin-hanoi", updated, "hash-2"), second.passages(), second.vectors()));

        Article found = index.find("by-url").orElseThrow();
        assertEquals("https://news.example/putin-hanoi", found.url());
        assertEquals(updated, found.updatedAt());
        assertEquals("hash-2", found.contentHash());
        assertEquals(2, index.articleCount(), "replaced, not added");
        IndexedPassage passage = index.passagesOf("by-url").get(0);
        assertEquals("https://news.example/putin-hanoi", passage.url());
        assertEquals(updated, passage.updatedAt());
        assertEquals("by-url", index.findByContentHash("hash-2").orElseThrow().id());
        assertTrue(index.findByContentHash("hash-1").isEmpty(), "the old version is gone");
        assertEquals("posted", index.findByContentHash("posted").orElseThrow().id(), "an article without URL has its hash as id");
        assertNull(index.find("posted").orElseThrow().url());
    }

    @Test
    void anArticleStoredWithoutAContentHashIsFoundByItsIdAsHash() {
        // how articles posted without a URL were stored before content hashes were recorded: the hash was the id
        PassageIndex.Entry e = article("0123456789abcdef", "Posted", LocalDate.of(2024, 6, 1), "Text posted before hashes were kept.");
        Article a = e.article();
        index.add(new PassageIndex.Entry(new Article(a.id(), a.title(), a.text(), a.source(), a.publishedAt(), a.passages(),
                null, null, null), e.passages(), e.vectors()));

        assertEquals("0123456789abcdef", index.find("0123456789abcdef").orElseThrow().contentHash());
        assertEquals("0123456789abcdef", index.findByContentHash("0123456789abcdef").orElseThrow().id());
        assertTrue(index.findByContentHash("fedcba9876543210").isEmpty());
    }

    /** An article whose passages get vectors derived from the article id and ordinal. */
    protected static PassageIndex.Entry article(String id, String title, LocalDate published, String... passages) {
        List<Passage> ps = new ArrayList<>();
        List<float[]> vs = new ArrayList<>();
        for (int i = 0; i < passages.length; i++) {
            ps.add(new Passage(i, passages[i]));
            vs.add(vector(id, i));
        }
        return new PassageIndex.Entry(new Article(id, title, String.join(" ", passages), "Test Wire", published, passages.length), ps, vs);
    }

    /** A unit vector, the same for the same id and ordinal, nearly orthogonal to the others. */
    protected static float[] vector(String id, int ordinal) {
        Random random = new Random((id + "#" + ordinal).hashCode());
        float[] v = new float[DIMENSIONS];
        double norm = 0;
        for (int i = 0; i < DIMENSIONS; i++) {
            v[i] = (float) random.nextGaussian();
            norm += v[i] * v[i];
        }
        for (int i = 0; i < DIMENSIONS; i++) {
            v[i] /= (float) Math.sqrt(norm);
        }
        return v;
    }
}
