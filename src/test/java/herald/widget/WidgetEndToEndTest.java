package herald.widget;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import herald.insight.Feedback;
import herald.insight.FeedbackStore;
import herald.insight.QuestionLog;
import herald.insight.QuestionRecorder;
import herald.insight.Rating;
import herald.testing.Chromium;
import herald.testing.HostSite;
import herald.testing.StubOllama;
import herald.testing.StubOllamaResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The widget in a real headless Chromium, embedded in a news page served from another origin than
 * Herald's, against the stub Ollama.
 */
@QuarkusTest
@QuarkusTestResource(StubOllamaResource.class)
class WidgetEndToEndTest {

    private static final StubOllama OLLAMA = StubOllamaResource.OLLAMA;
    private static final Path SCREENSHOTS = Paths.get("target", "screenshots");
    private static final LocatorAssertions.ContainsTextOptions PATIENTLY =
            new LocatorAssertions.ContainsTextOptions().setTimeout(15_000);
    private static final String PUTIN_ANSWER = "Putin visits Vietnam on June 19-20, 2024 [{n}].";
    /** What the seed passage says, so the stub LLM cites it wherever retrieval ranked it. */
    private static final String VIETNAM_FACT = "travel to Vietnam on June 19-20";

    private static Chromium chromium;
    /** 127.0.0.1 is a localhost origin: allowed by default. */
    private static HostSite allowedSite;
    /** Loopback too, but not in the default herald.widget.allowed-origins. */
    private static HostSite refusedSite;

    @TestHTTPResource("/")
    URL root;

    @Inject
    FeedbackStore feedback;

    @Inject
    QuestionLog questionLog;

    @Inject
    QuestionRecorder recorder;

    private BrowserContext context;
    private Page page;
    private final List<String> dialogs = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void startBrowserAndSites() {
        chromium = Chromium.launch();
        allowedSite = HostSite.start("127.0.0.1");
        refusedSite = HostSite.start("127.0.0.2");
    }

    @AfterAll
    static void stopBrowserAndSites() {
        chromium.close();
        allowedSite.close();
        refusedSite.close();
    }

    @BeforeEach
    void freshBrowserAndOllama() throws IOException {
        OLLAMA.reset();
        context = chromium.desktop();
        page = context.newPage();
        page.onDialog(dialog -> {
            dialogs.add(dialog.message());
            dialog.dismiss();
        });
    }

    @AfterEach
    void closeBrowserAndRestartOllama() throws IOException {
        context.close();
        OLLAMA.reset();
    }

    @Test
    void streamsAnswerWithCitationOnHostPage() {
        OLLAMA.answerCiting(VIETNAM_FACT, "Putin ", "visits ", "Vietnam ", "on ", "June ", "19-20, ", "2024 ", "[{n}].");
        // slow enough to watch the answer grow, well inside the 3 s the test profile waits for a token
        OLLAMA.slow(Duration.ZERO, Duration.ofMillis(250));
        openWidgetOn(allowedSite);

        ask("When does Putin visit Vietnam?");
        Locator answer = page.locator(".msg.bot .answer-text").last();
        assertThat(answer).containsText("Putin visits", PATIENTLY);
        assertFalse(answer.textContent().contains("2024"), "the answer should still be arriving: " + answer.textContent());
        assertThat(page.locator(".stop")).isVisible();
        assertThat(page.locator(".send")).isDisabled();

        assertThat(answer).containsText("June 19-20, 2024", PATIENTLY);
        assertThat(page.locator(".stop")).isHidden();
        assertThat(page.locator(".send")).isEnabled();
        assertThat(page.locator(".mode-label")).hasCount(0);
        assertThat(page.locator(".msg.bot .source-link")).hasCount(1); // only the passage the answer cites
        screenshot("desktop-answer");

        answer.locator(".cite").first().click();
        Locator source = page.locator(".source-view");
        assertThat(source).isVisible();
        assertThat(source.locator("h3")).containsText("Putin to Visit North Korea and Vietnam");
        assertThat(source.locator(".meta")).containsText("NewsTrack");
        assertThat(source.locator(".meta")).containsText("June 17, 2024");
        assertThat(source.locator("mark")).containsText("Putin will travel to Vietnam on June 19-20");
        screenshot("desktop-source");

        page.keyboard().press("Escape");
        assertThat(source).isHidden();
        assertThat(page.locator(".panel")).isVisible();
        assertTrue(dialogs.isEmpty(), dialogs.toString());
    }

