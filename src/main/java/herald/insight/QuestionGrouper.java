package herald.insight;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Groups questions asked in different words: identical wordings first (case, spacing and the final
 * question mark aside), then, from the most asked down, each wording joins the first group whose leading
 * wording's embedding is at least {@code similarity} close (cosine), or starts a group of its own.
 */
final class QuestionGrouper {

    /**
     * Wordings compared by embedding at most; rarer ones stay groups of their own. Bounds a report's cost
     * (each wording is compared with every group leader: 2,000 × 2,000 × 384 multiplications at worst).
     */
    static final int MAX_COMPARED = 2000;

    private final double similarity;

    QuestionGrouper(double similarity) {
        this.similarity = similarity;
    }

    /** A wording, how often it was asked, and its (normalised) embedding, or null when it has none. */
    record Wording(String text, long count, float[] vector) {
    }

    /** The groups, most asked first; {@code vectorOf} gives a wording's embedding (it may embed on demand). */
    List<QuestionReport.Group> group(List<String> questions, Function<String, float[]> vectorOf) {
        Map<String, String> firstWording = new LinkedHashMap<>();
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String q : questions) {
            String key = normalise(q);
            if (key.isEmpty()) {
                continue;
            }
            firstWording.putIfAbsent(key, q.strip());
            counts.merge(key, 1L, Long::sum);
        }
        List<Map.Entry<String, Long>> byCount = new ArrayList<>(counts.entrySet());
        byCount.sort(Map.Entry.<String, Long>comparingByValue().reversed());

        List<Wording> leaders = new ArrayList<>();
        List<List<Wording>> members = new ArrayList<>();
        for (int i = 0; i < byCount.size(); i++) {
            String text = firstWording.get(byCount.get(i).getKey());
            float[] vector = i < MAX_COMPARED ? normalised(vectorOf.apply(text)) : null;
            Wording wording = new Wording(text, byCount.get(i).getValue(), vector);
            int joined = vector == null ? -1 : closestLeader(leaders, vector);
            if (joined < 0) {
                leaders.add(wording);
                members.add(new ArrayList<>(List.of(wording)));
            } else {
                members.get(joined).add(wording);
            }
        }
        List<QuestionReport.Group> groups = new ArrayList<>();
        for (List<Wording> group : members) {
            long total = group.stream().mapToLong(Wording::count).sum();
            groups.add(new QuestionReport.Group(group.get(0).text(), total, group.stream().skip(1).map(Wording::text).toList()));
        }
        groups.sort(Comparator.comparingLong(QuestionReport.Group::count).reversed());
        return groups;
    }

    private int closestLeader(List<Wording> leaders, float[] vector) {
        int best = -1;
        double bestScore = similarity;
        for (int i = 0; i < leaders.size(); i++) {
            float[] other = leaders.get(i).vector();
            if (other == null) {
                continue;
            }
            double score = dot(vector, other);
            if (score >= bestScore) {
                best = i;
                bestScore = score;
            }
        }
        return best;
    }

    static String normalise(String question) {
        return question == null ? "" : question.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").replaceAll("[\\s?!.]+$", "");
    }

    private static float[] normalised(float[] vector) {
        if (vector == null) {
            return null;
        }
        double norm = Math.sqrt(dot(vector, vector));
        float[] unit = new float[vector.length];
        for (int i = 0; i < vector.length; i++) {
            unit[i] = (float) (vector[i] / norm);
        }
        return unit;
    }

    static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }
}
