package herald.sources;

import herald.testing.StubOllamaResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.lessThanOrExactly;
import static com.github.tomakehurst.wiremock.client.WireMock.moreThanOrExactly;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** Feeds and sitemaps of a news site played by WireMock, polled over the API. */
@QuarkusTest
@TestProfile(FeedSiteProfile.class)
@QuarkusTestResource(StubOllamaResource.class)
class FeedSourcesTest {

    private static NewsSite site;

    @BeforeAll
    static void startSite() {
        site = new NewsSite().start();
    }

    @AfterAll
    static void stopSite() {
        site.stop();
    }

    @Test
    void rssFeedIngestsEachArticleFromItsPageWithUrlTitleAndDates() {
        String id = polled("/rss.xml");
        Map<String, Object> putin = document(site.base + "/news/putin-vietnam");
        assertEquals("Putin to visit North Korea and Vietnam", putin.get("title"));
        assertEquals("2024-06-17", putin.get("publishedAt"));
        assertEquals("Mekong Morning Post", putin.get("source"));
        String text = given().get("/api/documents/" + putin.get("id")).then().statusCode(200).extract().path("text");
        assertTrue(text.contains("Vietnam on June 19-20"), text);
        for (String furniture : List.of("Whatsapp", "Related News", "Subscribe", "Copyright", "Some Other Headline")) {
            assertFalse(text.contains(furniture), furniture + " in " + text);
        }
        assertEquals(1, documentsAt(site.base + "/news/putin-vietnam"), "each article once");

        // totals: another test may have polled again since (conditionally: no items)
        JsonPath status = status(id);
        assertEquals(5, status.getInt("total.seen"));
        assertEquals(3, status.getInt("total.added"));
        assertEquals(2, status.getInt("total.failed"), "the redirect loop and the metadata address");
        assertNotNull(status.getString("lastPollAt"));
        assertNotNull(status.getString("nextPollAt"));
        // the last error is checked in theSecondPollIsConditionalAndChangesNothing: that poll clears it
    }

    @Test
    void aPageTooLargeOrForbiddenByRobotsFallsBackToTheFeedsCopy() {
        polled("/rss.xml");
        String huge = (String) document(site.base + "/news/huge").get("id");
        given().get("/api/documents/" + huge).then().body("text", containsString("2.1 million containers"));
        String members = (String) document(site.base + "/members/briefing").get("id");
        given().get("/api/documents/" + members).then().body("text", containsString("floating market museum"));
        site.server.verify(0, getRequestedFor(urlEqualTo("/members/briefing")));
        site.server.verify(moreThanOrExactly(1), getRequestedFor(urlEqualTo("/robots.txt")));
    }

    @Test
    void aRedirectLoopEndsAfterTheRedirectLimit() {
        polled("/rss.xml");
        assertEquals(0, documentsAt(site.base + "/news/loop"));
        site.server.verify(lessThanOrExactly(6 * 2), getRequestedFor(urlEqualTo("/news/loop")));
    }

    @Test
    void everyRequestNamesHerald() {
        polled("/rss.xml");
        site.server.verify(moreThanOrExactly(1), getRequestedFor(urlEqualTo("/rss.xml"))
                .withHeader("User-Agent", com.github.tomakehurst.wiremock.client.WireMock.containing("Herald")));
    }

    @Test
    void theSecondPollIsConditionalAndChangesNothing() {
        String id = polled("/rss.xml");
        int documents = given().get("/api/documents").then().extract().path("size()");
        // this is the only test that polls the feed again: the first poll's last error still stands
        JsonPath first = status(id);
        assertNotNull(first.getString("lastErrorAt"));
        assertTrue(first.getString("lastError").contains("169.254.169.254"), first.getString("lastError"));
        pollNow(id);
        site.server.verify(moreThanOrExactly(1), getRequestedFor(urlEqualTo("/rss.xml"))
                .withHeader("If-None-Match", com.github.tomakehurst.wiremock.client.WireMock.equalTo("\"rss-1\""))
                .withHeader("If-Modified-Since", com.github.tomakehurst.wiremock.client.WireMock.equalTo("Mon, 17 Jun 2024 04:00:00 GMT")));
        JsonPath status = status(id);
        assertEquals(0, status.getInt("lastPoll.seen"), "a 304 has no items");
        assertNull(status.getString("lastError"), "a poll without errors clears the last error");
        assertEquals(documents, (int) given().get("/api/documents").then().extract().path("size()"));
    }