    @Test
    void followUpContinuesTheConversation() {
        OLLAMA.answerWith(request -> {
            String user = StubOllama.message(request, "user");
            if (user.contains("Follow-up question:")) {
                return List.of("When was Putin's previous visit to North Korea?");
            }
            if (user.contains("Earlier in this conversation:")) {
                return List.of("His previous visit to Pyongyang was in July 2000 [" + StubOllama.citationOf(user, "since July 2000") + "].");
            }
            return List.of(PUTIN_ANSWER.replace("{n}", String.valueOf(StubOllama.citationOf(user, VIETNAM_FACT))));
        });
        openWidgetOn(allowedSite);

        ask("When does Putin visit Vietnam?");
        assertThat(page.locator(".msg.bot .answer-text").last()).containsText("June 19-20", PATIENTLY);
        String conversation = conversationId();
        assertNotNull(conversation, "the widget keeps the conversation id in sessionStorage");

        ask("When was his previous visit to North Korea?");
        assertThat(page.locator(".msg.bot .answer-text").last()).containsText("July 2000", PATIENTLY);
        assertEquals(conversation, conversationId());

        List<JsonNode> requests = OLLAMA.requests();
        assertEquals(3, requests.size(), "answer, rewrite of the follow-up, answer");
        String rewrite = StubOllama.message(requests.get(1), "user");
        assertTrue(rewrite.contains("When does Putin visit Vietnam?"), rewrite);
        assertTrue(StubOllama.message(requests.get(2), "user").contains("Earlier in this conversation:"));
    }

    @Test
    void readerRatesAnAnswerWithTheKeyboardAndCommentsOnAThumbsDown() {
        OLLAMA.answerCiting(VIETNAM_FACT, PUTIN_ANSWER);
        openWidgetOn(allowedSite);
        ask("When does Putin visit Vietnam?");
        Locator bubble = page.locator(".msg.bot").last();
        assertThat(bubble.locator(".answer-text")).containsText("June 19-20", PATIENTLY);
        // the streamed text is on screen before the done event stores the answer: wait for the store, not the text
        String answerId = (String) page.waitForFunction("() => { const k = Object.keys(sessionStorage).find(k => k.startsWith('herald-widget:'));"
                + " const m = k ? JSON.parse(sessionStorage.getItem(k)).messages : []; const last = m[m.length - 1];"
                + " return last && last.answerId ? last.answerId : null; }", null,
                new Page.WaitForFunctionOptions().setTimeout(PATIENTLY.timeout)).jsonValue();
        assertNotNull(answerId, "the done event's answerId is kept with the answer");

        Locator up = bubble.locator(".thumb-up");
        assertThat(up).hasAttribute("aria-label", "Good answer");
        assertThat(up).hasAttribute("aria-pressed", "false");
        up.focus();
        page.keyboard().press("Enter");
        assertThat(bubble.locator(".thumb-up")).hasAttribute("aria-pressed", "true");
        assertThat(bubble.locator(".rate [role=status]")).hasText("Thanks for your feedback.");
        assertEquals(List.of(Rating.UP), awaitRatings(answerId, r -> r.size() == 1 && r.get(0).rating() == Rating.UP));

        // the reader changes their mind: Tab to the thumbs-down, Space, a comment, Enter
        page.keyboard().press("Tab");
        assertThat(bubble.locator(".thumb-down")).isFocused();
        page.keyboard().press(" ");
        Locator comment = bubble.locator(".rate input");
        assertThat(comment).isFocused();
        assertEquals(List.of(Rating.DOWN), awaitRatings(answerId, r -> r.size() == 1 && r.get(0).rating() == Rating.DOWN),
                "the thumbs-down counts before any comment, and replaces the thumbs-up");
        comment.pressSequentially("The Kremlin said the 19th");
        page.keyboard().press("Enter");
        assertThat(bubble.locator(".rate [role=status]")).hasText("Thanks for your feedback.");
        assertThat(bubble.locator(".thumb-down")).isFocused();
        awaitRatings(answerId, r -> r.size() == 1 && "The Kremlin said the 19th".equals(r.get(0).comment()));
        screenshot("desktop-rated");

        recorder.flush();
        assertEquals(herald.answer.Channel.WIDGET, questionLog.find(answerId).orElseThrow().channel(), "the log knows it was the widget");
        page.reload();
        assertThat(page.locator(".msg.bot").last().locator(".thumb-down")).hasAttribute("aria-pressed", "true");
        assertThat(page.locator(".panel")).isVisible();
        assertTrue(dialogs.isEmpty(), dialogs.toString());
    }

