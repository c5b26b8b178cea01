package io.github.sitegen.browser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * A generated site in headless Chromium, for the {@code verify.groovy} scripts of the integration
 * tests (the invoker puts the test class path on them): the browser, server and axe-core run of
 * the browser tests ({@link Browser}), with what a script asks of a page.
 */
public final class BrowserCheck implements AutoCloseable {

    private final Browser.Session session;
    private final ChromeDriver driver;

    private BrowserCheck(Browser.Session session) {
        this.session = session;
        this.driver = session.driver();
    }

    /**
     * Whether Chromium is installed, so that a script can leave its browser checks out without it;
     * when the environment requires browser tests ({@code SITE_GEN_BROWSER_TESTS=required}), a
     * missing Chromium throws instead.
     */
    public static boolean available() {
        return Browser.installed();
    }

    /** Serves {@code site} under {@code basePath} (such as {@code /faq/}) as GitHub Pages would, in a browser with JavaScript on. */
    public static BrowserCheck serve(Path site, String basePath) throws IOException {
        return new BrowserCheck(Browser.Session.serve(site, basePath));
    }

    /** Opens the page at {@code path}, relative to the base path. */
    public void open(String path) {
        driver.get(session.base().resolve(path).toString());
    }

    /** Sets the viewport to {@code width} × {@code height} CSS pixels (375 × 667: a small phone). */
    public void screen(int width, int height) {
        Browser.screen(driver, width, height);
    }

    /** Emulates the system's {@code light} or {@code dark} colour scheme. */
    public void colourScheme(String scheme) {
        Browser.colourScheme(driver, scheme);
    }

    public void click(String selector) {
        driver.findElement(By.cssSelector(selector)).click();
    }

    /** axe-core's violations on the page, WCAG 2 A and AA and best practices, one line each. */
    public List<String> axeViolations() throws IOException {
        return Browser.axeViolations(driver);
    }

    /** Console messages at error level since the last call. */
    public List<String> consoleErrors() {
        return Browser.consoleErrors(driver);
    }

    /**
     * The computed value of {@code property} on the first element {@code selector} matches, or on
     * its pseudo-element {@code pseudo} (such as {@code ::before}; {@code null} for the element).
     */
    public String style(String selector, String pseudo, String property) {
        WebElement element = driver.findElement(By.cssSelector(selector));
        return String.valueOf(driver.executeScript("return getComputedStyle(arguments[0], arguments[1]).getPropertyValue(arguments[2]);",
                element, pseudo, property));
    }

    /** The box of the first element {@code selector} matches, in CSS pixels: {@code x}, {@code y}, {@code width}, {@code height}. */
    @SuppressWarnings("unchecked")
    public Map<String, Number> box(String selector) {
        WebElement element = driver.findElement(By.cssSelector(selector));
        return (Map<String, Number>) driver.executeScript("var r = arguments[0].getBoundingClientRect();"
                + " return {x: r.x, y: r.y, width: r.width, height: r.height};", element);
    }

    /** Runs {@code script} in the page (asynchronously: it calls {@code arguments[0]} with its result) and returns the result. */
    public Object script(String script) {
        return driver.executeAsyncScript(script);
    }

    /** Saves a screenshot of the window as a PNG file at {@code file} (its folders are created); returns its bytes. */
    public byte[] screenshot(Path file) throws IOException {
        byte[] png = driver.getScreenshotAs(OutputType.BYTES);
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.write(file, png);
        return png;
    }

    @Override
    public void close() {
        session.close();
    }
}
