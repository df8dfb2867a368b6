package podium.browser;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.remote.Command;
import org.openqa.selenium.remote.DriverCommand;
import org.openqa.selenium.remote.Response;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium at a fixed viewport, with a fresh profile, for page tests.
 *
 * <p>It records Chromium's browser log (goog:loggingPrefs browser=ALL, read from ChromeDriver) and
 * treats every uncaught exception, unhandled promise rejection, console.error and failed request as a
 * page error. {@link PageErrorCheck}, which JUnit loads for every test (junit-platform.properties),
 * fails the test after each one that left page errors in any open browser, and {@link #close()}
 * fails on those left since. The one exception is {@link #expectNetworkErrors}: a test that takes the
 * hub away says so, and while it does, Chromium's own connection failures are allowed.
 */
public final class Browser implements AutoCloseable {

  public static final Path SCREENSHOTS = Path.of("target", "screenshots");

  /**
   * The connection failures a page shows while its hub is away: a WebSocket that cannot connect or
   * is refused its upgrade, a request that gets no answer. An HTTP error status is not one of them.
   */
  private static final Pattern CONNECTION_FAILURE = Pattern.compile(
      "\\S+ (\\d+(:\\d+)? )?WebSocket connection to '[^']*' failed:.*"
      + "|\\S+ - Failed to load resource: net::ERR_[A-Z_]+");

  private static final Set<Browser> OPEN = ConcurrentHashMap.newKeySet();

  public final ChromeDriver driver;
  private final Path profile;
  private final String name;
  private final List<String> pageErrors = new ArrayList<>();
  private final List<String> expectedNetworkErrors = new ArrayList<>();
  private int networkErrorsExpected;
  private boolean closed;

  private Browser(ChromeDriver driver, Path profile, String name) {
    this.driver = driver;
    this.profile = profile;
    this.name = name;
  }

  /** A phone-sized viewport (under 600 px wide) also emulates a mobile device, as pages see it. */
  public static Browser start(int width, int height) {
    try {
      Path profile = Files.createTempDirectory("podium-chromium-");
      ChromeOptions options = new ChromeOptions().setBinary("/usr/bin/chromium").addArguments(
          "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
          "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
          "--window-size=" + width + "," + height, "--user-data-dir=" + profile, "--lang=en-US");
      LoggingPreferences logs = new LoggingPreferences();
      logs.enable(LogType.BROWSER, Level.ALL);
      options.setCapability(ChromeOptions.LOGGING_PREFS, logs);
      ChromeDriverService service = new ChromeDriverService.Builder()
          .usingDriverExecutable(new File("/usr/bin/chromedriver")).build();
      ChromeDriver driver = new ChromeDriver(service, options);
      Browser browser = new Browser(driver, profile, "Chromium " + width + "x" + height);
      // The window size includes no browser chrome in headless mode, but pin the viewport exactly anyway.
      browser.viewport(width, height, 1);
      OPEN.add(browser);
      return browser;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The viewport in CSS pixels at this device scale (2 for 200 % zoom); a phone's below 600 px. */
  public void viewport(int width, int height, int scale) {
    driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", height,
        "deviceScaleFactor", scale, "mobile", width < 600));
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

  /** Emulates prefers-color-scheme: "light" or "dark" (CDP Emulation.setEmulatedMedia). */
  public Browser colorScheme(String scheme) {
    driver.executeCdpCommand("Emulation.setEmulatedMedia",
        Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", scheme))));
    return this;
  }

  /**
   * Until the returned scope is closed, the page may show network-source connection failures
   * (see CONNECTION_FAILURE): for a test that takes the hub away on purpose. Page errors (uncaught
   * exceptions, rejections, console.error) and HTTP error statuses still fail the test.
   */
  public synchronized NetworkErrors expectNetworkErrors(String why) {
    readLog();
    networkErrorsExpected++;
    return new NetworkErrors(why);
  }

  /** An open {@link #expectNetworkErrors} scope. */
  public final class NetworkErrors implements AutoCloseable {
    private final String why;
    private boolean done;

    private NetworkErrors(String why) {
      this.why = why;
    }

    /** The connection failures seen in the scope so far. */
    public List<String> seen() {
      synchronized (Browser.this) {
        readLog();
        return List.copyOf(expectedNetworkErrors);
      }
    }

    @Override
    public void close() {
      synchronized (Browser.this) {
        if (done) {
          return;
        }
        done = true;
        if (!closed) {
          readLog();
        }
        networkErrorsExpected--;
        expectedNetworkErrors.clear();
      }
    }

    @Override
    public String toString() {
      return "network errors expected: " + why;
    }
  }

  /** The page errors logged since the last call (or since the start), and forgets them. */
  public synchronized List<String> takePageErrors() {
    if (!closed) {
      readLog();
    }
    List<String> out = List.copyOf(pageErrors);
    pageErrors.clear();
    return out;
  }

  /** The browsers started and not yet closed. */
  static List<Browser> open() {
    return List.copyOf(OPEN);
  }

  @Override
  public String toString() {
    return name;
  }

  /** Reads what ChromeDriver logged since the last read and sorts it into page errors and the rest. */
  @SuppressWarnings("unchecked")
  private void readLog() {
    Response r;
    try {
      // Raw, because Selenium's LogEntry drops each entry's source (network, javascript, console-api...).
      r = driver.getCommandExecutor().execute(new Command(driver.getSessionId(), DriverCommand.GET_LOG,
          Map.of("type", LogType.BROWSER)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (!(r.getValue() instanceof List)) {
      throw new WebDriverException("ChromeDriver gave no browser log: " + r.getValue());
    }
    for (Map<String, Object> e : (List<Map<String, Object>>) r.getValue()) {
      String level = String.valueOf(e.get("level"));
      String source = String.valueOf(e.get("source"));
      String message = String.valueOf(e.get("message"));
      boolean error = "SEVERE".equals(level) || "javascript".equals(source);
      if (!error) {
        continue; // console.log, info and warnings
      }
      if (networkErrorsExpected > 0 && "network".equals(source) && CONNECTION_FAILURE.matcher(message).matches()) {
        expectedNetworkErrors.add(message);
      } else {
        pageErrors.add("[" + source + "] " + message);
      }
    }
  }

  /** Closes each, even when one fails, then fails with the page errors any of them had left. */
  public static void closeAll(Browser... browsers) {
    AssertionError failed = null;
    for (Browser b : browsers) {
      if (b == null) {
        continue;
      }
      try {
        b.close();
      } catch (AssertionError | RuntimeException e) {
        if (failed == null) {
          failed = new AssertionError("closing the browsers failed", e);
        } else {
          failed.addSuppressed(e);
        }
      }
    }
    if (failed != null) {
      throw failed;
    }
  }

  /** Quits Chromium; fails, after quitting, when the page logged errors nobody has taken. */
  @Override
  public void close() {
    List<String> left;
    synchronized (this) {
      if (closed) {
        return;
      }
      try {
        readLog();
      } catch (RuntimeException e) {
        pageErrors.add("(the browser log could not be read: " + e.getMessage().lines().findFirst().orElse("") + ")");
      }
      closed = true;
      OPEN.remove(this);
      left = List.copyOf(pageErrors);
      pageErrors.clear();
    }
    try {
      driver.quit();
    } finally {
      try (Stream<Path> files = Files.walk(profile)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      } catch (IOException e) {
        // A leftover temp profile is harmless.
      }
    }
    if (!left.isEmpty()) {
      throw new AssertionError(describe(this, left));
    }
  }

  static String describe(Browser b, List<String> errors) {
    return errors.size() + " page error(s) in " + b + ":\n  " + String.join("\n  ", errors);
  }
}