    /** The answer's ratings once they satisfy {@code done} (the widget sends them in the background). */
    private List<Rating> awaitRatings(String answerId, java.util.function.Predicate<List<Feedback>> done) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        List<Feedback> ratings = feedback.forAnswers(List.of(answerId));
        while (!done.test(ratings) && System.nanoTime() < deadline) {
            page.waitForTimeout(100);
            ratings = feedback.forAnswers(List.of(answerId));
        }
        assertTrue(done.test(ratings), "ratings kept: " + ratings);
        return ratings.stream().map(Feedback::rating).toList();
    }

    @Test
    void keepsConversationAcrossReloadAndNewChatStartsOver() {
        OLLAMA.answerCiting(VIETNAM_FACT, PUTIN_ANSWER);
        openWidgetOn(allowedSite);
        ask("When does Putin visit Vietnam?");
        assertThat(page.locator(".msg.bot .answer-text").last()).containsText("June 19-20", PATIENTLY);
        String conversation = conversationId();

        page.reload();
        assertThat(page.locator(".panel")).isVisible();
        assertThat(page.locator(".msg.user")).hasText("When does Putin visit Vietnam?");
        assertThat(page.locator(".msg.bot .answer-text").last()).containsText("June 19-20");
        assertEquals(conversation, conversationId());

        page.locator(".new-chat").click();
        assertThat(page.locator(".msg.user")).hasCount(0);
        assertEquals(null, conversationId());
    }

    @Test
    void keepsHtmlInArticlesAndAnswersInert() {
        given().contentType(ContentType.JSON).body("""
                {"title": "Mekong ferry <img src=x onerror=alert(1)> timetable <script>alert('title')</script>",
                 "text": "The Mekong ferry from Can Tho to Vinh Long now leaves at 6 a.m. every day, the operator said. Its notice read <img src=x onerror=alert(1)> and <script>alert(2)</script> beside the new times.",
                 "source": "<b>River News</b>", "publishedAt": "2024-07-01"}
                """).when().post("/api/documents").then().statusCode(201);
        OLLAMA.answerWith("The ferry leaves Can Tho at 6 a.m. [1]. Its notice showed ", "<img src=x onerror=alert(1)>",
                " and ", "<script>alert(2)</script>", " <b>as text</b>.");
        openWidgetOn(allowedSite);

        ask("When does the Mekong ferry leave Can Tho?");
        Locator answer = page.locator(".msg.bot .answer-text").last();
        assertThat(answer).containsText("<img src=x onerror=alert(1)> and <script>alert(2)</script> <b>as text</b>", PATIENTLY);
        answer.locator(".cite").first().click();
        Locator source = page.locator(".source-view");
        assertThat(source.locator("h3")).hasText("Mekong ferry <img src=x onerror=alert(1)> timetable <script>alert('title')</script>");
        assertThat(source.locator("blockquote")).containsText("<img src=x onerror=alert(1)> and <script>alert(2)</script>");
        assertThat(source.locator(".meta")).containsText("<b>River News</b>");
        page.locator(".source-view .back").click();
        screenshot("desktop-xss");

        // give a failing <img> time to fire its onerror, had one been created
        page.waitForTimeout(500);
        assertTrue(dialogs.isEmpty(), "no script ran: " + dialogs);
        assertEquals(0, page.evaluate("document.querySelectorAll('img, b').length"));
        assertEquals(0, page.evaluate("document.querySelector('herald-widget').shadowRoot.querySelectorAll('img, script, b').length"));
    }

    @Test
    void theSourceViewLinksToTheArticle() {
        given().contentType(ContentType.JSON).body("""
                {"title": "Da Lat flower festival opens",
                 "text": "The Da Lat flower festival opened on Friday with 300 displays of hydrangeas and orchids, the organisers said. It runs until Sunday in the city's central square.",
                 "source": "Highland Post", "publishedAt": "2024-07-05", "url": "https://news.example/da-lat-flowers?utm_source=feed"}
                """).when().post("/api/documents").then().statusCode(201);
        OLLAMA.answerCiting("300 displays", "The festival opened with 300 displays [{n}].");
        openWidgetOn(allowedSite);

        ask("How many displays does the Da Lat flower festival have?");
        Locator answer = page.locator(".msg.bot .answer-text").last();
        assertThat(answer).containsText("300 displays", PATIENTLY);
        answer.locator(".cite").first().click();
        Locator link = page.locator(".source-view .article-link a");
        assertThat(link).hasAttribute("href", "https://news.example/da-lat-flowers");
        assertThat(link).hasAttribute("target", "_blank");
        assertThat(link).hasAttribute("rel", "noopener noreferrer");
        assertThat(link).hasText("Read the article");
        page.locator(".source-view .back").click();

        // the bundled article was posted without a URL: its source view has no link
        OLLAMA.answerCiting(VIETNAM_FACT, PUTIN_ANSWER);
        ask("When does Putin visit Vietnam?");
        Locator second = page.locator(".msg.bot .answer-text").last();
        assertThat(second).containsText("June 19-20", PATIENTLY);
        second.locator(".cite").first().click();
        assertThat(page.locator(".source-view h3")).containsText("Putin to Visit North Korea and Vietnam");
        assertThat(page.locator(".source-view .article-link")).hasCount(0);
    }

    @Test
    void pageOnDisallowedOriginGetsNoAnswer() {
        OLLAMA.answerCiting(VIETNAM_FACT, PUTIN_ANSWER);
        openWidgetOn(refusedSite);

        ask("When does Putin visit Vietnam?");
        assertThat(page.locator(".error")).containsText("cannot be reached", PATIENTLY);
        assertThat(page.locator(".msg.bot .answer-text")).hasCount(0);
        assertTrue(OLLAMA.requests().isEmpty(), "the browser's preflight was refused, so no question got through");
        assertThat(page.locator(".send")).isEnabled();
    }

    @Test
    void labelsRetrievalOnlyAnswerWhenOllamaIsDown() {
        OLLAMA.stop();
        openWidgetOn(allowedSite);

        ask("When does Putin visit Vietnam?");
        Locator bubble = page.locator(".msg.bot").last();
        assertThat(bubble.locator(".answer-text")).containsText("June 19-20", PATIENTLY);
        assertThat(bubble.locator(".mode-label")).containsText("Quoted from the articles");
        screenshot("desktop-retrieval-only");
        bubble.locator(".cite").first().click();
        assertThat(page.locator(".source-view mark")).containsText("June 19-20");
    }

    @Test
    void replacesTheStreamedAnswerWithTheCheckedOne() {
        // the second sentence's number and name are in no cited passage: it streams, then is removed
        OLLAMA.answerCiting(VIETNAM_FACT, "Putin ", "visits ", "Vietnam ", "on ", "June ", "19-20 ", "[{n}]. ", "He ", "will ",
                "sign ", "25 ", "agreements ", "with ", "Macron ", "[{n}].");
        // slow enough that the unchecked sentence is on screen for a while before the done event replaces it
        OLLAMA.slow(Duration.ZERO, Duration.ofMillis(500));
        openWidgetOn(allowedSite);
        recordEveryAnswerText();

        ask("When does Putin visit Vietnam?");
        Locator answer = page.locator(".msg.bot .answer-text").last();
        assertThat(answer).containsText("Part of this answer was removed", PATIENTLY);
        assertThat(page.locator(".send")).isEnabled(new LocatorAssertions.IsEnabledOptions().setTimeout(15_000));
        assertTrue((Boolean) page.evaluate("() => window.heraldShown.some(t => t.includes('Macron'))"),
                "the unchecked sentence was on screen while it streamed");
        assertThat(answer).not().containsText("Macron");
        assertThat(answer).containsText("June 19-20");
        assertThat(answer).containsText("Part of this answer was removed");
        assertThat(page.locator(".mode-label")).hasCount(0);
        screenshot("desktop-checked-answer");
    }

    @Test
    void labelsTheQuoteThatReplacesAnUnsupportedAnswer() {
        OLLAMA.answerCiting(VIETNAM_FACT, "Putin ", "visits ", "Vietnam ", "on ", "July ", "4-5 ", "[{n}].");
        OLLAMA.slow(Duration.ZERO, Duration.ofMillis(150));
        openWidgetOn(allowedSite);
        recordEveryAnswerText(); // the invented date is on screen only between its token and the done event

        ask("When does Putin visit Vietnam?");
        Locator answer = page.locator(".msg.bot .answer-text").last();
        assertThat(page.locator(".mode-label")).hasCount(1, new LocatorAssertions.HasCountOptions().setTimeout(30_000));
        assertThat(page.locator(".send")).isEnabled(new LocatorAssertions.IsEnabledOptions().setTimeout(15_000));
        assertTrue((Boolean) page.evaluate("() => window.heraldShown.some(t => t.includes('July 4-5'))"),
                "the invented date was on screen while it streamed");
        assertThat(answer).not().containsText("July 4-5");
        assertThat(answer).containsText("June 19-20");
        assertThat(page.locator(".mode-label")).hasText("Quoted from the articles · the AI answer did not match them");
        screenshot("desktop-unsupported-answer");
    }

    @Test
    void stopButtonCancelsStreamingAnswer() {
        OLLAMA.answerCiting(VIETNAM_FACT, "Putin ", "visits ", "Vietnam ", "on ", "June ", "19-20 ", "[{n}].");
        OLLAMA.slow(Duration.ZERO, Duration.ofMillis(800));
        openWidgetOn(allowedSite);

        ask("When does Putin visit Vietnam?");
        Locator bubble = page.locator(".msg.bot").last();
        assertThat(bubble.locator(".answer-text")).containsText("Putin", PATIENTLY);
        page.locator(".stop").click();
        assertThat(bubble.locator(".note")).hasText("Stopped.");
        assertThat(page.locator(".send")).isEnabled();
        page.waitForTimeout(1_500);
        assertFalse(bubble.locator(".answer-text").textContent().contains("19-20"), "no tokens after Stop");
    }

    @Test
    void keyboardSendsWithEnterAddsLinesWithShiftEnterAndClosesWithEscape() {
        OLLAMA.answerCiting(VIETNAM_FACT, PUTIN_ANSWER);
        page.navigate(allowedSite.pageUrl(service()));
        page.locator(".launcher").click();
        Locator input = page.locator("textarea");
        assertThat(input).isFocused();

        input.pressSequentially("When does Putin");
        page.keyboard().press("Shift+Enter");
        input.pressSequentially("visit Vietnam?");
        assertEquals("When does Putin\nvisit Vietnam?", input.inputValue());
        page.keyboard().press("Enter");
        assertThat(page.locator(".msg.user")).hasText("When does Putin\nvisit Vietnam?");
        assertThat(page.locator(".msg.bot .answer-text").last()).containsText("June 19-20", PATIENTLY);
        assertThat(page.locator(".log")).hasAttribute("aria-live", "polite");

        page.keyboard().press("Escape");
        assertThat(page.locator(".panel")).isHidden();
        assertThat(page.locator(".launcher")).isFocused();
    }

    @Test
    void fitsA375PixelPhone() {
        OLLAMA.answerCiting(VIETNAM_FACT, PUTIN_ANSWER);
        context.close();
        context = chromium.phone();
        page = context.newPage();
        openWidgetOn(allowedSite);

        ask("When does Putin visit Vietnam?");
        assertThat(page.locator(".msg.bot .answer-text").last()).containsText("June 19-20", PATIENTLY);
        var panel = page.locator(".panel").boundingBox();
        assertEquals(375, panel.width, 1, "the panel takes the whole width");
        assertEquals(0, panel.x, 1);
        assertTrue((Boolean) page.evaluate("document.documentElement.scrollWidth <= 375"), "no sideways scrolling");
        screenshot("phone-answer");
        page.locator(".msg.bot .cite").last().click();
        assertThat(page.locator(".source-view mark")).containsText("June 19-20");
        screenshot("phone-source");
    }

    @Test
    void fullPageChatAnswersOnHeraldsOwnOrigin() {
        OLLAMA.answerCiting(VIETNAM_FACT, PUTIN_ANSWER);
        page.navigate(root.toString() + "chat");
        assertThat(page.locator(".launcher")).hasCount(0);
        assertThat(page.locator("textarea")).isFocused();

        ask("When does Putin visit Vietnam?");
        assertThat(page.locator(".msg.bot .answer-text").last()).containsText("June 19-20", PATIENTLY);
        screenshot("desktop-chat-page");

        page.navigate(root.toString());
        assertThat(page.locator(".launcher")).containsText("Ask about the news");
        page.locator(".launcher").click();
        assertThat(page.locator(".msg.user")).hasText("When does Putin visit Vietnam?");
        screenshot("desktop-demo-page");
        // the README's picture: the open widget over the demo news page
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("readme-widget.png"))
                .setClip(560, 110, 720, 690));
    }

    /**
     * Records every text an answer shows, as it changes, in {@code window.heraldShown}: polling for a text
     * could miss one that is on screen for a moment.
     */
    private void recordEveryAnswerText() {
        page.evaluate("() => { window.heraldShown = []; const root = document.querySelector('herald-widget').shadowRoot;"
                + " new MutationObserver(() => root.querySelectorAll('.answer-text').forEach(a => window.heraldShown.push(a.textContent)))"
                + ".observe(root, { subtree: true, childList: true, characterData: true }); }");
    }

    private void openWidgetOn(HostSite site) {
        page.navigate(site.pageUrl(service()));
        page.locator(".launcher").click();
        assertThat(page.locator(".panel")).isVisible();
        assertThat(page.locator(".greeting")).hasText("Hello! Ask me about today's news.");
    }

    private void ask(String question) {
        page.locator("textarea").fill(question);
        page.locator(".send").click();
    }

    private String service() {
        return root.toString().replaceAll("/$", "");
    }

    private String conversationId() {
        Object id = page.evaluate("() => { const k = Object.keys(sessionStorage).find(k => k.startsWith('herald-widget:'));"
                + " return k ? JSON.parse(sessionStorage.getItem(k)).conversationId : null; }");
        return (String) id;
    }

    private void screenshot(String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")));
    }
}
