package herald.sources;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * A news site played by WireMock: RSS, Atom, JSON Feed, a Google News sitemap behind a sitemap index,
 * article pages with JSON-LD and page furniture, ETags and 304s, an article that changes, a malformed feed,
 * a 10 MB page, a redirect loop, a page robots.txt forbids, a feed item pointing at the cloud metadata
 * address, and a feed that fails once and then recovers.
 */
final class NewsSite {

    final WireMockServer server = new WireMockServer(options().dynamicPort());
    String base;

    NewsSite start() {
        server.start();
        base = "http://localhost:" + server.port();
        robots();
        rss();
        atom();
        jsonFeed();
        sitemaps();
        changingArticle();
        singleArticleFeed("/keep.xml", "/news/keep-me", "Ferry to Con Dao resumes",
                "The Vung Tau to Con Dao fast ferry resumed on Monday after a two-week repair.");
        singleArticleFeed("/purge.xml", "/news/purge-me", "Night market moves",
                "Da Lat's night market moved two streets east on Saturday to make room for a new square.");
        server.stubFor(get("/broken.xml").willReturn(xml("<rss version=\"2.0\"><channel><title>Broken</title><item><title>Half")));
        recoveringFeed();
        return this;
    }

    void stop() {
        server.stop();
    }

    private void robots() {
        server.stubFor(get("/robots.txt").willReturn(aResponse().withHeader("Content-Type", "text/plain")
                .withBody("User-agent: *\nDisallow: /members/\n")));
    }

    private void rss() {
        String feed = """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0"><channel><title>Mekong Morning Post</title><link>%1$s/</link><description>News</description>
                <item><title>Putin heads to Vietnam</title><link>%1$s/news/putin-vietnam?utm_source=rss</link>
                  <guid>%1$s/news/putin-vietnam</guid><pubDate>Mon, 17 Jun 2024 03:30:00 GMT</pubDate></item>
                <item><title>Enormous page</title><link>%1$s/news/huge</link><pubDate>Sun, 16 Jun 2024 08:00:00 GMT</pubDate>
                  <description>&lt;p&gt;Hai Phong port handled a record 2.1 million containers in May, the port authority said.&lt;/p&gt;</description></item>
                <item><title>Going round in circles</title><link>%1$s/news/loop</link><pubDate>Sat, 15 Jun 2024 08:00:00 GMT</pubDate></item>
                <item><title>Members only</title><link>%1$s/members/briefing</link><pubDate>Fri, 14 Jun 2024 08:00:00 GMT</pubDate>
                  <description>Can Tho opened a floating market museum on Friday with 40 restored boats.</description></item>
                <item><title>Metadata</title><link>http://169.254.169.254/latest/meta-data/</link><pubDate>Thu, 13 Jun 2024 08:00:00 GMT</pubDate>
                  <description>Internal.</description></item>
                </channel></rss>""".formatted(base);
        server.stubFor(get("/rss.xml").atPriority(1).withHeader("If-None-Match", equalTo("\"rss-1\""))
                .willReturn(aResponse().withStatus(304).withHeader("ETag", "\"rss-1\"")));
        server.stubFor(get("/rss.xml").atPriority(5).willReturn(xml(feed).withHeader("ETag", "\"rss-1\"")
                .withHeader("Last-Modified", "Mon, 17 Jun 2024 04:00:00 GMT")));
        server.stubFor(get(urlPathEqualTo("/news/putin-vietnam")).willReturn(html(page(
                "Putin to visit North Korea and Vietnam", "2024-06-17T09:00:00+05:30", null, "/news/putin-vietnam",
                "Russian President Vladimir Putin will visit North Korea on June 18-19, the Kremlin said on Monday.",
                "Following his visit to North Korea, Putin will travel to Vietnam on June 19-20 for talks in Hanoi."))));
        StringBuilder huge = new StringBuilder("<html><body><article><h1>Enormous page</h1>");
        String paragraph = "<p>" + "Filler words for a page far too large to read whole. ".repeat(20) + "</p>\n";
        while (huge.length() < 10_000_000) {
            huge.append(paragraph);
        }
        server.stubFor(get("/news/huge").willReturn(html(huge.append("</article></body></html>").toString())));
        server.stubFor(get("/news/loop").willReturn(aResponse().withStatus(302).withHeader("Location", "/news/loop")));
        server.stubFor(get("/members/briefing").willReturn(html(page("Members only", "2024-06-14", null, "/members/briefing",
                "This page must not be fetched.", "Robots say so."))));
    }