    @Test
    void aPollWithoutErrorsClearsTheLastError() {
        String id = polled("/recovering.xml");
        JsonPath failed = status(id);
        assertTrue(failed.getString("lastError").contains("HTTP 503"), failed.getString("lastError"));
        assertNotNull(failed.getString("lastErrorAt"));

        pollNow(id);
        JsonPath recovered = status(id);
        assertEquals(1, recovered.getInt("lastPoll.added"));
        assertNull(recovered.getString("lastError"), recovered.getString("lastError"));
        assertNull(recovered.getString("lastErrorAt"));
        assertEquals(1, documentsAt(site.base + "/news/back-online"));
    }

    @Test
    void aChangedArticleIsReplacedInPlaceAtTheNextPoll() {
        String id = polled("/live.xml");
        String url = site.base + "/news/putin-hanoi";
        Map<String, Object> before = document(url);
        assertNull(before.get("updatedAt"));

        site.changeLiveArticle();
        pollNow(id);
        site.server.verify(getRequestedFor(urlEqualTo("/live.xml")).withHeader("If-None-Match", com.github.tomakehurst.wiremock.client.WireMock.equalTo("\"live-1\"")));
        assertEquals(1, documentsAt(url), "replaced, not duplicated");
        Map<String, Object> after = document(url);
        assertEquals(before.get("id"), after.get("id"));
        assertEquals("2024-06-20T08:00:00Z", after.get("updatedAt"));
        given().get("/api/documents/" + after.get("id")).then()
                .body("text", containsString("signing eleven agreements"))
                .body("text", org.hamcrest.Matchers.not(containsString("expected to land")));
        assertEquals(1, status(id).getInt("lastPoll.updated"));
    }

    @Test
    void atomJsonFeedAndNewsSitemapIngestTheirArticlesWithUrlAndDate() {
        polled("/atom.xml");
        assertEquals("2024-06-18", document(site.base + "/news/metro-hours").get("publishedAt"));

        String json = polled("/feed.json");
        assertEquals(1, status(json).getInt("total.added"));
        assertEquals(1, status(json).getInt("total.unchanged"), "the wire copy has the same text: stored once");
        long copies = documentsAt(site.base + "/news/rice-exports") + documentsAt(site.base + "/wire/rice-exports-copy");
        assertEquals(1, copies);
        List<String> titles = given().get("/api/documents").then().extract().path("title");
        assertEquals(1, titles.stream().filter("Rice exports climb"::equals).count());

        polled("/sitemap-index.xml");
        Map<String, Object> typhoon = document(site.base + "/news/typhoon");
        assertEquals("Typhoon nears Quang Ninh", typhoon.get("title"));
        assertEquals("2024-06-19", typhoon.get("publishedAt"), "the day in the site's own time zone");
    }

    @Test
    void aMalformedFeedIsRecordedAndLosesNothing() {
        polled("/keep.xml");
        int documents = given().get("/api/documents").then().extract().path("size()");
        String broken = polled("/broken.xml");
        JsonPath status = status(broken);
        assertTrue(status.getString("lastError").contains("malformed"), status.getString("lastError"));
        assertNotNull(status.getString("lastErrorAt"));
        assertEquals(documents, (int) given().get("/api/documents").then().extract().path("size()"));
        assertEquals(1, documentsAt(site.base + "/news/keep-me"));
    }

    @Test
    void answersLinkToTheArticle() {
        polled("/rss.xml");
        given().contentType(ContentType.JSON).body("{\"question\":\"When will Putin travel to Vietnam?\"}")
                .post("/api/ask").then().statusCode(200)
                .body("sources.url", hasItem(site.base + "/news/putin-vietnam"));
    }

