package podium.imports;

import static org.assertj.core.api.Assertions.assertThat;

import biweekly.Biweekly;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import podium.Api;
import podium.Await;
import podium.LiveClient;
import podium.TestDatabase;
import podium.TestNode;
import podium.interop.Guids;

/** POST /api/events/import on a real node: new events, refusals that change nothing, replaces that keep ids. */
@ExtendWith(VertxExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("node")
class ImportApiTest {

  /** When the imports happen (a Podium document's simulated clock starts then). */
  static final java.time.Instant AT = java.time.Instant.parse("2024-01-01T00:00:00Z");

  private TestNode.Running node;
  private Api api;
  private WebClient web;

  @BeforeAll
  void start(Vertx vertx) {
    node = TestNode.startSeeded(vertx, "imports");
    api = new Api(vertx, node.port());
    web = WebClient.create(vertx);
    TestDatabase.sql(node.db(), "insert into api_tokens (name, role, token_hash) values ('desk', 'editor', '"
        + podium.store.Hashes.sha256("staff-token") + "')");
  }

  @AfterAll
  void stop() {
    web.close();
    api.close();
    node.stop();
  }

  private HttpResponse<Buffer> post(String query, byte[] body, String type, String token) {
    var request = web.post(node.port(), "localhost", "/api/events/import" + query).timeout(30_000);
    if (type != null) {
      request.putHeader("Content-Type", type);
    }
    if (token != null) {
      request.putHeader("Authorization", "Bearer " + token);
    }
    return request.sendBuffer(Buffer.buffer(body)).await();
  }

  private static byte[] fixture(String name) throws Exception {
    return Files.readAllBytes(Path.of("src/test/resources/imports", name));
  }

  @Test
  void anAdminImportsANewEventThatTheRunningNodeServesAtOnce() throws Exception {
    HttpResponse<Buffer> r = post("?slug=quirkcon", fixture("pretalx-quirks.json"), "application/json",
        TestNode.ADMIN_TOKEN);
    assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(201);
    JsonObject summary = r.bodyAsJsonObject();
    assertThat(summary.getString("event")).isEqualTo("quirkcon");
    assertThat(summary.getInteger("sessions")).isEqualTo(5);
    assertThat(summary.getInteger("rooms")).isEqualTo(3);
    assertThat(summary.getInteger("days")).isEqualTo(3);
    assertThat(summary.getJsonArray("warnings")).isNotEmpty();
    JsonObject snapshot = awaitEvent("quirkcon");
    assertThat(snapshot.getJsonArray("sessions")).hasSize(5);
    assertThat(api.get("/api/events/quirkcon/schedule.xml").statusCode()).isEqualTo(200);
  }

  @Test
  void aDryRunSaysWhatAnImportWouldDoAndWritesNothing() throws Exception {
    String before = everything();
    HttpResponse<Buffer> fresh = post("?slug=quirk-preview&dryRun=true", fixture("pretalx-quirks.json"),
        "application/json", TestNode.ADMIN_TOKEN);
    assertThat(fresh.statusCode()).as(fresh.bodyAsString()).isEqualTo(200);
    assertThat(fresh.bodyAsJsonObject().getBoolean("exists")).isFalse();
    assertThat(fresh.bodyAsJsonObject().getInteger("sessions")).isEqualTo(5);
    assertThat(fresh.bodyAsJsonObject().containsKey("version")).isFalse();
    assertThat(everything()).as("a dry run writes nothing").isEqualTo(before);

    // Imported for real, then previewed again with "Opening" moved to the workshop room at 16:00.
    assertThat(post("?slug=quirk-diff", fixture("pretalx-quirks.json"), "application/json", TestNode.ADMIN_TOKEN)
        .statusCode()).isEqualTo(201);
    awaitEvent("quirk-diff");
    String moved = new String(fixture("pretalx-quirks.json"), java.nio.charset.StandardCharsets.UTF_8)
        .replace("\"date\": \"2024-03-09T10:00:00+01:00\",\n               \"start\": \"10:00\", \"duration\": \"0:45\", \"room\": \"Saal 1\"",
            "\"date\": \"2024-03-09T16:00:00+01:00\",\n               \"start\": \"16:00\", \"duration\": \"0:45\", \"room\": \"Workshop Room\"");
    assertThat(moved).contains("\"start\": \"16:00\"");
    before = everything();
    HttpResponse<Buffer> replace = post("?slug=quirk-diff&dryRun=true",
        moved.getBytes(java.nio.charset.StandardCharsets.UTF_8), "application/json", TestNode.ADMIN_TOKEN);
    assertThat(replace.statusCode()).as(replace.bodyAsString()).isEqualTo(200);
    JsonObject diff = replace.bodyAsJsonObject().getJsonObject("diff");
    assertThat(replace.bodyAsJsonObject().getBoolean("exists")).isTrue();
    assertThat(replace.bodyAsJsonObject().getBoolean("underWay")).isFalse();
    assertThat(diff.getJsonObject("counts").getInteger("moved")).isEqualTo(1);
    assertThat(diff.getJsonObject("counts").getInteger("unchanged")).isEqualTo(4);
    assertThat(diff.getJsonArray("steps")).singleElement()
        .satisfies(step -> assertThat(((JsonObject) step).getJsonObject("after").getString("start"))
            .isEqualTo("2024-03-09T15:00:00Z"));
    assertThat(post("?dryRun=maybe", fixture("pretalx-quirks.json"), "application/json", TestNode.ADMIN_TOKEN)
        .statusCode()).isEqualTo(400);
    assertThat(post("?slug=quirk-preview&dryRun=true", fixture("pretalx-quirks.json"), "application/json",
        "staff-token").statusCode()).as("an editor may not import, nor preview one").isEqualTo(403);
    assertThat(everything()).as("a dry run writes nothing").isEqualTo(before);
  }

  @Test
  void theDemoExportedAndImportedAgainHasTheSameRoomsSessionsSpeakersAndTimes() {
    JsonObject demo = api.snapshot();
    for (String format : new String[] {"json", "xml"}) {
      byte[] file = api.get("/api/events/" + TestNode.SLUG + "/schedule." + format).bodyAsBuffer().getBytes();
      String slug = "copy-" + format;
      assertThat(post("?slug=" + slug, file, "application/" + format, TestNode.ADMIN_TOKEN).statusCode()).isEqualTo(201);
      JsonObject copy = awaitEvent(slug);
      assertThat(names(copy, "rooms")).isEqualTo(names(demo, "rooms"));
      assertThat(names(copy, "speakers")).isEqualTo(names(demo, "speakers"));
      assertThat(sessions(copy)).as(format).isEqualTo(sessions(demo));
    }
  }

  private static java.util.List<String> names(JsonObject snapshot, String list) {
    return snapshot.getJsonArray(list).stream().map(o -> ((JsonObject) o).getJsonObject("name").getString("en")).toList();
  }

  /** Each session's id, times, title, type, speakers and room name, in order. */
  private static java.util.List<String> sessions(JsonObject snapshot) {
    java.util.Map<String, String> rooms = new java.util.HashMap<>();
    snapshot.getJsonArray("rooms").forEach(o -> rooms.put(((JsonObject) o).getString("id"),
        ((JsonObject) o).getJsonObject("name").getString("en")));
    return snapshot.getJsonArray("sessions").stream().map(JsonObject.class::cast)
        .map(s -> String.join("|", s.getString("id"), s.getString("start"), s.getString("end"), s.getString("type"),
            s.getJsonObject("title").getString("en"), s.getJsonArray("speakers").encode(), rooms.get(s.getString("room"))))
        .toList();
  }

  @Test
  void anEventWrittenWithoutANotificationIsPickedUpByTheSweep(Vertx vertx) throws Exception {
    io.vertx.sqlclient.Pool pool = podium.store.Database.pool(vertx, node.db(), 1, "sweep");
    try {
      // Without the demo's cue list: on this copy's clock they are all overdue, and the cue clock
      // would fire them one version at a time under the other tests' feet.
      JsonObject demo = new JsonObject(Files.readString(Path.of("src/main/resources/seed/baotou-2023.json")));
      demo.remove("cues");
      byte[] seed = demo.encode().getBytes(java.nio.charset.StandardCharsets.UTF_8);
      podium.store.EventImport.create(pool, podium.interop.ScheduleReader.read(seed, "swept", AT).agenda()).await();
    } finally {
      pool.close().await();
    }
    assertThat(awaitEvent("swept").getJsonArray("sessions")).isNotEmpty();
  }

  @Test
  void refusedImportsChangeNothing() throws Exception {
    String before = everything();
    HttpResponse<Buffer> broken = post("", fixture("broken.json"), "application/json", TestNode.ADMIN_TOKEN);
    assertThat(broken.statusCode()).isEqualTo(422);
    JsonObject error = broken.bodyAsJsonObject().getJsonObject("error");
    assertThat(error.getString("code")).isEqualTo("invalid_schedule");
    assertThat(error.getJsonArray("problems")).hasSize(4);
    assertThat(error.getJsonArray("problems").getJsonObject(0).getString("field")).isEqualTo("duration");
    assertThat(post("?slug=x", fixture("frab-offsets.xml"), "application/xml", "staff-token").statusCode())
        .as("not an admin").isEqualTo(403);
    assertThat(post("?slug=x", fixture("frab-offsets.xml"), "application/xml", null).statusCode()).isEqualTo(401);
    assertThat(post("?slug=x", fixture("frab-offsets.xml"), "text/plain", TestNode.ADMIN_TOKEN).statusCode()).isEqualTo(415);
    assertThat(post("?slug=Bad_Slug", fixture("frab-offsets.xml"), "application/xml", TestNode.ADMIN_TOKEN).statusCode())
        .isEqualTo(400);
    assertThat(post("?slug=import", fixture("frab-offsets.xml"), null, TestNode.ADMIN_TOKEN).statusCode()).isEqualTo(400);
    assertThat(post("?slug=x&replace=maybe", fixture("frab-offsets.xml"), null, TestNode.ADMIN_TOKEN).statusCode())
        .isEqualTo(400);
    HttpResponse<Buffer> exists = post("?slug=" + TestNode.SLUG, fixture("frab-offsets.xml"), null, TestNode.ADMIN_TOKEN);
    assertThat(exists.statusCode()).isEqualTo(409);
    assertThat(exists.bodyAsJsonObject().getJsonObject("error").getString("code")).isEqualTo("event_exists");
    byte[] huge = new byte[ImportApi.MAX_BODY_BYTES + 1];
    java.util.Arrays.fill(huge, (byte) ' ');
    assertThat(post("?slug=huge", huge, "application/json", TestNode.ADMIN_TOKEN).statusCode()).isEqualTo(413);
    assertThat(everything()).isEqualTo(before);
  }

  @Test
  void aReplaceKeepsSessionIdsByGuidGivesANewEpochAndRaisesEverySequence(Vertx vertx) throws Exception {
    String slug = "replace-me";
    JsonObject first = post("?slug=" + slug, fixture("pretalx-quirks.json"), "application/json", TestNode.ADMIN_TOKEN)
        .bodyAsJsonObject();
    JsonObject before = awaitEvent(slug);
    String icsBefore = api.get("/api/events/" + slug + "/schedule.ics").bodyAsString();
    // The same sessions, renamed, re-timed and with their slugs gone: only the guids match.
    String file = new String(fixture("pretalx-quirks.json"), StandardCharsets.UTF_8)
        .replace("\"Opening\"", "\"Grand opening\"").replace("\"slug\": \"quirkcon-2024-17-opening\"", "\"slug\": \"\"")
        .replace("\"date\": \"2024-03-09T10:00:00+01:00\"", "\"date\": \"2024-03-09T10:15:00+01:00\"");
    try (LiveClient phone = LiveClient.connect(vertx, node.port())) {
      phone.hello(new JsonObject().put("event", slug));
      phone.awaitType("snapshot");
      HttpResponse<Buffer> r = post("?slug=" + slug + "&replace=true", file.getBytes(StandardCharsets.UTF_8),
          "application/json", TestNode.ADMIN_TOKEN);
      assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(200);
      JsonObject summary = r.bodyAsJsonObject();
      assertThat(summary.getBoolean("created")).isFalse();
      assertThat(summary.getInteger("keptIds")).isEqualTo(4);
      assertThat(summary.getString("epoch")).isNotEqualTo(first.getString("epoch"));
      assertThat(summary.getLong("version")).isEqualTo(first.getLong("version") + 1);
      phone.await(f -> "welcome".equals(f.getString("type")) && summary.getString("epoch").equals(f.getString("epoch")),
          Duration.ofSeconds(10));
      phone.await(f -> "snapshot".equals(f.getString("type")) && f.getLong("version") == summary.getLong("version"),
          Duration.ofSeconds(10));
      JsonObject after = awaitSnapshot(slug, summary.getString("epoch"));
      JsonObject opening = after.getJsonArray("sessions").stream().map(JsonObject.class::cast)
          .filter(s -> s.getString("id").equals("opening")).findFirst().orElseThrow();
      assertThat(opening.getJsonObject("title").getString("en")).as("the id stayed; the title changed").isEqualTo("Grand opening");
      assertThat(opening.getString("start")).isEqualTo("2024-03-09T09:15:00Z");
      assertThat(before.getJsonArray("sessions").size()).isEqualTo(after.getJsonArray("sessions").size());
    }
    String icsAfter = api.get("/api/events/" + slug + "/schedule.ics").bodyAsString();
    String uid = Guids.session(slug, "opening").toString();
    assertThat(sequence(icsAfter, uid)).isEqualTo(sequence(icsBefore, uid) + 1);
  }

  @Test
  void replacingAnEventUnderWayNeedsForce() throws Exception {
    String slug = "under-way";
    assertThat(post("?slug=" + slug, fixture("frab-offsets.xml"), null, TestNode.ADMIN_TOKEN).statusCode()).isEqualTo(201);
    awaitEvent(slug);
    HttpResponse<Buffer> started = web.post(node.port(), "localhost", "/api/events/" + slug + "/commands")
        .putHeader("Authorization", "Bearer " + TestNode.ADMIN_TOKEN)
        .sendJsonObject(new JsonObject().put("type", "session.start").put("session", "keynote")).await();
    assertThat(started.statusCode()).as(started.bodyAsString()).isEqualTo(200);
    HttpResponse<Buffer> refused = post("?slug=" + slug + "&replace=true", fixture("frab-offsets.xml"), null,
        TestNode.ADMIN_TOKEN);
    assertThat(refused.statusCode()).isEqualTo(409);
    assertThat(refused.bodyAsJsonObject().getJsonObject("error").getString("code")).isEqualTo("event_under_way");
    assertThat(post("?slug=" + slug + "&replace=true&force=true", fixture("frab-offsets.xml"), null,
        TestNode.ADMIN_TOKEN).statusCode()).isEqualTo(200);
  }

  private static int sequence(String ics, String uid) {
    return Biweekly.parse(ics).first().getEvents().stream().filter(e -> e.getUid().getValue().equals(uid))
        .findFirst().orElseThrow().getSequence().getValue();
  }

  private JsonObject awaitEvent(String slug) {
    long until = System.currentTimeMillis() + 10_000;
    HttpResponse<Buffer> r = api.get("/api/events/" + slug);
    while (r.statusCode() != 200 && System.currentTimeMillis() < until) {
      LiveClient.sleep(20);
      r = api.get("/api/events/" + slug);
    }
    assertThat(r.statusCode()).as("the node picked up '%s'", slug).isEqualTo(200);
    return r.bodyAsJsonObject();
  }

  private JsonObject awaitSnapshot(String slug, String epoch) {
    long until = System.currentTimeMillis() + 10_000;
    JsonObject s = awaitEvent(slug);
    while (!epoch.equals(s.getString("epoch")) && System.currentTimeMillis() < until) {
      LiveClient.sleep(20);
      s = awaitEvent(slug);
    }
    assertThat(s.getString("epoch")).isEqualTo(epoch);
    return s;
  }

  /** Every event row, count of sessions and imports: what a refused import must leave as it was. */
  private String everything() throws Exception {
    // An earlier test's import reaches the node through LISTEN: wait until it holds every event's version.
    long committed = count("select coalesce(sum(version), 0) from events");
    Await.until("the event list's versions to add up to the " + committed + " committed",
        () -> api.get("/api/events").bodyAsJsonObject().getJsonArray("events").stream()
            .mapToLong(e -> ((JsonObject) e).getLong("version")).sum(), sum -> sum >= committed);
    return api.get("/api/events").bodyAsString() + count("select count(*) from sessions")
        + count("select count(*) from event_imports") + count("select count(*) from events");
  }

  private long count(String query) throws Exception {
    var db = node.db();
    try (var c = java.sql.DriverManager.getConnection(podium.store.Migrations.jdbcUrl(db), db.getUser(), db.getPassword());
        var rs = c.createStatement().executeQuery(query)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
