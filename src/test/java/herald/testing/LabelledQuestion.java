package herald.testing;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** A line of a labelled question set (see src/test/resources/eval/README.md). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record LabelledQuestion(String id, String question, List<String> history, boolean answerable,
                               @JsonProperty("expect_any") List<String> expectAny,
                               @JsonProperty("gold_passage") String goldPassage) {

    public List<String> historyOrEmpty() {
        return history == null ? List.of() : history;
    }

    public static List<LabelledQuestion> load(String resource) {
        ObjectMapper json = new ObjectMapper();
        try (InputStream in = LabelledQuestion.class.getClassLoader().getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank())
                    .map(l -> {
                        try {
                            return json.readValue(l, LabelledQuestion.class);
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    }).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
