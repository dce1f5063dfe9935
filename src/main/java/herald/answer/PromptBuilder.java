package herald.answer;

import herald.config.HeraldConfig;
import herald.ingest.SentenceSplitter;
import herald.retrieval.RetrievedPassage;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Builds a lean user prompt: today's date, then the passages grouped by article (title and date once per
 * article; overlapping or adjacent passages of one article merged into one numbered source), then recent
 * history and the question. On a CPU the first answer token waits for the whole prompt, so passage text is
 * capped ({@code herald.answer.prompt-passage-chars}) and never repeated. Ollama silently truncates a prompt
 * longer than {@code num_ctx}, so that budget is kept here too, with a conservative token estimate.
 */
@ApplicationScoped
public class PromptBuilder {

    /** English runs near 4 characters a token for llama-family tokenizers; 3.5 leaves a margin. */
    private static final double CHARS_PER_TOKEN = 3.5;
    /** Chat-template tokens Ollama adds around each message. */
    private static final int TEMPLATE_OVERHEAD = 64;
    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

    private final PromptLibrary prompts;
    private final HeraldConfig.Answer settings;
    private final Clock clock;

    public PromptBuilder(PromptLibrary prompts, HeraldConfig config, Clock clock) {
        this.prompts = prompts;
        this.settings = config.answer();
        this.clock = clock;
    }

    /** The prompt and the sources it holds, numbered [1]..[n] in that order. */
    public record Prompt(String system, String user, List<Source> sources) {
    }

    /** One article's sources in the prompt, in reading order. */
    private record ArticleBlock(RetrievedPassage first, List<List<RetrievedPassage>> runs) {
    }

    public Prompt build(String question, List<RetrievedPassage> retrieved, List<Turn> history) {
        String system = prompts.get(PromptLibrary.SYSTEM);
        String template = prompts.get(PromptLibrary.ANSWER);
        String today = DAY.format(LocalDate.now(clock));
        int budget = settings.numCtx() - settings.answerTokens() - TEMPLATE_OVERHEAD
                - tokens(system) - tokens(template) - tokens(question) - tokens(today);

        StringBuilder passages = new StringBuilder();
        List<Source> sources = new ArrayList<>();
        for (ArticleBlock article : group(lean(retrieved))) {
            StringBuilder block = new StringBuilder(heading(article.first()));
            List<Source> blockSources = new ArrayList<>();
            for (List<RetrievedPassage> run : article.runs()) {
                String text = merge(run);
                String line = "[" + (sources.size() + blockSources.size() + 1) + "] " + text + "\n";
                if (tokens(block + line) > budget && (!sources.isEmpty() || !blockSources.isEmpty())) {
                    break;
                }
                if (tokens(block + line) > budget) {
                    // even one passage is too long for the window: keep its beginning rather than nothing
                    text = text.substring(0, (int) Math.max(0, Math.min(text.length(), (budget - tokens(block.toString())) * CHARS_PER_TOKEN)));
                    line = "[1] " + text + "\n";
                }
                block.append(line);
                blockSources.add(Source.merged(run, text));
            }
            if (blockSources.isEmpty()) {
                break;
            }
            passages.append(block).append('\n');
            sources.addAll(blockSources);
            budget -= tokens(block.toString());
        }

        List<String> turns = new ArrayList<>();
        for (int i = history.size() - 1; i >= 0; i--) {
            Turn t = history.get(i);
            String turn = "User: " + t.question() + "\nHerald: " + t.answer() + "\n";
            if (tokens(turn) > budget) {
                break;
            }
            turns.add(0, turn);
            budget -= tokens(turn);
        }
        String historyText = turns.isEmpty() ? "" : "\nEarlier in this conversation:\n" + String.join("", turns);
        String user = PromptLibrary.fill(template, Map.of(
                "today", today,
                "passages", passages.toString().strip(),
                "history", historyText,
                "question", question));
        return new Prompt(system, user, sources);
    }

    /**
     * The passages worth the reader's wait: in rank order, each while the new text it adds (what an
     * overlapping neighbour does not already hold) fits {@code prompt-passage-chars}. The best always goes in.
     */
    List<RetrievedPassage> lean(List<RetrievedPassage> retrieved) {
        List<RetrievedPassage> kept = new ArrayList<>();
        Set<String> sentences = new LinkedHashSet<>();
        int chars = 0;
        for (RetrievedPassage r : retrieved) {
            int added = 0;
            List<String> own = SentenceSplitter.split(r.passage().text());
            for (String s : own) {
                added += sentences.contains(r.passage().documentId() + "\u0000" + s) ? 0 : s.length() + 1;
            }
            if (!kept.isEmpty() && chars + added > settings.promptPassageChars()) {
                continue;
            }
            kept.add(r);
            chars += added;
            own.forEach(s -> sentences.add(r.passage().documentId() + "\u0000" + s));
        }
        return kept;
    }

    /**
     * Passages grouped by article, articles in the order of their best passage; within an article, runs of
     * adjacent passages (which overlap by a sentence) in reading order.
     */
    static List<ArticleBlock> group(List<RetrievedPassage> passages) {
        Map<String, List<RetrievedPassage>> byArticle = new LinkedHashMap<>();
        for (RetrievedPassage r : passages) {
            byArticle.computeIfAbsent(r.passage().documentId(), id -> new ArrayList<>()).add(r);
        }
        List<ArticleBlock> blocks = new ArrayList<>();
        for (List<RetrievedPassage> article : byArticle.values()) {
            RetrievedPassage first = article.get(0);
            List<RetrievedPassage> ordered = new ArrayList<>(article);
            ordered.sort(Comparator.comparingInt(r -> r.passage().ordinal()));
            List<List<RetrievedPassage>> runs = new ArrayList<>();
            for (RetrievedPassage r : ordered) {
                List<RetrievedPassage> last = runs.isEmpty() ? null : runs.get(runs.size() - 1);
                if (last != null && r.passage().ordinal() - last.get(last.size() - 1).passage().ordinal() <= 1) {
                    last.add(r);
                } else {
                    runs.add(new ArrayList<>(List.of(r)));
                }
            }
            blocks.add(new ArticleBlock(first, runs));
        }
        return blocks;
    }

    /** Adjacent passages as one text, each sentence once (the splitter repeats a sentence at each boundary). */
    static String merge(List<RetrievedPassage> run) {
        List<String> sentences = new ArrayList<>();
        for (RetrievedPassage r : run) {
            for (String s : SentenceSplitter.split(r.passage().text())) {
                if (!sentences.contains(s)) {
                    sentences.add(s);
                }
            }
        }
        return String.join(" ", sentences);
    }

    /**
     * The article's title, outlet and date, once: "Title (NewsTrack, 17 June 2024)", and its update date when
     * it was changed on a later day: "Title (NewsTrack, 17 June 2024, updated 18 June 2024)".
     */
    static String heading(RetrievedPassage r) {
        var p = r.passage();
        List<String> about = new ArrayList<>();
        if (p.source() != null && !p.source().isBlank()) {
            about.add(p.source());
        }
        about.add(p.publishedAt() == null ? "date unknown" : DATE.format(p.publishedAt()));
        if (p.updatedAt() != null) {
            LocalDate updated = LocalDate.ofInstant(p.updatedAt(), ZoneOffset.UTC);
            if (p.publishedAt() == null || updated.isAfter(p.publishedAt())) {
                about.add("updated " + DATE.format(updated));
            }
        }
        return p.title() + " (" + String.join(", ", about) + ")\n";
    }

    static int tokens(String text) {
        return (int) Math.ceil(text.length() / CHARS_PER_TOKEN);
    }
}
