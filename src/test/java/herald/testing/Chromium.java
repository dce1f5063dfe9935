package herald.testing;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;

import java.nio.file.Paths;
import java.util.List;
import java.util.Map;

/** Debian's Chromium, headless, driven through Playwright: no browser is downloaded (none can be, here). */
public final class Chromium implements AutoCloseable {

    private final Playwright playwright;
    private final Browser browser;

    private Chromium(Playwright playwright, Browser browser) {
        this.playwright = playwright;
        this.browser = browser;
    }

    public static Chromium launch() {
        Playwright playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        // no sandbox: CI runs as root in a container; the rest keeps Chromium off the network and quiet
        Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(Paths.get("/usr/bin/chromium"))
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync")));
        return new Chromium(playwright, browser);
    }

    /** A laptop-sized window with its own cookies and sessionStorage. */
    public BrowserContext desktop() {
        return browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 800).setLocale("en-US"));
    }

    /** A 375 px wide phone. */
    public BrowserContext phone() {
        return browser.newContext(new Browser.NewContextOptions().setViewportSize(375, 740).setDeviceScaleFactor(2)
                .setIsMobile(true).setHasTouch(true).setLocale("en-US"));
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
