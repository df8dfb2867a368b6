package podium.stage;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import podium.TestNode;

/**
 * The as-run report served to staff: each session as planned and as it ran, with who started it
 * and who ended it from the change log, where starting the next session in a room ended the one
 * before (its starter ended it), and an undone start names nobody; as JSON and as a CSV file.
 */
@Tag("node")
@ExtendWith(VertxExtension.class)
class AsRunApiTest {

  private static final String REPORT = "/api/events/" + TestNode.SLUG + "/as-run";
  private TestNode.Running node;
  private Deck admin;
  private Deck deck;
  private Deck manager;

  @BeforeEach
  void start(Vertx vertx) {
    node = TestNode.startSeeded(vertx, "as-run");
    admin = new Deck(vertx, node.port(), TestNode.ADMIN_TOKEN);
    deck = new Deck(vertx, node.port(), Deck.token(vertx, node.port(), "deck-sessions", "editor"));
    manager = new Deck(vertx, node.port(), Deck.token(vertx, node.port(), "stage-manager", "editor"));
  }

  @AfterEach
  void stop() {
    admin.close();
    deck.close();
    manager.close();
    node.stop();
  }

  private void at(String local) {
    admin.command("{\"type\":\"clock.set\",\"at\":\"2023-08-16T" + local + "\",\"paused\":true}");
    deck.board(b -> b.getString("clock").startsWith(local));
  }

  private static JsonObject line(JsonObject report, String session) {
    JsonArray hall = report.getJsonObject("rooms").getJsonArray("main-hall");
    return hall.stream().map(JsonObject.class::cast).filter(l -> l.getString("session").equals(session)).findFirst()
        .orElseThrow();
  }

  private JsonObject report(String query) {
    HttpResponse<Buffer> r = manager.send(HttpMethod.GET, REPORT + query, null).await();
    assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(200);
    return r.bodyAsJsonObject();
  }

  @Test
  void whoStartedAndEndedEachSessionComesFromTheChangeLog() {
    at("08:35");
    assertThat(deck.press("/rooms/main-hall/start").statusCode()).isEqualTo(200);
    at("08:52");
    admin.command("{\"type\":\"session.start\",\"session\":\"welcome-speech\"}");
    at("09:10");
    HttpResponse<Buffer> ended = manager.send(HttpMethod.POST, "/api/events/" + TestNode.SLUG + "/commands",
        "{\"type\":\"session.end\",\"session\":\"welcome-speech\"}").await();
    assertThat(ended.statusCode()).as(ended.bodyAsString()).isEqualTo(200);
    HttpResponse<Buffer> keynote = manager.send(HttpMethod.POST, "/api/events/" + TestNode.SLUG + "/commands",
        "{\"type\":\"session.start\",\"session\":\"keynote-gan-yong\"}").await();
    admin.command("{\"type\":\"change.undo\",\"version\":" + keynote.bodyAsJsonObject().getLong("version") + "}");
    deck.board(b -> Deck.room(b, "main-hall").getValue("session") == null);

    JsonObject report = report("?day=2023-08-16");
    assertThat(report.getString("event")).isEqualTo(TestNode.SLUG);
    assertThat(report.getString("timeZone")).isEqualTo("Asia/Shanghai");
    JsonObject opening = line(report, "opening-ceremony");
    assertThat(opening.getString("startedBy")).isEqualTo("token:deck-sessions");
    assertThat(opening.getString("endedBy")).as("ended by the start of the next session").isEqualTo("token:admin");
    assertThat(opening.getInteger("lateStartMinutes")).isEqualTo(5);
    assertThat(opening.getInteger("overrunMinutes")).isEqualTo(7);
    JsonObject welcome = line(report, "welcome-speech");
    assertThat(welcome.getString("startedBy")).isEqualTo("token:admin");
    assertThat(welcome.getString("endedBy")).isEqualTo("token:stage-manager");
    assertThat(welcome.getString("status")).isEqualTo("ended");
    JsonObject undone = line(report, "keynote-gan-yong");
    assertThat(undone.getString("status")).isEqualTo("scheduled");
    assertThat(undone.getValue("startedBy")).as("its start was undone").isNull();
    assertThat(undone.getValue("actualStart")).isNull();
    assertThat(report(""))
        .as("by default the event clock's day").isEqualTo(report);

    HttpResponse<Buffer> csv = manager.send(HttpMethod.GET, REPORT + ".csv?day=2023-08-16", null).await();
    assertThat(csv.statusCode()).isEqualTo(200);
    assertThat(csv.getHeader("Content-Type")).isEqualTo("text/csv; charset=utf-8");
    assertThat(csv.getHeader("Content-Disposition"))
        .isEqualTo("attachment; filename=\"" + TestNode.SLUG + "-as-run-2023-08-16.csv\"");
    String text = new String(csv.body().getBytes(), StandardCharsets.UTF_8);
    assertThat(text).startsWith("\uFEFFroom,session,title_en,title_zh,status,");
    assertThat(text.lines()).anySatisfy(l -> assertThat(l).startsWith("main-hall,opening-ceremony,")
        .contains(",ended,", "2023-08-16 08:35:00", "2023-08-16 08:52:00", ",5,7,token:deck-sessions,token:admin"));
  }

  @Test
  void aDayTheEventDoesNotHaveOrAMissingCredentialIsRefused(Vertx vertx) {
    for (String query : new String[] {"?day=2023-08-17", "?day=16.8.2023", "?day="}) {
      HttpResponse<Buffer> r = manager.send(HttpMethod.GET, REPORT + query, null).await();
      assertThat(r.statusCode()).as(query).isEqualTo(400);
      assertThat(Deck.code(r)).isEqualTo("invalid_field");
    }
    try (podium.Api anonymous = new podium.Api(vertx, node.port())) {
      assertThat(anonymous.call(HttpMethod.GET, REPORT + ".csv", null).statusCode()).isEqualTo(401);
    }
    HttpResponse<Buffer> elsewhere = manager.send(HttpMethod.GET, "/api/events/nowhere/as-run", null).await();
    assertThat(elsewhere.statusCode()).isEqualTo(404);
    assertThat(Deck.code(elsewhere)).isEqualTo("unknown_event");
  }
}
