package io.github.sitegen.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import io.github.sitegen.Fixture;
import io.github.sitegen.SiteGenConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * What wraps on a small screen stays whole and in place, in the built-in theme and in harbor: a
 * site title of 60 characters shows whole beside the logo on a phone 375 pixels wide, and the
 * bullet of a question that wraps, in the home page's lists and in a related list, stays beside
 * the question's first line at every width.
 */
class WrappedTextTest {

    private static final String TITLE = "NATO and European Union partnership: your questions answered";
    private static final String LONG_QUESTION = "How do the partners share the planning, the training, the exercises"
            + " and the costs of a joint mission when one of them leaves the partnership before the mission ends,"
            + " and who decides what happens to the equipment?";
    private static final List<String> THEMES = List.of("built-in", "harbor");

    @TempDir
    static Path root;

    @RegisterExtension
    static final Browser.Closing CLOSING = new Browser.Closing();

    private static ChromeDriver driver;
    private static java.net.URI base;

    @BeforeAll
    static void start() throws Exception {
        Browser.assumeInstalled();
        Fixture.write(root, """
                -- content/site.yaml --
                title: "%s"
                description: Questions on the partnership.
                logo: img/logo.svg
                -- static/img/logo.svg --
                <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10" width="32" height="32"><rect width="10" height="10" fill="#236"/></svg>
                -- content/partners.yaml --
                title: Partners
                questions:
                  - id: long
                    question: "%s"
                    answer: The partners agree on it in the mission's founding document, before it starts.
                    related: [short]
                  - id: short
                    question: Who leads a joint mission?
                    answer: The partner that gives the most troops leads it, unless the partners agree otherwise.
                    related: [long]
                """.formatted(TITLE, LONG_QUESTION));
        Fixture.build(SiteGenConfig.builder(root.resolve("content"), root.resolve("sites/built-in"))
                .staticDirectory(root.resolve("static")));
        Fixture.build(SiteGenConfig.builder(root.resolve("content"), root.resolve("sites/harbor"))
                .staticDirectory(root.resolve("static")).theme("harbor", WrappedTextTest.class.getClassLoader()));
        Browser.Session session = CLOSING.keep(Browser.Session.serve(root.resolve("sites"), "/"));
        driver = session.driver();
        base = session.base();
    }

