package podium.stage;

import static org.assertj.core.api.Assertions.assertThat;
import static podium.stage.Deck.code;
import static podium.stage.Deck.count;
import static podium.stage.Deck.lastActor;
import static podium.stage.Deck.room;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import io.vertx.sqlclient.Pool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import podium.LiveClient;
import podium.TestNode;

/**
 * A stage manager's Stream Deck through Companion: each button is one POST with a scoped API token
 * (editor for the sessions, announcer for the crew's message and flash), becomes its catalogue
 * command as that token (role, change log), and is refused with a stable code and nothing changed
 * when it cannot apply; the board Companion polls shows what the buttons act on.
 */
@Tag("node")
@ExtendWith(VertxExtension.class)
class ControlSurfaceTest {

  private TestNode.Running node;
  private Deck sessions;
  private Deck crew;
  private Deck admin;
  private Pool pool;

  @BeforeEach
  void start(Vertx vertx) {
    node = TestNode.startSeeded(vertx, "stage-deck");
    pool = node.node().pool();
    sessions = new Deck(vertx, node.port(), Deck.token(vertx, node.port(), "deck-sessions", "editor"));
    crew = new Deck(vertx, node.port(), Deck.token(vertx, node.port(), "deck-crew", "announcer"));
    admin = new Deck(vertx, node.port(), TestNode.ADMIN_TOKEN);
    // The demo's day at 08:35, the clock standing still: what the buttons act on stays put.
    admin.command("{\"type\":\"clock.set\",\"at\":\"2023-08-16T08:35\",\"paused\":true}");
  }

  @AfterEach
  void stop() {
    sessions.close();
    crew.close();
    admin.close();
    node.stop();
  }

  private static JsonObject ok(HttpResponse<Buffer> r) {
    assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(200);
    return r.bodyAsJsonObject();
  }

  @Test
  void eachButtonIsItsCatalogueCommandAsTheTokenThatPressedIt() {
    JsonObject started = ok(sessions.press("/rooms/main-hall/start"));
    assertThat(started.getString("kind")).isEqualTo("session.started");
    assertThat(started.getJsonObject("command").getString("session")).isEqualTo("opening-ceremony");
    assertThat(lastActor(pool, "session.started")).isEqualTo("token:deck-sessions");

    JsonObject delayed = ok(sessions.press("/rooms/main-hall/delay/5"));
    assertThat(delayed.getJsonObject("command")).isEqualTo(new JsonObject("{\"type\":\"session.delay\","
        + "\"session\":\"opening-ceremony\",\"minutes\":5,\"cascade\":true}"));
    ok(crew.press("/rooms/main-hall/message", "{\"text\":{\"en\":\"Please wrap up\",\"zh\":\"请准备结束\"}}"));
    JsonObject shown = new JsonObject().put("en", "Please wrap up").put("zh", "请准备结束");
    assertThat(room(crew.board(b -> room(b, "main-hall").getJsonObject("message").equals(shown)), "main-hall")
        .getJsonObject("message")).isEqualTo(shown);
    assertThat(ok(crew.press("/rooms/main-hall/flash")).getString("kind")).isEqualTo("stage.flashed");
    assertThat(ok(crew.press("/rooms/main-hall/clear")).getString("kind")).isEqualTo("stage.message");
    assertThat(room(crew.board(b -> room(b, "main-hall").getJsonObject("message").getString("en").isEmpty()),
        "main-hall").getJsonObject("message").getString("zh")).isEmpty();
    assertThat(lastActor(pool, "stage.message")).isEqualTo("token:deck-crew");

    JsonObject ended = ok(sessions.press("/rooms/main-hall/end"));
    assertThat(ended.getString("kind")).isEqualTo("session.ended");
    crew.board(b -> room(b, "main-hall").getValue("session") == null);
    LiveClient.sleep(1_100); // a second START within a second of the first would be the same press
    assertThat(ok(sessions.press("/rooms/main-hall/start")).getJsonObject("command").getString("session"))
        .as("the next one").isEqualTo("welcome-speech");
  }

  @Test
  void goFiresTheCueTheConsolesGoWouldAndThenSaysNothingIsWaiting() {
    admin.command("{\"type\":\"cue.save\",\"cue\":\"doors\",\"name\":\"Doors open\",\"commands\":"
        + "[{\"type\":\"announcement.post\",\"announcement\":\"doors\",\"text\":\"Please take your seats\"}]}");
    assertThat(crew.board(b -> b.getValue("cue") != null).getJsonObject("cue").getString("id")).isEqualTo("doors");
    JsonObject fired = ok(crew.press("/go"));
    assertThat(fired.getString("kind")).isEqualTo("cue.fired");
    assertThat(lastActor(pool, "announcement.posted")).isEqualTo("token:deck-crew");
    assertThat(crew.board(b -> b.getValue("cue") == null).getValue("cue")).isNull();
    LiveClient.sleep(1_100);
    HttpResponse<Buffer> again = crew.press("/go");
    assertThat(again.statusCode()).as(again.bodyAsString()).isEqualTo(409);
    assertThat(code(again)).isEqualTo("invalid_state");
    assertThat(count(pool, "cue.fired")).isEqualTo(1);
  }

