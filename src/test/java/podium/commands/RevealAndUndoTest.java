package podium.commands;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import podium.Api;
import podium.Await;
import podium.LiveClient;
import podium.TestNode;

/**
 * Reveals that a double click cannot repeat, taking a reveal back, undo and restore, and embargo
 * probes: before a reveal, no public endpoint, export, snapshot or frame, and nothing an editor
 * sees, holds a result, a rank or a winner's name; after it, the public ones do.
 */
@ExtendWith(VertxExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("node")
class RevealAndUndoTest {

  private static final String WINNER = "demo-laureate-b";

  private Vertx vertx;
  private TestNode.Running node;
  private Api api;
  private String editor;

  @BeforeAll
  void start(Vertx vertx) {
    this.vertx = vertx;
    node = TestNode.startSeeded(vertx, "reveal");
    api = new Api(vertx, node.port());
    editor = api.call(HttpMethod.POST, "/api/tokens", "{\"name\":\"ed\",\"role\":\"editor\"}", "Content-Type",
        "application/json", "Authorization", "Bearer " + TestNode.ADMIN_TOKEN).bodyAsJsonObject().getString("token");
  }

  @AfterAll
  void stop() {
    api.close();
    node.stop();
  }

  private long command(String json, String... headers) {
    HttpResponse<Buffer> r = api.command(new JsonObject(json), headers);
    assertThat(r.statusCode()).as(json + " -> " + r.bodyAsString()).isEqualTo(200);
    long v = r.bodyAsJsonObject().getLong("version");
    awaitVersion(v);
    return v;
  }

  private void awaitVersion(long v) {
    Await.version("the node's snapshot", () -> api.snapshot().getLong("version"), v);
  }

  /** Everything the public and an editor can read, as text. */
  private Map<String, String> probes() {
    String slug = TestNode.SLUG;
    return Map.of("public snapshot", api.get("/api/events/" + slug).bodyAsString(),
        "event list", api.get("/api/events").bodyAsString(),
        "editor snapshot", api.get("/api/staff/events/" + slug, "Authorization", "Bearer " + editor).bodyAsString(),
        "editor change log", api.get("/api/events/" + slug + "/changes", "Authorization", "Bearer " + editor).bodyAsString());
  }

  @Test
  void nothingHintsAtAResultBeforeItsRevealAndARevealIsTakenBackAtOnce() {
    try (LiveClient phone = LiveClient.connect(vertx, node.port());
        LiveClient editorSocket = LiveClient.connect(vertx, node.port())) {
      phone.hello();
      editorSocket.hello(new JsonObject().put("channels", List.of("staff")).put("token", editor));
      phone.awaitType("snapshot");
      editorSocket.awaitType("snapshot");
      long set = command("{\"type\":\"award.set_results\",\"award\":\"individual-accolades\",\"results\":["
          + "{\"rank\":1,\"nominee\":\"" + WINNER + "\"},{\"rank\":2,\"nominee\":\"demo-laureate-a\"},"
          + "{\"rank\":2,\"nominee\":\"demo-laureate-c\"}]}");
      phone.awaitVersion(set, Duration.ofSeconds(5));
      editorSocket.awaitVersion(set, Duration.ofSeconds(5));
      probes().forEach((where, text) -> assertThat(text).as(where).doesNotContain("\"nominee\":\"" + WINNER + "\"")
          .doesNotContain("\"rank\":1").doesNotContain("\"revealedAt\":null"));
      for (LiveClient c : List.of(phone, editorSocket)) {
        assertThat(c.frames.toString()).doesNotContain("\"nominee\":\"" + WINNER + "\"").doesNotContain("\"rank\"");
      }

      // Two clicks on "reveal": the same key, or a second key once nothing is left at that rank.
      long revealed = command("{\"type\":\"award.reveal\",\"award\":\"individual-accolades\",\"rank\":1}",
          "Idempotency-Key", "reveal-1");
      HttpResponse<Buffer> twice = api.command(new JsonObject("{\"type\":\"award.reveal\",\"award\":\"individual-accolades\","
          + "\"rank\":1}"), "Idempotency-Key", "reveal-1");
      assertThat(twice.getHeader("Idempotent-Replayed")).isEqualTo("true");
      assertThat(twice.bodyAsJsonObject().getLong("version")).isEqualTo(revealed);
      HttpResponse<Buffer> again = api.command(new JsonObject("{\"type\":\"award.reveal\",\"award\":\"individual-accolades\","
          + "\"rank\":1}"), "Idempotency-Key", "reveal-2");
      assertThat(again.statusCode()).isEqualTo(409);
      phone.awaitVersion(revealed, Duration.ofSeconds(5));
      assertThat(api.snapshot().encode()).contains("\"nominee\":\"" + WINNER + "\"").doesNotContain("demo-laureate-c\",\"revealedAt\"");
      assertThat(phone.frames.stream().filter(f -> "award.revealed".equals(f.getString("kind"))).count()).isEqualTo(1);

      long withdrawn = command("{\"type\":\"award.unreveal\",\"award\":\"individual-accolades\"}");
      phone.awaitVersion(withdrawn, Duration.ofSeconds(5));
      assertThat(api.snapshot().encode()).doesNotContain("\"nominee\":\"" + WINNER + "\"");
      JsonObject frame = phone.frames.stream().filter(f -> f.getLong("version", -1L) == withdrawn).findFirst().orElseThrow();
      assertThat(frame.getString("kind")).isEqualTo("award.withdrawn");
      assertThat(frame.encode()).doesNotContain("\"nominee\":\"" + WINNER + "\"");

      // And once more, then back out with an undo: the same as withdrawing it.
      long second = command("{\"type\":\"award.reveal\",\"award\":\"individual-accolades\",\"rank\":1}");
      long undone = command("{\"type\":\"change.undo\",\"version\":" + second + "}");
      phone.awaitVersion(undone, Duration.ofSeconds(5));
      assertThat(api.snapshot().encode()).doesNotContain("\"nominee\":\"" + WINNER + "\"");
      assertThat(phone.problems).isEmpty();
    }
  }

  @Test
  void undoPutsBackWhatAChangeTouchedAndRefusesWhenItChangedSince() {
    JsonObject before = Api.session(api.snapshot(), "matchmaking-meeting-1");
    long delayed = command("{\"type\":\"session.delay\",\"session\":\"matchmaking-meeting-1\",\"minutes\":10,\"cascade\":true}");
    command("{\"type\":\"change.undo\",\"version\":" + delayed + "}");
    assertThat(Api.session(api.snapshot(), "matchmaking-meeting-1")).isEqualTo(before);
    assertThat(api.command(new JsonObject().put("type", "change.undo").put("version", delayed)).statusCode())
        .as("its sessions were changed again (by the undo itself)").isEqualTo(409);

    long cancelled = command("{\"type\":\"session.cancel\",\"session\":\"matchmaking-meeting-1\",\"reason\":\"Rain\"}");
    command("{\"type\":\"session.restore\",\"session\":\"matchmaking-meeting-1\"}");
    JsonObject restored = Api.session(api.snapshot(), "matchmaking-meeting-1");
    assertThat(restored.getString("status")).isEqualTo("scheduled");
    assertThat(restored.getJsonObject("reason").getString("en")).isEmpty();
    HttpResponse<Buffer> stale = api.command(new JsonObject().put("type", "change.undo").put("version", cancelled));
    assertThat(stale.statusCode()).isEqualTo(409);
    assertThat(stale.bodyAsJsonObject().getJsonObject("error").getJsonObject("current").getJsonArray("sessions")
        .getJsonObject(0).getString("status")).isEqualTo("scheduled");

    long mine = api.commandAs(editor, new JsonObject("{\"type\":\"session.delay\",\"session\":\"academic-conference-1\","
        + "\"minutes\":5}"), "/commands").bodyAsJsonObject().getLong("version");
    String otherEditor = api.call(HttpMethod.POST, "/api/tokens", "{\"name\":\"ed2\",\"role\":\"editor\"}", "Content-Type",
        "application/json", "Authorization", "Bearer " + TestNode.ADMIN_TOKEN).bodyAsJsonObject().getString("token");
    assertThat(api.commandAs(otherEditor, new JsonObject().put("type", "change.undo").put("version", mine), "/commands")
        .statusCode()).as("not your change").isEqualTo(403);
    assertThat(api.commandAs(editor, new JsonObject().put("type", "change.undo").put("version", mine), "/commands")
        .statusCode()).isEqualTo(200);
    long added = command("{\"type\":\"room.add\",\"room\":\"annex\",\"name\":\"Annex\"}");
    assertThat(api.command(new JsonObject().put("type", "change.undo").put("version", added)).bodyAsJsonObject()
        .getJsonObject("error").getString("code")).isEqualTo("invalid_state");
    assertThat(api.command(new JsonObject().put("type", "change.undo").put("version", 99_999)).bodyAsJsonObject()
        .getJsonObject("error").getString("code")).isEqualTo("unknown_change");
  }
}