    private static void open(String theme, int width, String path) {
        Browser.screen(driver, width, 800);
        driver.get("about:blank");
        driver.get(base.resolve(theme + "/" + path).toString());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> script(String script, Object... arguments) {
        return (Map<String, Object>) driver.executeScript(script, arguments);
    }

    private static double number(Map<String, Object> values, String key) {
        return ((Number) values.get(key)).doubleValue();
    }

    @Test
    void aSixtyCharacterSiteTitleShowsWholeBesideTheLogoOnAPhone() {
        assertEquals(60, TITLE.length());
        List<String> failures = new ArrayList<>();
        for (String theme : THEMES) {
            open(theme, 375, "index.html");
            Map<String, Object> title = script("""
                    var name = document.querySelector('.site-name'), logo = document.querySelector('.site-logo');
                    var search = document.querySelector('.search input'), header = document.querySelector('.site-header');
                    var range = document.createRange(); range.selectNodeContents(name);
                    var lines = Array.from(range.getClientRects()), n = name.getBoundingClientRect();
                    var l = logo.getBoundingClientRect(), s = search.getBoundingClientRect(), h = header.getBoundingClientRect();
                    return {text: name.textContent, scrollWidth: name.scrollWidth, clientWidth: name.clientWidth,
                      scrollHeight: name.scrollHeight, clientHeight: name.clientHeight,
                      lines: new Set(lines.map(function (r) { return Math.round(r.top); })).size,
                      textLeft: Math.min.apply(null, lines.map(function (r) { return r.left; })),
                      textRight: Math.max.apply(null, lines.map(function (r) { return r.right; })),
                      textTop: Math.min.apply(null, lines.map(function (r) { return r.top; })),
                      textBottom: Math.max.apply(null, lines.map(function (r) { return r.bottom; })),
                      visible: getComputedStyle(name).visibility === 'visible' && n.width > 1 && n.height > 1,
                      logoWidth: l.width, logoRight: l.right, searchLeft: s.left, headerTop: h.top, headerBottom: h.bottom};
                    """);
            String where = theme + ": " + title + ": ";
            if (!TITLE.equals(title.get("text")) || !Boolean.TRUE.equals(title.get("visible"))) {
                failures.add(where + "the title is not shown");
            }
            if (number(title, "scrollWidth") > number(title, "clientWidth") || number(title, "scrollHeight") > number(title, "clientHeight")) {
                failures.add(where + "the title is cut");
            }
            if (number(title, "lines") > 3) {
                failures.add(where + "the title takes more than three lines");
            }
            if (number(title, "logoWidth") < 16 || number(title, "textLeft") < number(title, "logoRight")
                    || number(title, "textRight") > number(title, "searchLeft")) {
                failures.add(where + "the title is not beside the logo, before the search");
            }
            if (number(title, "textTop") < number(title, "headerTop") || number(title, "textBottom") > number(title, "headerBottom")) {
                failures.add(where + "the title goes out of the header");
            }
        }
        assertEquals(List.of(), failures);
    }

    @Test
    void theBulletOfAQuestionThatWrapsIsBesideItsFirstLineOnTheHomePageAndInRelatedListsAtEveryWidth() throws Exception {
        List<String> failures = new ArrayList<>();
        for (String theme : THEMES) {
            for (int width : List.of(375, 800, 1280)) {
                open(theme, width, "index.html");
                failures.addAll(bullet(theme + " " + width + " home page", ".question-list li:has(a[href$='#long'])"));
                open(theme, width, "partners/index.html#short");
                new WebDriverWait(driver, Browser.PATIENCE).until(d -> Boolean.TRUE.equals(driver.executeScript(
                        "return document.getElementById('short').closest('details').open;")));
                failures.addAll(bullet(theme + " " + width + " related list", ".related li:has(a[href$='#long'])"));
            }
        }
        assertEquals(List.of(), failures);
    }

    /**
     * Where the bullet of the list item {@code selector} is drawn, read from a screenshot: the
     * pixels left of the item that differ from the background there, whose middle must be within
     * the first line of the item's link.
     */
    private static List<String> bullet(String where, String selector) throws Exception {
        Map<String, Object> item = script("""
                var li = document.querySelector(arguments[0]);
                li.scrollIntoView({block: 'center'});
                var range = document.createRange(); range.selectNodeContents(li.querySelector('a'));
                var lines = range.getClientRects(), r = li.getBoundingClientRect();
                return {left: r.left, top: r.top, bottom: r.bottom, lines: new Set(Array.from(lines).map(function (l) {
                    return Math.round(l.top); })).size, firstTop: lines[0].top, firstBottom: lines[0].bottom};
                """, selector);
        if (number(item, "lines") < 2) {
            return List.of(where + ": the question does not wrap, so the test shows nothing: " + item);
        }
        BufferedImage screen = ImageIO.read(new ByteArrayInputStream(driver.getScreenshotAs(OutputType.BYTES)));
        int right = (int) Math.floor(number(item, "left")) - 1;
        int left = Math.max(0, right - 24);
        int top = (int) Math.ceil(number(item, "top"));
        int bottom = Math.min(screen.getHeight() - 1, (int) Math.floor(number(item, "bottom")));
        Map<Integer, Integer> colours = new HashMap<>();
        for (int y = top; y <= bottom; y++) {
            for (int x = left; x <= right; x++) {
                colours.merge(screen.getRGB(x, y), 1, Integer::sum);
            }
        }
        int background = colours.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        long sum = 0;
        int count = 0;
        for (int y = top; y <= bottom; y++) {
            for (int x = left; x <= right; x++) {
                if (distance(screen.getRGB(x, y), background) > 96) {
                    sum += y;
                    count++;
                }
            }
        }
        if (count == 0) {
            return List.of(where + ": no bullet is drawn left of the item " + item);
        }
        double middle = (double) sum / count;
        return middle >= number(item, "firstTop") && middle <= number(item, "firstBottom") ? List.of()
                : List.of(where + ": the bullet's middle is at " + Math.round(middle) + ", not beside the first line " + item);
    }

    private static int distance(int a, int b) {
        return Math.abs((a >> 16 & 0xFF) - (b >> 16 & 0xFF)) + Math.abs((a >> 8 & 0xFF) - (b >> 8 & 0xFF))
                + Math.abs((a & 0xFF) - (b & 0xFF));
    }
}
