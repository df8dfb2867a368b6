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
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import podium.DemoEvent;
import podium.GoldenScenario;
import podium.TestNode;
import podium.event.Agenda;
import podium.event.Audience;
import podium.event.Change;
import podium.event.ChangeCodec;

/**
 * The attendee page's words for changes (agenda-change-words.js), in Chromium: every public change
 * of the golden scenario (golden/commands.jsonl) as the hub makes it, applied as live.js does (apply-change.js) and told in English and Chinese;
 * and kinds the page has never heard of, which it tells from the state alone or not at all.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("browser")
class ChangeWordsBrowserTest {

  private static final String TELL = "const done = arguments[arguments.length - 1];"
      + "Promise.all([import('/js/apply-change.js'), import('/js/agenda-change-words.js')]).then(([apply, words]) => {"
      + "  let s = JSON.parse(arguments[0]); const out = [];"
      + "  for (const f of JSON.parse(arguments[1])) {"
      + "    const after = f.type === 'change' ? apply.applyChange(s, f.data) : s;"
      + "    const items = f.type === 'change' ? words.describe(s, after, words.touchedBy(f.data)) : [];"
      + "    const entry = { items, primary: f.data && f.data.session };"
      + "    out.push({ kind: f.kind || f.type, en: words.entrySentences(entry, 'en', 'Asia/Shanghai'),"
      + "      zh: words.entrySentences(entry, 'zh', 'Asia/Shanghai'), alerts: items.filter(words.alerts).map(i => i.id) });"
      + "    s = after;"
      + "  }"
      + "  done(JSON.stringify(out));"
      + "}, e => done('failed: ' + e));";

  private Vertx vertx;
  private Browser browser;

  @BeforeAll
  void start() {
    vertx = Vertx.vertx();
    Router router = Router.router(vertx);
    // A page of our own, so the modules load from the webroot's origin (and no favicon is asked for).
    router.get("/blank.html").handler(ctx -> ctx.response().putHeader("Content-Type", "text/html")
        .end("<!doctype html><title>words</title><link rel=\"icon\" href=\"data:,\">"));
    router.route().handler(StaticHandler.create(FileSystemAccess.ROOT, Path.of("webroot").toAbsolutePath().toString()));
    HttpServer server = vertx.createHttpServer().requestHandler(router).listen(TestNode.freePort()).await();
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

  @Test
  void everyPublicChangeOfTheGoldenRunInPlainWords() {
    JsonObject initial = state(GoldenScenario.start());
    JsonArray frames = new JsonArray();
    for (GoldenScenario.Step step : GoldenScenario.run()) {
      Change change = step.change();
      frames.add(Audience.PUBLIC.sees(change.audience())
          ? new JsonObject().put("type", "change").put("kind", change.kind().wire())
              .put("data", ChangeCodec.encode(change, Audience.PUBLIC))
          : new JsonObject().put("type", "skip"));
    }
    JsonArray told = tell(initial, frames);
    assertThat(told).hasSize(frames.size());

    assertThat(en(told, 0)).startsWith("Keynote Speech by Academician Gan Yong delayed 15 min, now 09:20; ")
        .endsWith("later sessions move with it");
    assertThat(zh(told, 0)).startsWith("干勇院士主旨演讲推迟15分钟，现09:20开始；其后").endsWith("场日程随之顺延");
    assertThat(en(told, 1)).isEqualTo("National Rare Earth New Materials and Application Products Expo brought forward 10 min, now 08:50");
    assertThat(en(told, 2)).startsWith("Keynote Speech by Academician Wang Haizhou moved to Sub-forum A (was Main Hall)");
    assertThat(zh(told, 2)).startsWith("王海舟院士主旨演讲改至分论坛A（原主会场）");
    assertThat(en(told, 3)).endsWith("(Part 2) cancelled (Speaker ill)");
    assertThat(zh(told, 3)).endsWith("已取消（嘉宾身体不适）");
    assertThat(en(told, 4)).isEqualTo("Opening Ceremony has started");
    assertThat(en(told, 5)).isEqualTo("Opening Ceremony has ended");
    assertThat(en(told, 6)).isEqualTo("Welcome <b>all</b> (was “Speech by Wang Lixia on Behalf of Sun Shaocheng”) now ends at 09:00");
    assertThat(en(told, 7)).isEqualTo("New session: Press briefing, 11:00–11:30, Sub-forum A");
    assertThat(en(told, 8)).isEqualTo("Announcement: Lunch in Hall B");
    assertThat(zh(told, 8)).isEqualTo("公告：午餐在B厅");
    assertThat(en(told, 10)).isEqualTo("Announcement removed: Lunch in Hall B");
    assertThat(en(told, 11)).isEqualTo("Main Hall: Gan Yong on stage, Wang Haizhou up next");
    assertThat(zh(told, 11)).isEqualTo("主会场：干勇正在发言，下一位：王海舟");
    assertThat(en(told, 13)).isEqualTo("Emergency notice: Please leave by the east doors");
    assertThat(en(told, 14)).isEqualTo("The emergency notice was lifted");
    assertThat(sentences(told, 15, "en")).as("an embargoed result is a skip: nothing to tell").isEmpty();
    assertThat(en(told, 16)).isEqualTo("Leading Enterprises of the Rare Earth Industry: 3rd place, [Demo] Enterprise C");
    assertThat(zh(told, 16)).isEqualTo("稀土行业领军企业揭晓：第3名 【示例】企业丙");
    assertThat(en(told, 17)).contains("1st place");
    assertThat(sentences(told, 22, "en")).as("clock.set changes no session").isEmpty();
    assertThat(en(told, 23)).isEqualTo("Results of Leading Enterprises of the Rare Earth Industry withdrawn");
    assertThat(en(told, 24)).endsWith("(Part 2) is back on, at 15:20");
    assertThat(zh(told, 24)).endsWith("已恢复，15:20开始");
    for (int step : new int[] {25, 26, 27, 28, 29, 30}) {
      assertThat(sentences(told, step, "en")).as("step %d: the venue, rooms, speakers, a new award: nothing to tell", step)
          .isEmpty();
    }
    assertThat(en(told, 35)).as("a tie, both at first place")
        .isEqualTo("Young Innovators Award: 1st place, [Demo] Innovator A; 1st place, [Demo] Innovator B");
    assertThat(en(told, 36)).as("the undo of the expo's earlier start")
        .isEqualTo("National Rare Earth New Materials and Application Products Expo delayed 10 min, now 09:00");
    assertThat(en(told, 37)).as("the undo of the tie's reveal (version 36)").isEqualTo("Results of Young Innovators Award withdrawn");

    for (int i = 0; i < told.size(); i++) {
      JsonObject step = told.getJsonObject(i);
      assertThat(step.getJsonArray("en").size()).as("step %d (%s) in both languages", i, step.getString("kind"))
          .isEqualTo(step.getJsonArray("zh").size());
    }
    // Delays, moves and cancellations alert whoever starred the session; starting and ending do not.
    assertThat(told.getJsonObject(0).getJsonArray("alerts").getList()).contains("keynote-gan-yong", "keynote-wang-haizhou");
    assertThat(told.getJsonObject(3).getJsonArray("alerts").getList()).containsExactly("matchmaking-meeting-2");
    assertThat(told.getJsonObject(4).getJsonArray("alerts").getList()).isEmpty();
  }

  @Test
  void kindsThePageDoesNotKnowAreToldFromTheStateAlone() {
    Agenda agenda = DemoEvent.agenda();
    JsonObject initial = state(agenda);
    JsonObject cancelled = session(initial, "academic-conference-break").copy().put("status", "cancelled")
        .put("reason", new JsonObject().put("en", "Running late").put("zh", "时间紧张"));
    JsonObject restored = cancelled.copy().put("status", "scheduled").putNull("reason");
    JsonObject revealed = new JsonObject().put("award", "leading-enterprises").put("rank", 3)
        .put("nominee", "demo-enterprise-c").put("revealedAt", "2023-08-16T03:30:00Z");
    JsonArray frames = new JsonArray(List.of(
        change("session.cancelled", new JsonObject().put("session", "academic-conference-break")
            .put("sessions", new JsonArray().add(cancelled))),
        change("session.restored", new JsonObject().put("session", "academic-conference-break")
            .put("sessions", new JsonArray().add(restored))),
        change("award.revealed", new JsonObject().put("award", "leading-enterprises").put("results", new JsonArray().add(revealed))),
        // An undone reveal: the result is back under embargo. The page never shows it again, and never guesses.
        change("award.withdrawn", new JsonObject().put("award", "leading-enterprises")
            .put("results", new JsonArray().add(revealed.copy().putNull("revealedAt")))),
        change("mystery.thing", new JsonObject().put("whatever", new JsonArray().add(1))),
        change("session.glimpsed", new JsonObject().put("sessions", new JsonArray().add(session(initial, "lunch-break")))),
        change("session.added", new JsonObject())));
    JsonArray told = tell(initial, frames);

    assertThat(en(told, 0)).isEqualTo("Tea Break cancelled (Running late)");
    assertThat(en(told, 1)).isEqualTo("Tea Break is back on, at 15:00");
    assertThat(zh(told, 1)).isEqualTo("茶歇已恢复，15:00开始");
    assertThat(en(told, 2)).isEqualTo("Leading Enterprises of the Rare Earth Industry: 3rd place, [Demo] Enterprise C");
    assertThat(en(told, 3)).isEqualTo("Results of Leading Enterprises of the Rare Earth Industry withdrawn");
    assertThat(zh(told, 3)).isEqualTo("稀土行业领军企业的结果已撤回");
    assertThat(sentences(told, 4, "en")).as("data the page cannot read: nothing said, nothing broken").isEmpty();
    assertThat(sentences(told, 5, "en")).as("a session sent again unchanged: nothing changed").isEmpty();
    assertThat(sentences(told, 6, "en")).as("a known kind with no data").isEmpty();
  }

  private JsonArray tell(JsonObject initial, JsonArray frames) {
    Object answer = browser.driver.executeAsyncScript(TELL, initial.encode(), frames.encode());
    assertThat(String.valueOf(answer)).doesNotStartWith("failed");
    return new JsonArray(String.valueOf(answer));
  }

  private static JsonObject change(String kind, JsonObject data) {
    return new JsonObject().put("type", "change").put("kind", kind).put("data", data);
  }

  private static JsonObject session(JsonObject state, String id) {
    return state.getJsonArray("sessions").stream().map(JsonObject.class::cast)
        .filter(s -> id.equals(s.getString("id"))).findFirst().orElseThrow();
  }

  private static List<Object> sentences(JsonArray told, int step, String lang) {
    return told.getJsonObject(step).getJsonArray(lang).getList();
  }

  private static String en(JsonArray told, int step) {
    return String.join(" | ", sentences(told, step, "en").stream().map(String::valueOf).toList());
  }

  private static String zh(JsonArray told, int step) {
    return String.join(" | ", sentences(told, step, "zh").stream().map(String::valueOf).toList());
  }

  private static JsonObject state(Agenda agenda) {
    return new JsonObject(new JsonObject().put("version", 0).put("epoch", "words")
        .mergeIn(agenda.toJson(Audience.PUBLIC)).encode());
  }
}