    @Test
    void deletingASourceKeepsItsArticlesUnlessPurged() {
        String keep = polled("/keep.xml");
        authorized().delete("/api/sources/" + keep).then().statusCode(204);
        given().get("/api/sources/" + keep).then().statusCode(404);
        assertEquals(1, documentsAt(site.base + "/news/keep-me"));

        String purge = polled("/purge.xml");
        assertEquals(1, documentsAt(site.base + "/news/purge-me"));
        authorized().delete("/api/sources/" + purge + "?purge=true").then().statusCode(204);
        assertEquals(0, documentsAt(site.base + "/news/purge-me"));
    }

    @Test
    void changingSourcesNeedsTheApiKeyAndValidInput() {
        given().contentType(ContentType.JSON).body("{\"url\":\"" + site.base + "/atom.xml\"}").post("/api/sources")
                .then().statusCode(401);
        given().get("/api/sources").then().statusCode(200);
        authorized().contentType(ContentType.JSON).body("{\"url\":\"ftp://example.com/feed\"}").post("/api/sources")
                .then().statusCode(400).contentType("application/problem+json").body("detail", containsString("http"));
        authorized().contentType(ContentType.JSON).body("{\"url\":\"" + site.base + "/x.xml\",\"pollEvery\":\"PT1S\"}")
                .post("/api/sources").then().statusCode(400).body("detail", containsString("pollEvery"));
        authorized().contentType(ContentType.JSON).body("{\"url\":\"" + site.base + "/x.xml\",\"pollEvery\":\"ten minutes\"}")
                .post("/api/sources").then().statusCode(400).body("detail", containsString("ISO-8601"));
        authorized().contentType(ContentType.JSON).body("{}").post("/api/sources").then().statusCode(400);
        polled("/keep.xml");
        authorized().contentType(ContentType.JSON).body("{\"url\":\"" + site.base + "/keep.xml\"}").post("/api/sources")
                .then().statusCode(409).contentType("application/problem+json");
        authorized().post("/api/sources/nope/poll").then().statusCode(404).contentType("application/problem+json");
    }

    // --- helpers

    private static RequestSpecification authorized() {
        return given().header("Authorization", "Bearer " + FeedSiteProfile.API_KEY);
    }

    /** The source for this path of the site, registered and polled once (or found, when an earlier test did). */
    private static synchronized String polled(String path) {
        String url = site.base + path;
        List<Map<String, Object>> sources = given().get("/api/sources").then().statusCode(200).extract().path("$");
        for (Map<String, Object> s : sources) {
            if (url.equals(s.get("url"))) {
                String id = (String) s.get("id");
                waitForPoll(id);
                return id;
            }
        }
        String id = authorized().contentType(ContentType.JSON).body(Map.of("url", url, "name", "MMP " + path))
                .post("/api/sources").then().statusCode(201)
                .body("url", equalTo(url)).body("pollEvery", equalTo("PT10M"))
                .extract().path("id");
        waitForPoll(id);
        return id;
    }

    private static void pollNow(String id) {
        authorized().post("/api/sources/" + id + "/poll").then().statusCode(202);
        waitForPoll(id);
    }

    private static void waitForPoll(String id) {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < deadline) {
            JsonPath s = status(id);
            if (!s.getBoolean("polling") && s.getString("lastPollAt") != null) {
                return;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted");
            }
        }
        fail("source " + id + " was not polled within 60 s");
    }

    private static JsonPath status(String id) {
        return given().get("/api/sources/" + id).then().statusCode(200).extract().jsonPath();
    }

    private static Map<String, Object> document(String url) {
        List<Map<String, Object>> documents = given().get("/api/documents").then().statusCode(200).extract().path("$");
        return documents.stream().filter(d -> url.equals(d.get("url"))).findFirst()
                .orElseThrow(() -> new AssertionError("no article at " + url + " among " + documents));
    }

    private static long documentsAt(String url) {
        List<Map<String, Object>> documents = given().get("/api/documents").then().statusCode(200).extract().path("$");
        return documents.stream().filter(d -> url.equals(d.get("url"))).count();
    }
}
