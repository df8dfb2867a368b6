package podium.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedSuccessfully;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.FileSystemAccess;
import io.vertx.ext.web.handler.StaticHandler;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;
import podium.TestNode;

/**
 * The page-error check itself: a probe page (src/test/resources/page-errors) throws, rejects, logs
 * errors and loses its connection on demand, and each must reach the test; a test that leaves one
 * fails; connection failures pass only inside an expectNetworkErrors scope.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("browser")
class PageErrorsBrowserTest {

  private static final Duration SOON = Duration.ofSeconds(5);

  private Vertx vertx;
  private HttpServer pages;
  private int port;
  private Browser b;

  @BeforeAll
  void start() {
    vertx = Vertx.vertx();
    port = TestNode.freePort();
    Router router = Router.router(vertx);
    router.route().handler(StaticHandler.create(FileSystemAccess.ROOT,
        Path.of("src/test/resources/page-errors").toAbsolutePath().toString()).setCachingEnabled(false));
    pages = vertx.createHttpServer().requestHandler(router).listen(port, "127.0.0.1").await();
    b = Browser.start(800, 600);
  }

  @AfterAll
  void stop() {
    try {
      Browser.closeAll(b);
    } finally {
      pages.close().await();
      vertx.close().await();
    }
  }

  @Test
  void aPageThatOnlyLogsAndWarnsHasNoErrors() {
    assertThat(probe("none")).isEmpty();
  }

  @Test
  void anUncaughtExceptionInAModuleScriptIsAPageError() {
    assertThat(probe("throw")).singleElement().asString().startsWith("[javascript] ")
        .contains("probe.js").contains("Uncaught ReferenceError: probe: thrown at the top of a module");
  }

  @Test
  void anUnhandledRejectionIsAPageError() {
    assertThat(probe("reject")).singleElement().asString().startsWith("[javascript] ")
        .contains("probe: a promise nobody handles");
  }

  @Test
  void consoleErrorIsAPageError() {
    assertThat(probe("console")).singleElement().asString().startsWith("[console-api] ")
        .contains("probe: console.error from the page");
  }

  @Test
  void anErrorThrownLaterFromAScriptTheTestRanIsAPageError() {
    assertThat(probe("none")).isEmpty();
    b.js("setTimeout(() => { throw new TypeError('probe: thrown from a timer'); }, 20)");
    assertThat(awaitErrors(1)).singleElement().asString().contains("Uncaught TypeError: probe: thrown from a timer");
  }

  @Test
  void aMissingFileAndAMissingFaviconArePageErrors() {
    assertThat(probe("missing")).singleElement().asString().startsWith("[network] ")
        .contains("/no-such-file.json - Failed to load resource: the server responded with a status of 404");
    // No <link rel=icon>: Chromium asks for /favicon.ico, which is not there.
    b.open(url("no-icon.html"));
    assertThat(awaitErrors(1)).singleElement().asString().contains("/favicon.ico - Failed to load resource")
        .contains("404");
  }

  @Test
  void connectionFailuresAreAllowedOnlyWhereTheTestExpectsThem() {
    int nothing = TestNode.freePort();
    String offline = "offline&port=" + nothing;
    assertThat(probe(offline)).as("unannounced, a lost hub fails the test").hasSize(2)
        .anySatisfy(e -> assertThat(e).startsWith("[network] ").contains("WebSocket connection to 'ws://127.0.0.1:"
            + nothing + "/live' failed").contains("net::ERR_CONNECTION_REFUSED"))
        .anySatisfy(e -> assertThat(e).startsWith("[network] ")
            .contains("/api/events - Failed to load resource: net::ERR_CONNECTION_REFUSED"));

    try (Browser.NetworkErrors away = b.expectNetworkErrors("nothing listens on port " + nothing)) {
      assertThat(probe(offline)).isEmpty();
      assertThat(away.seen()).hasSize(2);
      // Still page errors while connection failures are expected: the page's own, and HTTP errors.
      assertThat(probe("console")).singleElement().asString().contains("probe: console.error from the page");
      assertThat(probe("throw")).singleElement().asString().contains("Uncaught ReferenceError");
      assertThat(probe("missing")).singleElement().asString().contains("status of 404");
    }
    assertThat(probe(offline)).as("after the scope, page errors again").hasSize(2);
  }

  @Test
  void closeFailsOnPageErrorsNobodyTookAndStillQuits() {
    Browser other = Browser.start(400, 300);
    other.open(url("probe.html?do=console"));
    other.until(SOON, "the probe done", d -> other.text("#done").equals("done: console"));
    assertThat(Browser.open()).contains(other);
    assertThatThrownBy(other::close).isInstanceOf(AssertionError.class)
        .hasMessageContaining("1 page error(s) in Chromium 400x300").hasMessageContaining("probe: console.error from the page");
    assertThat(Browser.open()).doesNotContain(other);
    assertThatThrownBy(() -> other.js("return 1")).as("Chromium has quit").isNotInstanceOf(AssertionError.class);
  }

  /** The whole chain, as surefire runs it: junit-platform.properties loads PageErrorCheck for every test. */
  @Test
  void aTestWhosePageThrewFailsThoughItAssertsNothing() {
    Events tests = EngineTestKit.engine("junit-jupiter").enableImplicitConfigurationParameters(true)
        .configurationParameter(PageErrorFixture.RUN, "true")
        .selectors(selectClass(PageErrorFixture.class)).execute().testEvents();
    tests.assertThatEvents()
        .haveExactly(1, event(test("leavesAnError"), finishedWithFailure(instanceOf(AssertionError.class),
            message(m -> m.contains("leavesAnError() left page errors") && m.contains("Chromium 400x300")
                && m.contains("[javascript]") && m.contains("Uncaught Error: " + PageErrorFixture.ERROR)))))
        .haveExactly(1, event(test("leavesNone"), finishedSuccessfully()));
  }

  private String url(String path) {
    return "http://127.0.0.1:" + port + "/" + path;
  }

  /** Opens the probe, waits until it says it has done `what`, and takes the page errors it caused. */
  private List<String> probe(String what) {
    b.open(url("probe.html?do=" + what));
    String name = what.replaceAll("&.*", "");
    b.until(SOON, "the probe done", d -> b.text("#done").equals("done: " + name));
    return b.takePageErrors();
  }

  /** Waits for at least n page errors (they are logged as they happen), and takes them. */
  private List<String> awaitErrors(int n) {
    List<String> seen = new ArrayList<>();
    b.until(SOON, n + " page error(s)", d -> {
      seen.addAll(b.takePageErrors());
      return seen.size() >= n;
    });
    return seen;
  }
}
