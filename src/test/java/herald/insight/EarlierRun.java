package herald.insight;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import herald.answer.AnswerMode;
import herald.answer.AnswerReason;
import herald.answer.Channel;
import herald.testing.FixedClock;
import io.quarkus.test.junit.QuarkusTestProfile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A data folder as an earlier Herald run left it: questions in the log and a rating, written through the
 * embedded stores and closed, before the service under test starts on the same folder. The service's
 * clock stands at {@link FixedClock#NOW}; the API key is {@link #KEY}.
 */
public class EarlierRun implements QuarkusTestProfile {

    public static final String KEY = "newsroom-key-7";
    public static final String DOCUMENT = "3bbf102381b7e877";
    public static final String COMMENT = "The Kremlin moved the date: the 19th only";
    /** Asked long before the retention of 90 days: pruned once the service writes to the log. */
    public static final String ANCIENT = "What did the spring festival cost?";

    @Override
    public Map<String, String> getConfigOverrides() {
        Path data = seeded();
        return Map.of("herald.api-key", KEY, "herald.answer.mode", "retrieval-only", "herald.data-dir", data.toString());
    }

    @Override
    public Set<Class<?>> getEnabledAlternatives() {
        return Set.of(FixedClock.class);
    }

    private static Path seeded() {
        try {
            Path data = Files.createTempDirectory("herald-earlier-run");
            ObjectMapper json = new ObjectMapper().findAndRegisterModules().disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
            LuceneQuestionLog log = new LuceneQuestionLog(data.resolve("questions"), json);
            var article = List.of(new LoggedQuestion.LoggedArticle(DOCUMENT, "Putin to Visit North Korea and Vietnam starting Tomorrow"));
            log.append(List.of(
                    question("earlier-1", "2024-06-18T10:00:00Z", Channel.REST, "When does Putin visit Vietnam?", false, article),
                    question("earlier-2", "2024-06-18T11:30:00Z", Channel.WIDGET, "When is Putin going to Vietnam?", false, article),
                    question("earlier-3", "2024-06-19T08:15:00Z", Channel.SLACK, "Who won the Hanoi marathon?", true, List.of()),
                    question("earlier-4", "2024-02-01T08:00:00Z", Channel.REST, ANCIENT, false, List.of())));
            log.close();
            LuceneFeedbackStore feedback = new LuceneFeedbackStore(data.resolve("feedback"));
            feedback.rate(new Feedback("earlier-1", "v1", Rating.DOWN, COMMENT, Instant.parse("2024-06-18T10:05:00Z")));
            feedback.rate(new Feedback("earlier-2", "v2", Rating.UP, null, Instant.parse("2024-06-18T11:31:00Z")));
            feedback.close();
            return data;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static LoggedQuestion question(String id, String at, Channel channel, String text, boolean refused,
                                           List<LoggedQuestion.LoggedArticle> articles) {
        return new LoggedQuestion(id, Instant.parse(at), channel, text, text, AnswerMode.RETRIEVAL_ONLY, AnswerReason.MODE_SETTING,
                refused, refused ? "The ingested articles do not say." : "Putin will travel to Vietnam on June 19-20 [1].",
                articles, 42, null);
    }
}
