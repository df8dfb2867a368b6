package podium.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.FileSystemAccess;
import io.vertx.ext.web.handler.StaticHandler;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import podium.TestNode;

/** live.js's own rules in Chromium, against a stand-in for the hub: how long it waits to reconnect. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LiveJsBrowserTest {

  private Vertx vertx;
  private HttpServer server;
  private Browser browser;

  @BeforeAll
  void start() {
    vertx = Vertx.vertx();
    Router router = Router.router(vertx);
    // A page of our own, so the modules load from the webroot's origin (and no favicon is asked for).
    router.get("/blank.html").handler(ctx -> ctx.response().putHeader("Content-Type", "text/html")
        .end("<!doctype html><title>live.js</title><link rel=\"icon\" href=\"data:,\">"));
    router.route().handler(StaticHandler.create(FileSystemAccess.ROOT, Path.of("webroot").toAbsolutePath().toString()));
    server = vertx.createHttpServer().requestHandler(router).listen(TestNode.freePort()).await();
    browser = Browser.start(800, 600);
    browser.open("http://localhost:" + server.actualPort() + "/blank.html");
  }

  @AfterAll
  void stop() {
    try {
      Browser.closeAll(browser);
    } finally {
      vertx.close().await();
    }
  }

  /** The caps of the waits, with a random() that always gives its top: full jitter waits below them. */
  @Test
  void dropsDoubleTheCapUntilAWelcomeAndGapsBackOffOnlyWhenTheyRepeat() {
    Object caps = browser.driver.executeAsyncScript("const done = arguments[arguments.length - 1];"
        + "import('/js/backoff.js').then(({ backoff, gapBackoff }) => {"
        + "  const top = () => 1; const drops = backoff(top); const out = { drops: [], gaps: [] };"
        + "  for (let i = 0; i < 8; i++) out.drops.push(drops.next());"
        + "  drops.reset(); out.afterWelcome = drops.next();"
        + "  let now = 0; const gaps = gapBackoff(top, () => now);"
        + "  out.gaps.push(gaps.next(), gaps.next(), gaps.next());"
        + "  now = 61_000; out.gaps.push(gaps.next());"
        + "  const half = backoff(() => 0.5); half.next(); out.half = half.next();"
        + "  done(out);"
        + "}, e => done('failed: ' + e));");
    assertThat(caps).extracting("drops").isEqualTo(List.of(500L, 1000L, 2000L, 4000L, 8000L, 16000L, 30000L, 30000L));
    assertThat(caps).extracting("afterWelcome").isEqualTo(500L);
    assertThat(caps).as("the first gap in a minute resumes at once; the ones after it back off")
        .extracting("gaps").isEqualTo(List.of(0L, 1000L, 2000L, 0L));
    assertThat(caps).as("a wait anywhere below its cap").extracting("half").isEqualTo(500L);
  }
}