  @Test
  void aButtonThatCannotApplyIsRefusedWithAStableCodeAndChangesNothing(Vertx vertx) {
    long version = Deck.version(pool);
    record Refusal(Deck deck, String path, String body, int status, String code) { }
    for (Refusal r : new Refusal[] {
        new Refusal(crew, "/rooms/main-hall/start", "{}", 403, "forbidden"),
        new Refusal(sessions, "/rooms/main-hall/flash", "{}", 403, "forbidden"),
        new Refusal(sessions, "/rooms/main-hall/end", "{}", 409, "invalid_state"),
        new Refusal(sessions, "/rooms/nowhere/start", "{}", 422, "unknown_room"),
        new Refusal(sessions, "/rooms/Main-Hall/start", "{}", 400, "invalid_field"),
        new Refusal(sessions, "/rooms/main-hall/delay/0", "{}", 400, "invalid_field"),
        new Refusal(sessions, "/rooms/main-hall/delay/721", "{}", 400, "invalid_field"),
        new Refusal(sessions, "/rooms/main-hall/delay/soon", "{}", 400, "invalid_field"),
        new Refusal(sessions, "/rooms/main-hall/delay", "{}", 400, "invalid_field"),
        new Refusal(sessions, "/rooms/main-hall/jump", "{}", 404, "not_found"),
        new Refusal(sessions, "/rooms/main-hall/start", "{\"session\":\"keynote-gan-yong\"}", 400, "invalid_field"),
        new Refusal(sessions, "/rooms/main-hall/start", "[]", 400, "malformed_json"),
        new Refusal(crew, "/rooms/main-hall/message", "{}", 400, "invalid_field"),
        new Refusal(crew, "/rooms/main-hall/message", "{\"text\":7}", 400, "invalid_field"),
        new Refusal(crew, "/rooms/main-hall/clear", "{}", 409, "invalid_state"),
        new Refusal(crew, "/go", "{}", 409, "invalid_state")}) {
      HttpResponse<Buffer> answer = r.deck().press(r.path(), r.body());
      assertThat(answer.statusCode()).as(r.path() + " " + r.body() + " -> " + answer.bodyAsString()).isEqualTo(r.status());
      assertThat(code(answer)).as(r.path()).isEqualTo(r.code());
    }
    try (Deck nobody = new Deck(vertx, node.port(), "not-a-token")) {
      assertThat(code(nobody.press("/rooms/main-hall/flash"))).isEqualTo("unauthorized");
    }
    HttpResponse<Buffer> elsewhere = sessions.send(HttpMethod.POST, "/api/events/nowhere/stage/go", "{}").await();
    assertThat(elsewhere.statusCode()).isEqualTo(404);
    assertThat(code(elsewhere)).isEqualTo("unknown_event");
    assertThat(Deck.version(pool)).as("nothing changed").isEqualTo(version);
  }

  @Test
  void theBoardShowsEachRoomsSessionTimeLeftPhaseProjectionAndMessageAndTheNextCue(Vertx vertx) {
    admin.command("{\"type\":\"session.start\",\"session\":\"opening-ceremony\"}");
    admin.command("{\"type\":\"cue.save\",\"cue\":\"keynote-1\",\"name\":{\"en\":\"Keynote 1\",\"zh\":\"主旨演讲一\"},"
        + "\"at\":\"2023-08-16T09:05\",\"commands\":[{\"type\":\"session.start\",\"session\":\"keynote-gan-yong\"}]}");
    // Started at 08:35, the opening runs to 08:50: the welcome speech is expected 5 minutes late.
    JsonObject board = crew.board(b -> room(b, "main-hall").getInteger("late") > 0 && b.getValue("cue") != null);
    JsonObject hall = room(board, "main-hall");
    assertThat(board.getString("clock")).isEqualTo("08:35:00");
    assertThat(hall.getJsonObject("session").getString("id")).isEqualTo("opening-ceremony");
    assertThat(hall.getJsonObject("session").getJsonObject("title").getString("zh")).isNotBlank();
    assertThat(hall.getLong("left")).isEqualTo(900);
    assertThat(hall.getString("leftText")).isEqualTo("15:00");
    assertThat(hall.getString("phase")).isEqualTo("normal");
    assertThat(hall.getJsonObject("next").getString("id")).isEqualTo("welcome-speech");
    assertThat(hall.getInteger("late")).isEqualTo(5);
    assertThat(hall.getString("expectedLocal")).isEqualTo("08:50");
    assertThat(board.getJsonObject("cue").getJsonObject("name").getString("zh")).isEqualTo("主旨演讲一");
    assertThat(board.getJsonObject("cue").getString("dueLocal")).isEqualTo("09:05");
    assertThat(board.getJsonObject("cue").containsKey("commands")).as("never a cue's commands").isFalse();
    assertThat(board.getJsonObject("rooms").getJsonObject("forum-a").getString("phase")).isEqualTo("idle");
    assertThat(board.encode()).as("no award in it").doesNotContain("nominee", "results", "leading-enterprises");

    admin.command("{\"type\":\"clock.set\",\"at\":\"2023-08-16T08:46\"}");
    hall = room(crew.board(b -> b.getString("clock").equals("08:46:00")), "main-hall");
    assertThat(hall.getString("phase")).isEqualTo("warning");
    admin.command("{\"type\":\"clock.set\",\"at\":\"2023-08-16T08:50:45\"}");
    hall = room(crew.board(b -> b.getString("clock").equals("08:50:45")), "main-hall");
    assertThat(hall.getString("phase")).isEqualTo("over");
    assertThat(hall.getString("leftText")).isEqualTo("-0:45");

    try (Deck nobody = new Deck(vertx, node.port(), "not-a-token")) {
      HttpResponse<Buffer> refused = nobody.send(HttpMethod.GET, Deck.BASE, null).await();
      assertThat(refused.statusCode()).as("staff only").isEqualTo(401);
    }
  }
}