    private void atom() {
        server.stubFor(get("/atom.xml").willReturn(aResponse().withHeader("Content-Type", "application/atom+xml").withBody("""
                <?xml version="1.0" encoding="utf-8"?>
                <feed xmlns="http://www.w3.org/2005/Atom"><title>Mekong Morning Post</title><id>urn:mmp</id>
                <updated>2024-06-18T10:00:00Z</updated>
                <entry><title>Hanoi metro extends hours</title><id>urn:mmp:metro</id>
                  <link rel="alternate" href="%1$s/news/metro-hours"/>
                  <published>2024-06-18T06:00:00Z</published><updated>2024-06-18T06:00:00Z</updated></entry>
                </feed>""".formatted(base))));
        server.stubFor(get("/news/metro-hours").willReturn(html(page("Hanoi metro extends hours", "2024-06-18T06:00:00Z", null,
                "/news/metro-hours", "Hanoi's Cat Linh metro line will run until 23:00 from July, the operator said.",
                "Trains will come every six minutes at peak times."))));
    }

    private void jsonFeed() {
        server.stubFor(get("/feed.json").willReturn(aResponse().withHeader("Content-Type", "application/feed+json").withBody("""
                {"version":"https://jsonfeed.org/version/1.1","title":"Mekong Morning Post","items":[
                 {"id":"1","url":"%1$s/news/rice-exports","title":"Rice exports climb","date_published":"2024-06-12T07:00:00Z",
                  "authors":[{"name":"Lan Pham"}]},
                 {"id":"2","url":"%1$s/wire/rice-exports-copy","title":"Rice exports climb (wire copy)","date_published":"2024-06-12T07:05:00Z"}
                ]}""".formatted(base))));
        String riceText = "Vietnam exported 4.4 million tonnes of rice in the first five months of 2024, up 10 percent.";
        server.stubFor(get("/news/rice-exports").willReturn(html(page("Rice exports climb", "2024-06-12T07:00:00Z", null,
                "/news/rice-exports", riceText, "Prices averaged 650 dollars a tonne."))));
        // the same story under another URL, with no canonical link: the same text is stored once
        server.stubFor(get("/wire/rice-exports-copy").willReturn(html(page("Rice exports climb", "2024-06-12T07:00:00Z", null,
                null, riceText, "Prices averaged 650 dollars a tonne."))));
    }

    private void sitemaps() {
        server.stubFor(get("/sitemap-index.xml").willReturn(xml("""
                <?xml version="1.0" encoding="UTF-8"?>
                <sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
                  <sitemap><loc>%1$s/news-sitemap.xml</loc><lastmod>2024-06-19</lastmod></sitemap>
                </sitemapindex>""".formatted(base))));
        server.stubFor(get("/news-sitemap.xml").willReturn(xml("""
                <?xml version="1.0" encoding="UTF-8"?>
                <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
                  <url><loc>%1$s/news/typhoon</loc>
                    <news:news><news:publication><news:name>Mekong Morning Post</news:name><news:language>en</news:language></news:publication>
                      <news:publication_date>2024-06-19T05:00:00+07:00</news:publication_date>
                      <news:title>Typhoon nears Quang Ninh</news:title></news:news></url>
                </urlset>""".formatted(base))));
        // a page without JSON-LD: Open Graph tags give its metadata
        server.stubFor(get("/news/typhoon").willReturn(html("""
                <html><head><title>Typhoon | MMP</title><meta property="og:title" content="Typhoon nears Quang Ninh">
                <meta property="og:site_name" content="Mekong Morning Post"><meta property="article:section" content="Weather">
                </head><body><article><h1>Typhoon nears Quang Ninh</h1>
                <p>Typhoon Maliksi is expected to reach Quang Ninh province on Thursday, forecasters said.</p></article></body></html>""")));
    }

