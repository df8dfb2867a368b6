package podium.browser;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Debian's headless Chromium at a fixed viewport, with a fresh profile, for page tests. */
public final class Browser implements AutoCloseable {

  public static final Path SCREENSHOTS = Path.of("target", "screenshots");

  public final ChromeDriver driver;
  private final Path profile;

  private Browser(ChromeDriver driver, Path profile) {
    this.driver = driver;
    this.profile = profile;
  }

  /** A phone-sized viewport (under 600 px wide) also emulates a mobile device, as pages see it. */
  public static Browser start(int width, int height) {
    try {
      Path profile = Files.createTempDirectory("podium-chromium-");
      ChromeOptions options = new ChromeOptions().setBinary("/usr/bin/chromium").addArguments(
          "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
          "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
          "--window-size=" + width + "," + height, "--user-data-dir=" + profile, "--lang=en-US");
      ChromeDriverService service = new ChromeDriverService.Builder()
          .usingDriverExecutable(new File("/usr/bin/chromedriver")).build();
      ChromeDriver driver = new ChromeDriver(service, options);
      // The window size includes no browser chrome in headless mode, but pin the viewport exactly anyway.
      driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", height,
          "deviceScaleFactor", 1, "mobile", width < 600));
      return new Browser(driver, profile);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public Browser open(String url) {
    driver.get(url);
    return this;
  }

  public Object js(String script, Object... args) {
    return driver.executeScript(script, args);
  }

  public WebElement find(String css) {
    return driver.findElement(By.cssSelector(css));
  }

  /** Waits until the condition gives something other than null or false; fails with the message after the timeout. */
  public <T> T until(Duration timeout, String what, Function<WebDriver, T> condition) {
    // Pages re-render whole sections on every change, so an element found a moment ago may be gone.
    return new WebDriverWait(driver, timeout, Duration.ofMillis(50)).ignoring(StaleElementReferenceException.class)
        .withMessage(() -> what + "; the page says: " + pageSummary()).until(condition);
  }

  /** The rendered text of the first match, or "" when there is none; read in one step, so never stale. */
  public String text(String css) {
    Object t = js("const e = document.querySelector(arguments[0]); return e ? e.innerText : ''", css);
    return String.valueOf(t);
  }

  /** The classes of the first match, space-separated, or "" when there is none. */
  public String classes(String css) {
    return String.valueOf(js("const e = document.querySelector(arguments[0]); return e ? e.className : ''", css));
  }

  /** What a failed wait should report: the connection line and the last frames live.js received. */
  private String pageSummary() {
    try {
      return String.valueOf(js("const c = document.getElementById('connection');"
          + " const l = window.podiumLive; return (c ? c.textContent : '?') + ' | version '"
          + " + (l && l.version) + ' | last frames ' + JSON.stringify(l ? l.log.slice(-12) : null)"));
    } catch (RuntimeException e) {
      return "(no answer: " + e.getMessage().lines().findFirst().orElse("") + ")";
    }
  }

  /** Saves the viewport as target/screenshots/NAME.png and returns its path. */
  public Path screenshot(String name) {
    try {
      Files.createDirectories(SCREENSHOTS);
      Path target = SCREENSHOTS.resolve(name + ".png");
      Files.move(driver.getScreenshotAs(OutputType.FILE).toPath(), target, StandardCopyOption.REPLACE_EXISTING);
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Saves the whole page, beyond the viewport, as target/screenshots/NAME.png. */
  @SuppressWarnings("unchecked")
  public Path fullPageScreenshot(String name) {
    Map<String, Object> metrics = driver.executeCdpCommand("Page.getLayoutMetrics", Map.of());
    Map<String, Object> size = (Map<String, Object>) metrics.get("cssContentSize");
    Map<String, Object> clip = Map.of("x", 0, "y", 0, "width", size.get("width"), "height", size.get("height"),
        "scale", 1);
    Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot",
        Map.of("format", "png", "captureBeyondViewport", true, "clip", clip));
    try {
      Files.createDirectories(SCREENSHOTS);
      Path target = SCREENSHOTS.resolve(name + ".png");
      Files.write(target, java.util.Base64.getDecoder().decode((String) shot.get("data")));
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    driver.quit();
    try (Stream<Path> files = Files.walk(profile)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // A leftover temp profile is harmless.
    }
  }
}
