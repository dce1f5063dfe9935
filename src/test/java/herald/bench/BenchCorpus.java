package herald.bench;

import herald.ingest.ArticleDraft;
import herald.ingest.ArticleReader;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Distinct news-like articles for benchmarks, made by shuffling the sentences of the labelled set's
 * articles: real prose, different texts (so none is skipped as a duplicate), reproducible by seed.
 */
final class BenchCorpus {

    private static final String[] FILES = {"biden-vietnam-visit-2023.txt", "ishiba-vietnam-visit-2025.txt",
            "kim-jong-un-vostochny-cosmodrome-2023.txt", "putin-china-state-visit-2024.txt",
            "putin-kazakhstan-state-visit-2024.txt", "putin-kim-treaty-pyongyang-2024.txt", "putin-mongolia-visit-2024.txt",
            "putin-to-lam-hanoi-talks-2024.txt", "vietnam-economy-second-quarter-2024.txt",
            "xi-jinping-hanoi-state-visit-2023.txt", "yoon-suk-yeol-vietnam-state-visit-2023.txt"};

    private BenchCorpus() {
    }

    static List<String> sentences() {
        List<String> sentences = new ArrayList<>();
        for (String file : FILES) {
            try (InputStream in = BenchCorpus.class.getClassLoader().getResourceAsStream("eval/articles/" + file)) {
                ArticleDraft draft = ArticleReader.fromPlainText(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                sentences.addAll(herald.ingest.SentenceSplitter.split(herald.ingest.ArticleCleaner.clean(draft.title(), draft.text())));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return sentences;
    }

    static List<ArticleDraft> articles(int count, long seed) {
        List<String> sentences = sentences();
        Random random = new Random(seed);
        List<ArticleDraft> articles = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            List<String> shuffled = new ArrayList<>(sentences);
            Collections.shuffle(shuffled, random);
            StringBuilder text = new StringBuilder();
            for (String s : shuffled.subList(0, 20)) {
                text.append(s).append("\n\n");
            }
            articles.add(new ArticleDraft("Bench article " + i + ": " + shuffled.get(0).split(" ", 6)[0], text.toString(), "Bench", null));
        }
        return articles;
    }
}