    /** An Atom feed and page that change once the scenario moves to "changed". */
    private void changingArticle() {
        String feed = """
                <?xml version="1.0" encoding="utf-8"?>
                <feed xmlns="http://www.w3.org/2005/Atom"><title>Live</title><id>urn:live</id><updated>%2$s</updated>
                <entry><title>Putin in Hanoi</title><id>urn:live:1</id><link href="%1$s/news/putin-hanoi"/>
                  <published>2024-06-19T10:00:00Z</published><updated>%2$s</updated></entry></feed>""";
        server.stubFor(get("/live.xml").inScenario("live").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(xml(feed.formatted(base, "2024-06-19T10:00:00Z")).withHeader("ETag", "\"live-1\"")));
        server.stubFor(get("/live.xml").inScenario("live").whenScenarioStateIs("changed")
                .willReturn(xml(feed.formatted(base, "2024-06-20T08:00:00Z")).withHeader("ETag", "\"live-2\"")));
        server.stubFor(get("/news/putin-hanoi").inScenario("live").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(html(page("Putin in Hanoi", "2024-06-19T10:00:00Z", null, "/news/putin-hanoi",
                        "Putin is expected to land in Hanoi tonight for a two-day state visit.", "Officials prepared the airport."))));
        server.stubFor(get("/news/putin-hanoi").inScenario("live").whenScenarioStateIs("changed")
                .willReturn(html(page("Putin in Hanoi", "2024-06-19T10:00:00Z", "2024-06-20T08:00:00Z", "/news/putin-hanoi",
                        "Putin arrived in Hanoi and met To Lam, signing eleven agreements.", "Officials prepared the airport."))));
    }

    /** A feed whose first fetch fails with a 503 and whose later fetches succeed. */
    private void recoveringFeed() {
        singleArticleFeed("/recovering.xml", "/news/back-online", "Ben Thanh market reopens",
                "Ben Thanh market reopened on Tuesday after a month of roof repairs, the district said.");
        server.stubFor(get("/recovering.xml").atPriority(1).inScenario("recovering").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("recovered"));
    }

    private void singleArticleFeed(String feedPath, String articlePath, String headline, String text) {
        server.stubFor(get(feedPath).willReturn(xml("""
                <?xml version="1.0" encoding="utf-8"?>
                <feed xmlns="http://www.w3.org/2005/Atom"><title>One</title><id>urn:%3$s</id><updated>2024-06-10T10:00:00Z</updated>
                <entry><title>%2$s</title><id>urn:%3$s:1</id><link href="%1$s%3$s"/><published>2024-06-10T10:00:00Z</published>
                <updated>2024-06-10T10:00:00Z</updated></entry></feed>""".formatted(base, headline, articlePath))));
        server.stubFor(get(articlePath).willReturn(html(page(headline, "2024-06-10T10:00:00Z", null, articlePath, text, "That is all."))));
    }

    void changeLiveArticle() {
        server.setScenarioState("live", "changed");
    }

    /** An article page with the furniture news sites wrap around a story. */
    String page(String headline, String published, String modified, String canonicalPath, String first, String second) {
        String canonical = canonicalPath == null ? "" : "<link rel=\"canonical\" href=\"" + base + canonicalPath + "\">";
        return """
                <!doctype html><html><head><title>%1$s | Mekong Morning Post</title>%2$s
                <meta property="og:site_name" content="Mekong Morning Post">
                <script type="application/ld+json">{"@context":"https://schema.org","@graph":[
                  {"@type":"WebSite","name":"Mekong Morning Post"},
                  {"@type":"NewsArticle","headline":"%1$s","datePublished":"%3$s"%4$s,
                   "author":[{"@type":"Person","name":"Minh Tran"}],"articleSection":"World",
                   "publisher":{"@type":"Organization","name":"Mekong Morning Post"}}]}</script>
                </head><body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
                <header>Subscribe now</header>
                <article><h1>%1$s</h1><p>Share</p><p>%5$s</p><p>%6$s</p>
                <p>Join Mekong Morning Post Whatsapp group</p>
                <h3>Related News</h3><ul><li>Some Other Headline About Things</li></ul></article>
                <footer>Copyright Mekong Morning Post</footer></body></html>"""
                .formatted(headline, canonical, published, modified == null ? "" : ",\"dateModified\":\"" + modified + "\"", first, second);
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder xml(String body) {
        return aResponse().withHeader("Content-Type", "application/xml; charset=utf-8").withBody(body);
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder html(String body) {
        return aResponse().withHeader("Content-Type", "text/html; charset=utf-8").withBody(body);
    }
}
