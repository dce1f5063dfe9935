package herald.sources;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A site's robots.txt as it applies to Herald: the group naming Herald, else the {@code *} group. The longest
 * matching rule decides ({@code Allow} wins a tie), {@code *} and {@code $} as Google reads them.
 */
public final class RobotsRules {

    /** A site without robots.txt allows everything. */
    public static final RobotsRules ALLOW_ALL = new RobotsRules(List.of());

    private record Rule(boolean allow, String path, Pattern pattern) {
    }

    private final List<Rule> rules;

    private RobotsRules(List<Rule> rules) {
        this.rules = rules;
    }

    /** @param agentToken Herald's product token, e.g. "herald" */
    public static RobotsRules parse(String robotsTxt, String agentToken) {
        List<Rule> mine = new ArrayList<>();
        List<Rule> anyone = new ArrayList<>();
        boolean forMe = false;
        boolean forAnyone = false;
        boolean inAgents = false;
        boolean named = false;
        String token = agentToken.toLowerCase(Locale.ROOT);
        for (String raw : robotsTxt.split("\\r?\\n")) {
            String line = raw.replaceFirst("#.*", "").strip();
            int colon = line.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String key = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).strip();
            if (key.equals("user-agent")) {
                if (!inAgents) {
                    forMe = false;
                    forAnyone = false;
                }
                inAgents = true;
                String agent = value.toLowerCase(Locale.ROOT);
                if (agent.equals("*")) {
                    forAnyone = true;
                } else if (!agent.isEmpty() && token.contains(agent)) {
                    forMe = true;
                    named = true;
                }
            } else if (key.equals("allow") || key.equals("disallow")) {
                inAgents = false;
                if (value.isEmpty()) {
                    continue; // "Disallow:" with nothing allows all
                }
                Rule rule = new Rule(key.equals("allow"), value, compile(value));
                if (forMe) {
                    mine.add(rule);
                }
                if (forAnyone) {
                    anyone.add(rule);
                }
            } else {
                inAgents = false;
            }
        }
        return new RobotsRules(named ? mine : anyone);
    }

    public boolean allows(String pathAndQuery) {
        Rule best = null;
        for (Rule rule : rules) {
            if (rule.pattern().matcher(pathAndQuery).lookingAt()) {
                if (best == null || rule.path().length() > best.path().length()
                        || (rule.path().length() == best.path().length() && rule.allow())) {
                    best = rule;
                }
            }
        }
        return best == null || best.allow();
    }

    private static Pattern compile(String path) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c == '*') {
                regex.append(".*");
            } else if (c == '$' && i == path.length() - 1) {
                regex.append('$');
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString());
    }
}
