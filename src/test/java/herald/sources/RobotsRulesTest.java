package herald.sources;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RobotsRulesTest {

    @Test
    void followsTheGroupForEveryoneWhenHeraldIsNotNamed() {
        RobotsRules rules = RobotsRules.parse("User-agent: *\nDisallow: /members/\nAllow: /members/free/\n\nUser-agent: OtherBot\nDisallow: /\n", "herald");
        assertFalse(rules.allows("/members/briefing"));
        assertTrue(rules.allows("/members/free/story"), "the longer Allow wins");
        assertTrue(rules.allows("/news/putin-vietnam"));
    }

    @Test
    void aGroupNamingHeraldReplacesTheGroupForEveryone() {
        RobotsRules rules = RobotsRules.parse("User-agent: *\nDisallow: /\n\nUser-agent: Herald\nDisallow: /drafts\n", "herald");
        assertTrue(rules.allows("/news/story"));
        assertFalse(rules.allows("/drafts/story"));
    }

    @Test
    void readsWildcardsAndEndAnchors() {
        RobotsRules rules = RobotsRules.parse("User-agent: *\nDisallow: /*.pdf$\nDisallow: /*?print=\n", "herald");
        assertFalse(rules.allows("/files/report.pdf"));
        assertTrue(rules.allows("/files/report.pdf.html"));
        assertFalse(rules.allows("/news/story?print=1"));
        assertTrue(rules.allows("/news/story"));
    }

    @Test
    void anEmptyDisallowAllowsEverything() {
        assertTrue(RobotsRules.parse("User-agent: *\nDisallow:\n", "herald").allows("/anything"));
    }
}
