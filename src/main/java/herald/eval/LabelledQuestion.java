package herald.eval;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** A line of a labelled question set: the format of the development set's README. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record LabelledQuestion(String id, String question, List<String> history, boolean answerable,
                               @JsonProperty("expect_any") List<String> expectAny,
                               @JsonProperty("gold_passage") String goldPassage, String article) {

    /** The two halves of a labelled set: rules and thresholds are tuned on one, figures reported on the other. */
    public enum Half {
        TUNING, HELD_OUT;

        /** {@code tuning} or {@code held-out}. */
        public static Half parse(String name) {
            return switch (name) {
                case "tuning" -> TUNING;
                case "held-out" -> HELD_OUT;
                default -> throw new IllegalArgumentException("--half is tuning or held-out, not " + name);
            };
        }
    }

    /**
     * The half this question belongs to, by the number in its id: odd numbers tune, even numbers are held
     * out. Fixed by the id alone, so a question never changes half and new questions split evenly.
     */
    public Half half() {
        String digits = id.replaceAll("\\D", "");
        return !digits.isEmpty() && Long.parseLong(digits) % 2 == 0 ? Half.HELD_OUT : Half.TUNING;
    }

    public List<String> historyOrEmpty() {
        return history == null ? List.of() : history;
    }

    /** Questions from a classpath resource. */
    public static List<LabelledQuestion> load(String resource) {
        try (InputStream in = LabelledQuestion.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("No resource " + resource);
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Questions from JSON lines. */
    public static List<LabelledQuestion> parse(String jsonLines) {
        ObjectMapper json = new ObjectMapper();
        return jsonLines.lines().filter(l -> !l.isBlank())
                    .map(l -> {
                        try {
                            return json.readValue(l, LabelledQuestion.class);
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    }).toList();
    }
}
