package herald.insight;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** The question log and the newsroom's report; the README's configuration table lists the same keys. */
@ConfigMapping(prefix = "herald.questions")
public interface QuestionsSettings {

    /** Keep a log of answered questions for the newsroom's report; false keeps nothing but the ratings. */
    @WithDefault("true")
    boolean log();

    /** How long logged questions and their ratings are kept; older ones are pruned at the first write of each day. */
    @WithDefault("90d")
    Duration retention();

    /**
     * Cosine similarity of two questions' bge-small embeddings from which the report counts them as one
     * question asked in different words (tuned on the labelled paraphrases in the tests: QuestionGrouperTest).
     */
    @WithDefault("0.85")
    double groupSimilarity();

    /** Rows per list in the report (top questions, unanswered, thumbs-down, articles). */
    @WithDefault("20")
    int reportRows();
}
