package herald.retrieval;

import herald.index.IndexedPassage;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** How dates reorder a ranking: "latest" questions, and equally good passages of articles that disagree. */
class RecencyOrderTest {

    private static RetrievedPassage passage(String article, String published, double score) {
        return new RetrievedPassage(new IndexedPassage(article, 0, article, "Wire", LocalDate.parse(published), "text"), score, 0.7);
    }

    private static List<String> articles(List<RetrievedPassage> ranked) {
        return ranked.stream().map(r -> r.passage().documentId()).toList();
    }

    @Test
    void latestLiftsTheNewerOfTheRelevantArticles() {
        List<RetrievedPassage> ranked = List.of(passage("china-may", "2024-05-16", 0.90),
                passage("pyongyang-june", "2024-06-19", 0.80), passage("unrelated-july", "2024-07-01", 0.30));
        assertEquals(List.of("pyongyang-june", "china-may", "unrelated-july"), articles(HybridRetriever.preferRecent(ranked)),
                "a barely relevant newer article is not lifted");
    }

    @Test
    void latestDoesNotLiftAPassageFarBelowTheBest() {
        List<RetrievedPassage> ranked = List.of(passage("answer", "2024-05-16", 0.95), passage("newer-but-weak", "2024-06-19", 0.50));
        assertEquals(List.of("answer", "newer-but-weak"), articles(HybridRetriever.preferRecent(ranked)));
    }

    @Test
    void theNewerArticleLeadsWhenTwoAnswerEquallyWell() {
        List<RetrievedPassage> ranked = List.of(passage("will-visit", "2024-06-17", 0.90), passage("arrived", "2024-06-20", 0.898),
                passage("other", "2024-06-21", 0.50));
        assertEquals(List.of("arrived", "will-visit", "other"), articles(HybridRetriever.newerFirstAmongEquals(ranked)));
        List<RetrievedPassage> clear = List.of(passage("will-visit", "2024-06-17", 0.90), passage("arrived", "2024-06-20", 0.88));
        assertEquals(List.of("will-visit", "arrived"), articles(HybridRetriever.newerFirstAmongEquals(clear)),
                "a clearly better passage keeps its place");
    }
}
