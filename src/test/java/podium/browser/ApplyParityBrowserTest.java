package podium.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.FileSystemAccess;
import io.vertx.ext.web.handler.StaticHandler;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import podium.GoldenScenario;
import podium.TestNode;
import podium.event.Agenda;
import podium.event.Audience;
import podium.event.Change;
import podium.event.ChangeCodec;

/**
 * One apply rule in two languages: every change kind of golden/commands.jsonl goes through the
 * hub's Agenda.apply and through live.js's applyChange (apply-change.js) in Chromium, for each audience, and the two
 * states must be equal field by field after every step.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("browser")
class ApplyParityBrowserTest {

  private Vertx vertx;
  private HttpServer server;
  private Browser browser;

  @BeforeAll
  void start() {
    vertx = Vertx.vertx();
    Router router = Router.router(vertx);
    router.get("/favicon.ico").handler(ctx -> ctx.response().setStatusCode(204).end());
    router.route().handler(StaticHandler.create(FileSystemAccess.ROOT, Path.of("webroot").toAbsolutePath().toString()));
    server = vertx.createHttpServer().requestHandler(router).listen(TestNode.freePort()).await();
    browser = Browser.start(800, 600);
    browser.open("http://localhost:" + server.actualPort() + "/js/apply-change.js");
  }

  @AfterAll
  void stop() {
    browser.close();
    vertx.close().await();
  }

  @Test
  void liveJsAppliesEveryChangeKindAsTheHubDoes() {
    List<GoldenScenario.Step> steps = GoldenScenario.run();
    for (Audience audience : Audience.values()) {
      JsonObject initial = state(GoldenScenario.start(), audience, 0);
      List<JsonObject> expected = new ArrayList<>();
      JsonArray frames = new JsonArray();
      for (GoldenScenario.Step step : steps) {
        Change change = step.change();
        frames.add(audience.sees(change.audience())
            ? new JsonObject().put("type", "change").put("version", step.version())
                .put("data", ChangeCodec.encode(change, audience))
            : new JsonObject().put("type", "skip").put("version", step.version()));
        expected.add(state(step.after(), audience, step.version()));
      }
      Object answer = browser.driver.executeAsyncScript("const done = arguments[arguments.length - 1];"
          + "import('/js/apply-change.js').then(({ applyChange }) => {"
          + "  let s = JSON.parse(arguments[0]); const out = [];"
          + "  for (const f of JSON.parse(arguments[1])) {"
          + "    s = f.type === 'change' ? applyChange(s, f.data) : { ...s }; s.version = f.version; out.push(s);"
          + "  }"
          + "  done(JSON.stringify(out));"
          + "}, e => done('failed: ' + e));", initial.encode(), frames.encode());
      JsonArray actual = new JsonArray(String.valueOf(answer));
      assertThat(actual).hasSameSizeAs(expected);
      for (int i = 0; i < expected.size(); i++) {
        JsonObject js = actual.getJsonObject(i);
        JsonObject java = expected.get(i);
        for (String field : java.fieldNames()) {
          assertThat(js.getValue(field)).as("%s state after version %d: '%s'", audience, i + 1, field)
              .isEqualTo(java.getValue(field));
        }
        assertThat(js.fieldNames()).as("%s state after version %d", audience, i + 1)
            .containsExactlyInAnyOrderElementsOf(java.fieldNames());
      }
    }
  }

  /** The state a client of that audience holds: the snapshot's state (through JSON, as on the wire). */
  private static JsonObject state(Agenda agenda, Audience audience, long version) {
    return new JsonObject(new JsonObject().put("version", version).put("epoch", "parity")
        .mergeIn(agenda.toJson(audience)).encode());
  }
}
