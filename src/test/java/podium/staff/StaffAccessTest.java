package podium.staff;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import podium.Api;
import podium.LiveClient;
import podium.TestNode;
import podium.event.Catalogue;
import podium.event.Permission;
import podium.event.Role;

/**
 * Every role against every command, read and channel, allowed and refused: the roles of
 * docs/API.md, checked on the server through real tokens of each role.
 */
@ExtendWith(VertxExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("node")
class StaffAccessTest {

  /** A body for every command type that the demo accepts as it is seeded (run as a dry run). */
  static final Map<String, String> SAMPLES = Map.ofEntries(
      Map.entry("session.delay", "{\"session\":\"keynote-gan-yong\",\"minutes\":5}"),
      Map.entry("session.move", "{\"session\":\"keynote-wang-haizhou\",\"room\":\"forum-a\"}"),
      Map.entry("session.cancel", "{\"session\":\"keynote-gan-yong\",\"reason\":\"ill\"}"),
      Map.entry("session.restore", "{\"session\":\"keynote-gan-yong\"}"),
      Map.entry("session.start", "{\"session\":\"opening-ceremony\"}"),
      Map.entry("session.end", "{\"session\":\"opening-ceremony\"}"),
      Map.entry("session.update", "{\"session\":\"keynote-gan-yong\",\"title\":\"New\"}"),
      Map.entry("session.add", "{\"session\":\"x1\",\"kind\":\"meeting\",\"room\":\"forum-a\",\"title\":\"X\","
          + "\"start\":\"2023-08-16T10:00\",\"end\":\"2023-08-16T10:30\"}"),
      Map.entry("room.add", "{\"room\":\"r1\",\"name\":\"R\"}"),
      Map.entry("room.update", "{\"room\":\"forum-a\",\"name\":\"A\"}"),
      Map.entry("speaker.add", "{\"speaker\":\"s1\",\"name\":\"S\"}"),
      Map.entry("speaker.update", "{\"speaker\":\"gan-yong\",\"title\":\"Dr\"}"),
      Map.entry("announcement.post", "{\"text\":\"Hello\"}"),
      Map.entry("announcement.clear", "{\"announcement\":\"none\"}"),
      Map.entry("speaker.on_stage", "{\"session\":\"keynote-gan-yong\",\"speaker\":\"gan-yong\"}"),
      Map.entry("notice.emergency", "{\"text\":\"Fire\"}"),
      Map.entry("notice.clear", "{}"),
      Map.entry("award.add", "{\"award\":\"a1\",\"session\":\"awards-ceremony\",\"name\":\"A\"}"),
      Map.entry("award.update", "{\"award\":\"leading-enterprises\",\"name\":\"B\"}"),
      Map.entry("award.nominee", "{\"award\":\"leading-enterprises\",\"nominee\":\"n1\",\"name\":\"N\"}"),
      Map.entry("award.set_results", "{\"award\":\"leading-enterprises\",\"results\":[{\"rank\":1,\"nominee\":\"demo-enterprise-c\"}]}"),
      Map.entry("award.reveal", "{\"award\":\"leading-enterprises\",\"rank\":1}"),
      Map.entry("award.unreveal", "{\"award\":\"leading-enterprises\"}"),
      Map.entry("screen.pair", "{\"code\":\"ABCDEF\",\"room\":\"main-hall\",\"layout\":\"room\"}"),
      Map.entry("screen.assign", "{\"screen\":\"none\",\"layout\":\"foyer\"}"),
      Map.entry("screen.reload", "{\"screen\":\"none\"}"),
      Map.entry("screen.identify", "{\"screen\":\"none\"}"),
      Map.entry("clock.set", "{\"speed\":2}"),
      Map.entry("event.update", "{\"venue\":\"Elsewhere\"}"),
      Map.entry("change.undo", "{\"version\":1}"),
      Map.entry("cue.save", "{\"cue\":\"c1\",\"name\":\"C\",\"commands\":[{\"type\":\"announcement.post\",\"text\":\"Hi\"}]}"),
      Map.entry("cue.remove", "{\"cue\":\"none\"}"),
      Map.entry("cue.fire", "{\"cue\":\"none\"}"),
      Map.entry("stage.message", "{\"room\":\"main-hall\",\"text\":\"Please wrap up\"}"),
      Map.entry("stage.flash", "{\"room\":\"main-hall\"}"),
      Map.entry("stage.blackout", "{\"room\":\"main-hall\",\"on\":true}"),
      Map.entry("stage.timer", "{\"session\":\"keynote-gan-yong\",\"warningMinutes\":3,\"dangerMinutes\":1}"),
      Map.entry("stage.project", "{\"room\":\"main-hall\"}"),
      Map.entry("stage.dismiss", "{\"session\":\"keynote-gan-yong\"}"));

  private Vertx vertx;
  private TestNode.Running node;
  private Api api;
  private final Map<Role, String> tokens = new EnumMap<>(Role.class);

  @BeforeAll
  void start(Vertx vertx) {
    this.vertx = vertx;
    node = TestNode.startSeeded(vertx, "access");
    api = new Api(vertx, node.port());
    for (Role role : Role.values()) {
      HttpResponse<Buffer> made = api.call(HttpMethod.POST, "/api/tokens", new JsonObject().put("name", "t-" + role.wire())
          .put("role", role.wire()).encode(), "Content-Type", "application/json", "Authorization",
          "Bearer " + TestNode.ADMIN_TOKEN);
      assertThat(made.statusCode()).as(made.bodyAsString()).isEqualTo(201);
      tokens.put(role, made.bodyAsJsonObject().getString("token"));
    }
  }

  @AfterAll
  void stop() {
    api.close();
    node.stop();
  }

  @Test
  void everyCommandIsRefusedToEveryRoleButItsOwnAndAdmin() {
    assertThat(SAMPLES.keySet()).as("a sample for every command").containsExactlyInAnyOrderElementsOf(
        Catalogue.entries().stream().map(Catalogue.Entry::type).toList());
    long before = committed();
    for (Catalogue.Entry<?> entry : Catalogue.entries()) {
      for (Role role : Role.values()) {
        JsonObject body = new JsonObject(SAMPLES.get(entry.type())).put("type", entry.type());
        HttpResponse<Buffer> r = api.commandAs(tokens.get(role), body, "/commands?dryRun=true");
        String error = r.statusCode() == 200 ? null : r.bodyAsJsonObject().getJsonObject("error").getString("code");
        boolean allowed = entry.role() == null || role.may(entry.role());
        if (allowed && entry.role() != null) {
          assertThat(error).as("%s as %s: %s", entry.type(), role, r.bodyAsString()).isNotEqualTo("forbidden");
        } else if (!allowed) {
          assertThat(r.statusCode()).as("%s as %s: %s", entry.type(), role, r.bodyAsString()).isEqualTo(403);
          assertThat(error).isEqualTo("forbidden");
        }
      }
    }
    assertThat(committed()).as("dry runs and refusals change nothing").isEqualTo(before);
  }

  /** What the database holds (the node's memory may be a moment behind a change another test just made). */
  private long committed() {
    return node.node().pool().query("select version from events where slug = '" + TestNode.SLUG + "'").execute()
        .await().iterator().next().getLong(0);
  }

  @Test
  void anUndoTakesTheRoleOfWhatItUndoes() {
    long delayed = api.commandAs(tokens.get(Role.EDITOR), new JsonObject("{\"type\":\"session.delay\","
        + "\"session\":\"industry-report-release\",\"minutes\":5}"), "/commands").bodyAsJsonObject().getLong("version");
    JsonObject undo = new JsonObject().put("type", "change.undo").put("version", delayed);
    assertThat(api.commandAs(tokens.get(Role.ANNOUNCER), undo, "/commands?dryRun=true").statusCode()).isEqualTo(403);
    assertThat(api.commandAs(tokens.get(Role.EDITOR), undo, "/commands?dryRun=true").statusCode()).isEqualTo(200);
    assertThat(api.commandAs(tokens.get(Role.ADMIN), undo, "/commands?dryRun=true").statusCode()).isEqualTo(200);
  }

  @Test
  void everyReadIsOpenToItsRolesOnly() {
    Map<String, Permission> reads = Map.of("/api/staff/events/" + TestNode.SLUG, Permission.STAFF_VIEW,
        "/api/events/" + TestNode.SLUG + "/changes", Permission.STAFF_VIEW,
        "/api/events/" + TestNode.SLUG + "/screens", Permission.STAFF_VIEW, "/api/staff", Permission.MANAGE_ACCESS,
        "/api/tokens", Permission.MANAGE_ACCESS, "/api/me", Permission.STAFF_VIEW);
    for (Map.Entry<String, Permission> read : reads.entrySet()) {
      for (Role role : Role.values()) {
        int status = api.call(HttpMethod.GET, read.getKey(), null, "Authorization", "Bearer " + tokens.get(role))
            .statusCode();
        assertThat(status).as("%s as %s", read.getKey(), role).isEqualTo(read.getValue().grantedTo(role) ? 200 : 403);
      }
      assertThat(api.call(HttpMethod.GET, read.getKey(), null).statusCode()).as("%s with nothing", read.getKey())
          .isEqualTo(401);
      assertThat(api.call(HttpMethod.GET, read.getKey(), null, "Authorization", "Bearer forged").statusCode())
          .as("%s forged", read.getKey()).isEqualTo(401);
    }
    for (Role role : Role.values()) {
      HttpResponse<Buffer> made = api.call(HttpMethod.POST, "/api/events", new JsonObject().put("slug", "e-" + role.wire())
          .put("title", "E").put("timeZone", "Europe/Berlin").put("days", List.of("2026-05-01")).encode(),
          "Content-Type", "application/json", "Authorization", "Bearer " + tokens.get(role));
      assertThat(made.statusCode()).as("create an event as %s: %s", role, made.bodyAsString())
          .isEqualTo(Permission.MANAGE_EVENTS.grantedTo(role) ? 201 : 403);
    }
  }

  @Test
  void theStaffChannelOpensToEveryRoleAndShowsEmbargoedResultsToAdminAndAwardsOnly() {
    for (Role role : Role.values()) {
      try (LiveClient c = LiveClient.connect(vertx, node.port())) {
        c.hello(new JsonObject().put("channels", List.of("staff")).put("token", tokens.get(role)));
        JsonObject welcome = c.awaitType("welcome");
        assertThat(welcome.getString("audience")).as(role.wire())
            .isEqualTo(role.seesEmbargoed() ? "embargo" : "staff");
        String snapshot = c.await(f -> "snapshot".equals(f.getString("type")), Duration.ofSeconds(5)).encode();
        assertThat(snapshot.contains("\"revealedAt\":null")).as("%s sees embargoed results", role)
            .isEqualTo(role.seesEmbargoed());
      }
    }
    try (LiveClient c = LiveClient.connect(vertx, node.port())) {
      c.hello(new JsonObject().put("channels", List.of("staff")).put("token", "forged"));
      assertThat(c.awaitType("error").getString("code")).isEqualTo("unauthorized");
    }
  }
}
