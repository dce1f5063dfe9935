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

    /** Characters allowed per word of {@code maxWords}: English averages six, links and numbers run longer. */
    static final int MAX_CHARS_PER_WORD = 16;

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
        List<String> sentences = boundedPieces(SentenceSplitter.split(text));
        List<Passage> passages = new ArrayList<>();
        int start = 0;
        while (start < sentences.size()) {
            int end = start;
            int words = 0;
            int chars = -1;
            // a passage always takes at least one sentence; boundedPieces made every one fit
            while (end < sentences.size() && (end == start || (words + wordCount(sentences.get(end)) <= maxWords
                    && chars + 1 + sentences.get(end).length() <= maxChars()))) {
                words += wordCount(sentences.get(end));
                chars += 1 + sentences.get(end).length();
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

    /** The most characters a passage holds: generous for long words, numbers and links, yet a bound. */
    public int maxChars() {
        return maxWords * MAX_CHARS_PER_WORD;
    }

    /**
     * Sentences, with any longer than a passage (a run-on text without punctuation, a "word" of a million
     * letters) cut into pieces of at most {@code maxWords} words and {@link #maxChars()} characters, so
     * that no passage, and no source quoted from it, outgrows its bound.
     */
    private List<String> boundedPieces(List<String> sentences) {
        List<String> pieces = new ArrayList<>(sentences.size());
        for (String sentence : sentences) {
            if (sentence.length() <= maxChars() && wordCount(sentence) <= maxWords) {
                pieces.add(sentence);
                continue;
            }
            StringBuilder piece = new StringBuilder();
            int words = 0;
            for (String word : sentence.strip().split("\\s+")) {
                for (int from = 0; from < word.length(); from += maxChars()) {
                    String part = word.substring(from, Math.min(word.length(), from + maxChars()));
                    if (words == maxWords || piece.length() + 1 + part.length() > maxChars()) {
                        pieces.add(piece.toString());
                        piece.setLength(0);
                        words = 0;
                    }
                    piece.append(piece.isEmpty() ? "" : " ").append(part);
                    words++;
                }
            }
            if (!piece.isEmpty()) {
                pieces.add(piece.toString());
            }
        }
        return pieces;
    }

    static int wordCount(String sentence) {
        return sentence.isBlank() ? 0 : sentence.strip().split("\\s+").length;
    }
}
