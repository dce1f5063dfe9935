package herald.ingest;

import herald.config.HeraldConfig;
import herald.index.Passage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.List;

/**
 * Groups sentences into passages of at most {@code maxWords} words, each new passage repeating the
 * last sentences of the previous one. Small passages let a citation point at the fact itself.
 */
@ApplicationScoped
public class PassageSplitter {

    private final int maxWords;
    private final int overlapSentences;

    @Inject
    public PassageSplitter(HeraldConfig config) {
        this(config.chunking().maxWords(), config.chunking().overlapSentences());
    }

    public PassageSplitter(int maxWords, int overlapSentences) {
        this.maxWords = maxWords;
        this.overlapSentences = overlapSentences;
    }

    public List<Passage> split(String text) {
        List<String> sentences = SentenceSplitter.split(text);
        List<Passage> passages = new ArrayList<>();
        int start = 0;
        while (start < sentences.size()) {
            int end = start;
            int words = 0;
            // a passage always takes at least one sentence, however long
            while (end < sentences.size() && (end == start || words + wordCount(sentences.get(end)) <= maxWords)) {
                words += wordCount(sentences.get(end));
                end++;
            }
            passages.add(new Passage(passages.size(), String.join(" ", sentences.subList(start, end))));
            if (end >= sentences.size()) {
                break;
            }
            start = Math.max(start + 1, end - overlapSentences);
        }
        return passages;
    }

    static int wordCount(String sentence) {
        return sentence.isBlank() ? 0 : sentence.strip().split("\\s+").length;
    }
}
