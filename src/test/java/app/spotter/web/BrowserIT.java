package app.spotter.web;

import static org.assertj.core.api.Assertions.assertThat;

import app.spotter.support.ApiClient;
import app.spotter.support.SpotterIT;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * Browser tests on Debian's Chromium through Playwright for Java. Every test gets a fresh browser context (no
 * cookies), and fails if the page logged a console error or threw.
 */
abstract class BrowserIT extends SpotterIT {

    static final String PASSWORD = "correct horse battery";
    /** The calendar, also with Spring Security's "?continue" after a login that interrupted a visit. */
    static final java.util.regex.Pattern CALENDAR = java.util.regex.Pattern.compile(".*/app/calendar(\\?continue)?$");
    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final List<String> CHROMIUM_FLAGS = List.of("--no-sandbox", "--disable-gpu", "--disable-quic",
            "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync");

    private static Playwright playwright;
    private static Browser browser;

    BrowserContext context;
    Page page;
    final List<String> consoleErrors = new ArrayList<>();

    record Trainer(String email, ApiClient api) {}

    @BeforeAll
    static void launchBrowser() throws Exception {
        Files.createDirectories(SCREENSHOTS);
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(Path.of("/usr/bin/chromium")).setHeadless(true).setArgs(CHROMIUM_FLAGS));
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    static Browser browser() {
        return browser;
    }

    /** Drags the calendar event showing {@code name} to the time slot {@code toTime} ("10:00:00") of its day. */
    void drag(String name, String toTime) {
        // after an Undo the calendar fetches its two event sources (sessions, busy times) again and replaces the
        // elements once per source: an element found between the two renders can be gone a moment later
        com.microsoft.playwright.Locator event = page.locator(".fc-event",
                new Page.LocatorOptions().setHasText(name));
        com.microsoft.playwright.options.BoundingBox from = null;
        for (int attempt = 1; from == null; attempt++) {
            page.waitForLoadState(com.microsoft.playwright.options.LoadState.NETWORKIDLE);
            try {
                event.scrollIntoViewIfNeeded();
                from = event.boundingBox();
            } catch (com.microsoft.playwright.PlaywrightException replaced) {
                if (attempt == 5) {
                    throw replaced;
                }
            }
        }
        com.microsoft.playwright.options.BoundingBox to = page
                .locator("td.fc-timegrid-slot-lane[data-time='" + toTime + "']").boundingBox();
        page.mouse().move(from.x + from.width / 2, from.y + 5);
        page.mouse().down();
        page.mouse().move(from.x + from.width / 2, from.y + 25,
                new com.microsoft.playwright.Mouse.MoveOptions().setSteps(5));
        page.mouse().move(from.x + from.width / 2, to.y + 5,
                new com.microsoft.playwright.Mouse.MoveOptions().setSteps(10));
        page.mouse().up();
    }

    @BeforeEach
    void openPage() {
        context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900)
                .setLocale("en-ZA").setTimezoneId("Africa/Johannesburg"));
        // generous: the 2 build cores are shared, and a loaded machine is not a failing app
        context.setDefaultTimeout(30_000);
        com.microsoft.playwright.assertions.PlaywrightAssertions.setDefaultAssertionTimeout(30_000);
        page = context.newPage();
        watchConsole(page);
    }

    @AfterEach
    void closePageAndCheckConsole(org.junit.jupiter.api.TestInfo test) {
        // the last state of every test, to look at when one fails
        page.screenshot(new Page.ScreenshotOptions().setFullPage(true)
                .setPath(SCREENSHOTS.resolve("tests").resolve(test.getTestMethod().orElseThrow().getName() + ".png")));
        context.close();
        assertThat(consoleErrors).as("console errors and page errors").isEmpty();
    }

    void watchConsole(Page p) {
        p.onConsoleMessage(m -> {
            if ("error".equals(m.type())) {
                String text = m.text();
                consoleErrors.add((text.length() > 300 ? text.substring(0, 300) + "..." : text) + " @ " + m.location());
            }
        });
        p.onPageError(e -> consoleErrors.add("page error: " + e));
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    /** A trainer signed up over the API (fast); the browser logs in as them with {@link #logIn}. */
    Trainer trainerViaApi() {
        String email = "trainer-" + UUID.randomUUID() + "@example.com";
        ApiClient anonymous = anonymous();
        var created = anonymous.post("/api/v1/trainers", """
                {"name":"Thandi Trainer","email":"%s","password":"%s","timezone":"Africa/Johannesburg"}"""
                .formatted(email, PASSWORD));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        var token = anonymous.post("/api/v1/auth/tokens", """
                {"email":"%s","password":"%s"}""".formatted(email, PASSWORD));
        return new Trainer(email, anonymous.as(token.json().get("token").stringValue()));
    }

    void logIn(Trainer trainer) {
        page.navigate(url("/login"));
        page.getByLabel("Email").fill(trainer.email());
        page.getByLabel("Password").fill(PASSWORD);
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Log in")).click();
        page.waitForURL(CALENDAR);
    }

    /** Replaces this test's page with one on a 375 x 740 phone (touch, 2x pixels). */
    void usePhone() {
        context.close();
        context = browser().newContext(new Browser.NewContextOptions().setViewportSize(375, 740)
                .setDeviceScaleFactor(2).setIsMobile(true).setHasTouch(true).setLocale("en-ZA")
                .setTimezoneId("Africa/Johannesburg"));
        context.setDefaultTimeout(30_000);
        page = context.newPage();
        watchConsole(page);
    }

    /** Replaces this test's page with one at {@code width} x {@code height}. */
    void useScreen(int width, int height) {
        if (width <= 400) {
            usePhone();
            return;
        }
        context.close();
        context = browser().newContext(new Browser.NewContextOptions().setViewportSize(width, height)
                .setLocale("en-ZA").setTimezoneId("Africa/Johannesburg"));
        context.setDefaultTimeout(30_000);
        page = context.newPage();
        watchConsole(page);
    }

    private static String axeSource;

    /**
     * Runs axe-core (the WebJar on the test classpath) on the page as it is now, and fails on any serious or
     * critical violation, naming the rule and the elements. Injected through the DevTools protocol, which the
     * page's Content-Security-Policy does not govern, so the policy stays as strict as in production.
     */
    void assertAccessible(String where) {
        if (axeSource == null) {
            try (var in = BrowserIT.class.getResourceAsStream("/META-INF/resources/webjars/axe-core/4.6.3/axe.min.js")) {
                axeSource = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        if (!(Boolean) page.evaluate("() => typeof window.axe !== 'undefined'")) {
            page.evaluate("() => { " + axeSource + "\n; window.axe = axe; }");
        }
        Object found = page.evaluate("""
                async () => {
                  const r = await axe.run(document, { resultTypes: ['violations'] });
                  return r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
                    .map(v => v.id + ' (' + v.impact + '): ' + v.help + ' @ '
                      + v.nodes.slice(0, 5).map(n => n.target.join(' ') + ' ' + (n.failureSummary || '')
                        .replace(/\s+/g, ' ')).join(' | '));
                }""");
        assertThat((List<?>) found).as("axe-core serious/critical violations on " + where).isEmpty();
    }

    /** What the screen shows now (fixed elements such as the toast where the eye sees them). */
    void screenshotViewport(String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")));
    }

    void screenshot(String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(true));
    }
}
