package podium.commands;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import io.vertx.pgclient.PgConnectOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import podium.Api;
import podium.Await;
import podium.Node;
import podium.TestDatabase;
import podium.TestNode;

/** The staff command API against a real node and PostgreSQL: answers, retries, staleness, refusals. */
@ExtendWith(VertxExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("node")
class CommandApiTest {

  private PgConnectOptions db;
  private Node node;
  private Api api;

  @BeforeAll
  void start(Vertx vertx) {
    db = TestNode.seededDatabase(vertx);
    int port = TestNode.freePort();
    node = TestNode.start(vertx, db, port, "api");
    api = new Api(vertx, port);
  }

  @AfterAll
  void stop() {
    api.close();
    node.stop().await();
  }

  private static JsonObject delay(String session, int minutes) {
    return new JsonObject().put("type", "session.delay").put("session", session).put("minutes", minutes);
  }

  private long version() {
    return api.snapshot().getLong("version");
  }

  /** The snapshot and the change log, for asserting that a refused command changed neither. */
  private String everything() {
    awaitVersion(changeCount()); // an earlier test's last change may still be on its way to the node
    return api.snapshot().encode();
  }

  @Test
  void aCommandAnswersItsVersionAndShowsInTheSnapshot() {
    long before = version();
    HttpResponse<Buffer> r = api.command(delay("keynote-wang-haizhou", 10));
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.bodyAsJsonObject().getLong("version")).isEqualTo(before + 1);
    awaitVersion(before + 1);
    JsonObject session = Api.session(api.snapshot(), "keynote-wang-haizhou");
    assertThat(session.getInteger("delayMinutes")).isEqualTo(10);
  }

  @Test
  void aRetryWithTheSameKeyReturnsTheFirstAnswerAndChangesNothing() {
    JsonObject cmd = delay("materials-competitiveness-report", 5);
    HttpResponse<Buffer> first = api.command(cmd, "Idempotency-Key", "retry-1");
    awaitVersion(first.bodyAsJsonObject().getLong("version"));
    String after = everything();
    HttpResponse<Buffer> again = api.command(cmd, "Idempotency-Key", "retry-1");
    assertThat(again.statusCode()).isEqualTo(200);
    assertThat(again.bodyAsJsonObject().getLong("version")).isEqualTo(first.bodyAsJsonObject().getLong("version"));
    assertThat(again.getHeader("Idempotent-Replayed")).isEqualTo("true");
    assertThat(everything()).isEqualTo(after);
    assertThat(changeCount()).isEqualTo(first.bodyAsJsonObject().getLong("version"));

    HttpResponse<Buffer> other = api.command(delay("materials-competitiveness-report", 6), "Idempotency-Key", "retry-1");
    assertRefused(other, 422, "idempotency_key_reused", after);
  }

  @Test
  void aStaleEditOfTheSameThingGets409WithItsCurrentStateButOtherChangesDoNot() {
    long seen = version();
    long mine = api.command(delay("awards-ceremony", 5)).bodyAsJsonObject().getLong("version");
    awaitVersion(mine);
    String before = everything();
    HttpResponse<Buffer> r = api.command(delay("awards-ceremony", 5).put("expectedVersion", seen));
    assertRefused(r, 409, "stale_version", before);
    JsonObject error = r.bodyAsJsonObject().getJsonObject("error");
    assertThat(error.getLong("version")).isEqualTo(mine);
    assertThat(error.getJsonObject("current").getJsonArray("sessions").getJsonObject(0).getInteger("delayMinutes"))
        .as("the state someone else left").isEqualTo(Api.session(api.snapshot(), "awards-ceremony").getInteger("delayMinutes"));
    // A change to something else since the version seen is no conflict.
    HttpResponse<Buffer> other = api.command(new JsonObject().put("type", "announcement.post").put("text", "Water")
        .put("expectedVersion", seen));
    assertThat(other.statusCode()).as(other.bodyAsString()).isEqualTo(200);
    assertRefused(api.command(delay("awards-ceremony", 5).put("expectedVersion", mine + 99)), 409, "stale_version",
        everything());
    assertThat(api.command(delay("awards-ceremony", 5).put("expectedVersion", mine)).statusCode()).isEqualTo(200);
  }

  @Test
  void everyBadRequestIsRefusedWithACodeAndChangesNothing() {
    String before = everything();
    assertRefused(api.command(new JsonObject().put("type", "session.teleport").put("session", "x")), 400,
        "unknown_command", before);
    assertRefused(api.command(new JsonObject().put("session", "x")), 400, "unknown_command", before);
    assertRefused(api.command(delay("keynote-gan-yong", 0)), 400, "invalid_field", before);
    assertRefused(api.command(delay("keynote-gan-yong", 5).put("minuts", 5)), 400, "invalid_field", before);
    assertRefused(api.command(new JsonObject().put("type", "session.delay").put("session", "keynote-gan-yong")
        .put("minutes", "ten")), 400, "invalid_field", before);
    assertRefused(api.command(delay("no-such-session", 5)), 422, "unknown_session", before);
    assertRefused(api.command(new JsonObject().put("type", "session.move").put("session", "keynote-gan-yong")
        .put("room", "attic")), 422, "unknown_room", before);
    assertRefused(api.commandRaw("{\"type\": \"session.delay\","), 400, "malformed_json", before);
    assertRefused(api.commandRaw("[1, 2]"), 400, "malformed_json", before);
    assertRefused(api.commandRaw(""), 400, "malformed_json", before);
    assertRefused(api.commandRaw("{\"type\":\"session.delay\",\"pad\":\"" + "x".repeat(70_000) + "\"}"), 413,
        "body_too_large", before);
    assertRefused(api.command(delay("keynote-gan-yong", 5), "Authorization", null), 401, "unauthorized", before);
    assertRefused(api.command(delay("keynote-gan-yong", 5), "Authorization", "Bearer not-the-token"), 401,
        "unauthorized", before);
    assertRefused(api.command(delay("keynote-gan-yong", 5), "Content-Type", "text/plain"), 415,
        "unsupported_media_type", before);
    assertRefused(api.command(delay("keynote-gan-yong", 5), "Idempotency-Key", "has space"), 400,
        "bad_idempotency_key", before);
    assertThat(api.get("/api/events/no-such-event").statusCode()).isEqualTo(404);
  }

  @Test
  void aDryRunAnswersTheChangeItWouldMakeAndChangesNothing() {
    String before = everything();
    long v = new JsonObject(before).getLong("version");
    HttpResponse<Buffer> r = api.commandTo("/commands?dryRun=true",
        delay("academic-conference-1", 15).put("cascade", true).encode(), "Idempotency-Key", "dry-1");
    assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(200);
    JsonObject answer = r.bodyAsJsonObject();
    assertThat(answer.getBoolean("dryRun")).isTrue();
    assertThat(answer.getLong("version")).isEqualTo(v + 1);
    assertThat(answer.getString("kind")).isEqualTo("session.delayed");
    assertThat(answer.getJsonObject("data").getJsonArray("sessions").size()).as("the cascade it would make")
        .isGreaterThan(1);
    assertThat(everything()).isEqualTo(before);
    assertThat(changeCount()).isEqualTo(v);
    // The dry run took no key: the same key then applies the command for real, once.
    HttpResponse<Buffer> real = api.command(delay("academic-conference-1", 15).put("cascade", true), "Idempotency-Key", "dry-1");
    assertThat(real.bodyAsJsonObject().containsKey("dryRun")).isFalse();
    assertThat(real.bodyAsJsonObject().getLong("version")).isEqualTo(v + 1);
    assertRefused(api.commandTo("/commands?dryRun=true", delay("no-such-session", 5).encode()), 422,
        "unknown_session", everything());
    assertRefused(api.commandTo("/commands?dryRun=maybe", delay("keynote-gan-yong", 5).encode()), 400,
        "invalid_field", everything());
  }

  /**
   * A body is refused before the store takes a connection or the event's lock: it never waits behind
   * one. The lock is held until after the refusals are answered, and nothing here ends it, so a
   * refusal that waited for it would never be answered (the client gives up after 20 s).
   */
  @Test
  void aBadBodyIsRefusedWhileTheEventIsLocked(Vertx vertx) {
    io.vertx.sqlclient.Pool other = podium.store.Database.pool(vertx, db, 1, "holder");
    io.vertx.sqlclient.SqlConnection holder = other.getConnection().await();
    holder.query("begin").execute().await();
    holder.query("select 1 from events where slug = '" + TestNode.SLUG + "' for update").execute().await();
    try {
      assertThat(api.command(delay("keynote-gan-yong", 0)).statusCode()).isEqualTo(400);
      assertThat(api.command(new JsonObject().put("type", "session.teleport")).statusCode()).isEqualTo(400);
      assertThat(api.command(delay("keynote-gan-yong", 5).put("expectedVersion", "7")).statusCode()).isEqualTo(400);
      io.vertx.core.Future<HttpResponse<Buffer>> good = api.commandAsync(delay("keynote-gan-yong", 5));
      podium.LiveClient.sleep(300);
      assertThat(good.isComplete()).as("a good command waits for the lock").isFalse();
      holder.query("rollback").execute().await();
      assertThat(good.await().statusCode()).isEqualTo(200);
    } finally {
      holder.close().await();
      other.close().await();
    }
  }

  @Test
  void theSnapshotHasAnETagAndAnswers304() {
    HttpResponse<Buffer> r = api.get("/api/events/" + TestNode.SLUG);
    String etag = r.getHeader("ETag");
    assertThat(etag).contains("-" + r.bodyAsJsonObject().getLong("version") + "\"");
    assertThat(api.get("/api/events/" + TestNode.SLUG, "If-None-Match", etag).statusCode()).isEqualTo(304);
    for (int i = 0; i < 3; i++) {
      assertThat(api.get("/api/events/" + TestNode.SLUG).body()).as("the shared body, sent again whole")
          .isEqualTo(r.body());
    }
    assertThat(api.get("/api/events").bodyAsJsonObject().getJsonArray("events").getJsonObject(0)
        .getString("slug")).isEqualTo(TestNode.SLUG);
  }

  @Test
  void theChangeLogTellsWhoDidWhatAndWhen() {
    long v = api.command(delay("matchmaking-meeting-2", 5)).bodyAsJsonObject().getLong("version");
    JsonObject log = api.get("/api/events/" + TestNode.SLUG + "/changes?after=" + (v - 1), "Authorization",
        "Bearer " + TestNode.ADMIN_TOKEN).bodyAsJsonObject();
    JsonObject entry = log.getJsonArray("changes").getJsonObject(0);
    assertThat(entry.getLong("version")).isEqualTo(v);
    assertThat(entry.getString("kind")).isEqualTo("session.delayed");
    assertThat(entry.getString("actor")).isEqualTo("token:admin");
    assertThat(entry.getString("at")).isNotBlank();
    assertThat(api.get("/api/events/" + TestNode.SLUG + "/changes").statusCode()).isEqualTo(401);
    assertThat(api.get("/api/events/" + TestNode.SLUG + "/changes?after=x", "Authorization",
        "Bearer " + TestNode.ADMIN_TOKEN).statusCode()).isEqualTo(400);
  }

  @Test
  void anAnnouncementPostedAgainAfterItWasClearedCanBeClearedAgain() {
    JsonObject post = new JsonObject().put("type", "announcement.post").put("announcement", "shuttle")
        .put("text", new JsonObject().put("en", "Shuttle at 17:30").put("zh", "17:30班车"));
    JsonObject clear = new JsonObject().put("type", "announcement.clear").put("announcement", "shuttle");
    assertThat(api.command(post).statusCode()).isEqualTo(200);
    assertThat(api.command(clear).statusCode()).isEqualTo(200);
    long v = api.command(post).bodyAsJsonObject().getLong("version");
    awaitVersion(v);
    assertThat(api.snapshot().getJsonArray("announcements").encode()).contains("shuttle");
    HttpResponse<Buffer> again = api.command(clear);
    assertThat(again.statusCode()).as(again.bodyAsString()).isEqualTo(200);
    awaitVersion(again.bodyAsJsonObject().getLong("version"));
  }

  @Test
  void everyPageAndAnswerCarriesTheSecurityHeaders() {
    for (String path : java.util.List.of("/", "/index.html", "/screen.html", "/api/events", "/api/events/nothing")) {
      HttpResponse<Buffer> r = api.get(path);
      String csp = r.getHeader("Content-Security-Policy");
      assertThat(csp).as(path).contains("script-src 'self'").contains("frame-ancestors 'self'")
          .doesNotContain("unsafe-inline").doesNotContain("unsafe-eval");
      assertThat(r.getHeader("X-Content-Type-Options")).as(path).isEqualTo("nosniff");
      assertThat(r.getHeader("Referrer-Policy")).as(path).isEqualTo("no-referrer");
      assertThat(r.getHeader("X-Frame-Options")).as(path).isEqualTo("SAMEORIGIN");
    }
  }

  @Test
  void healthReportsTheDatabase() {
    JsonObject health = api.get("/health").bodyAsJsonObject();
    assertThat(health.getString("outcome")).isEqualTo("UP");
    assertThat(health.getJsonArray("checks").encode()).contains("database");
    String metrics = api.get("/metrics").bodyAsString();
    assertThat(metrics).contains("podium_sockets").contains("podium_event_version{event=\"" + TestNode.SLUG + "\"}");
  }

  private void assertRefused(HttpResponse<Buffer> r, int status, String code, String before) {
    assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(status);
    assertThat(r.bodyAsJsonObject().getJsonObject("error").getString("code")).isEqualTo(code);
    assertThat(r.bodyAsJsonObject().getJsonObject("error").getString("message")).isNotBlank();
    assertThat(everything()).isEqualTo(before);
    assertThat(changeCount()).isEqualTo(new JsonObject(before).getLong("version"));
  }

  private long changeCount() {
    return node.pool().query("select count(*) from changes").execute().await().iterator().next().getLong(0);
  }

  private void awaitVersion(long v) {
    Await.version("the node's snapshot", this::version, v);
    assertThat(version()).isEqualTo(v);
  }
}
