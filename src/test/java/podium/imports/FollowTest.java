package podium.imports;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Tuple;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import podium.Api;
import podium.Await;
import podium.LiveClient;
import podium.Node;
import podium.TestNode;
import podium.event.SourcePlan;
import podium.interop.CongressSchedule;
import podium.store.Hashes;

/**
 * Two nodes follow a 38C3-shaped schedule.json served by a local HTTP server, release after
 * release: exactly one node polls; a moved talk, a removed one and a new one reach a phone on the
 * other node as ordinary changes; a talk delayed in Podium is held until released; a follow that
 * waits for approval applies only what staff approve; a failing source is said, not applied.
 */
@Tag("node")
@ExtendWith(VertxExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FollowTest {

  private static final String EVENT = "38c3";
  private static final String ADMIN = "Bearer " + TestNode.ADMIN_TOKEN;

  private final AtomicReference<Buffer> served = new AtomicReference<>();
  private final AtomicInteger status = new AtomicInteger(200);
  private final AtomicInteger requests = new AtomicInteger();
  private Vertx vertx;
  private HttpServer source;
  private Node a;
  private Node b;
  private int portB;
  private Api apiA;
  private Api apiB;
  private CongressSchedule release;

  @BeforeAll
  void start(Vertx vertx) {
    this.vertx = vertx;
    source = vertx.createHttpServer().requestHandler(req -> {
      requests.incrementAndGet();
      Buffer body = served.get();
      String etag = "\"" + Hashes.sha256(body.getBytes()).substring(0, 16) + "\"";
      if (status.get() != 200) {
        req.response().setStatusCode(status.get()).end("<html>not today</html>");
      } else if (etag.equals(req.getHeader("If-None-Match"))) {
        req.response().setStatusCode(304).end();
      } else {
        req.response().putHeader("ETag", etag).putHeader("Content-Type", "application/json").end(body);
      }
    }).listen(0).await();
    PgConnectOptions db = TestNode.seededDatabase(vertx);
    int portA = TestNode.freePort();
    portB = TestNode.freePort();
    a = TestNode.start(vertx, db, portA, "follow-a", o -> o.withFollow(true));
    b = TestNode.start(vertx, db, portB, "follow-b", o -> o.withFollow(true));
    apiA = new Api(vertx, portA);
    apiB = new Api(vertx, portB);
    release = CongressSchedule.first();
    served.set(Buffer.buffer(release.json()));
    HttpResponse<Buffer> imported = apiA.call(HttpMethod.POST, "/api/events/import?slug=" + EVENT,
        new String(release.json(), java.nio.charset.StandardCharsets.UTF_8), "Content-Type", "application/json",
        "Authorization", ADMIN);
    assertThat(imported.statusCode()).as(imported.bodyAsString()).isEqualTo(201);
    Await.until("both nodes to hold " + EVENT, () -> a.states().bySlug(EVENT) != null && b.states().bySlug(EVENT) != null,
        held -> held);
  }

  @AfterAll
  void stop() {
    apiA.close();
    apiB.close();
    a.stop().await();
    b.stop().await();
    source.close().await();
  }

  private String url() {
    return "http://localhost:" + source.actualPort() + "/congress/2024/schedule.json";
  }

  private HttpResponse<Buffer> follow(Api api, HttpMethod method, String path, JsonObject body) {
    return api.call(method, "/api/events/" + EVENT + "/follow" + path, body == null ? null : body.encode(),
        "Content-Type", "application/json", "Authorization", ADMIN);
  }

  private JsonObject state() {
    HttpResponse<Buffer> r = follow(apiB, HttpMethod.GET, "", null);
    assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(200);
    return r.bodyAsJsonObject();
  }

  /** Serves the next release and asks for a poll now (the interval is a minute at least). */
  private JsonObject publish(CongressSchedule next) {
    release = next;
    served.set(Buffer.buffer(next.json()));
    String hash = Hashes.sha256(next.json());
    assertThat(follow(apiA, HttpMethod.POST, "/poll", null).statusCode()).isEqualTo(200);
    return Await.until("the follow to read release " + hash.substring(0, 8), this::state,
        s -> hash.equals(s.getJsonObject("follow").getString("release")));
  }

  private String sessionOf(CongressSchedule.Talk talk) {
    return a.pool().preparedQuery("select session from session_guids g join events e on e.id = g.event_id"
        + " where e.slug = $1 and g.guid = $2").execute(Tuple.of(EVENT, talk.guid().toString())).await()
        .iterator().next().getString(0);
  }

  private JsonObject session(Node node, String id) {
    return node.states().bySlug(EVENT).view().agenda().session(id).orElseThrow().toJson();
  }

  private static double metric(Api api, String name, String labels) {
    String text = api.get("/metrics").bodyAsString();
    Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name) + "\\{" + labels + "[^}]*\\} ([0-9.eE+-]+)$").matcher(text);
    double sum = 0;
    while (m.find()) {
      sum += Double.parseDouble(m.group(1));
    }
    return sum;
  }

  @Test
  @Order(1)
  void followingTheFileItWasImportedFromChangesNothingAndOneNodePolls() {
    HttpResponse<Buffer> set = follow(apiA, HttpMethod.PUT, "", new JsonObject().put("url", url()).put("intervalMinutes", 1));
    assertThat(set.statusCode()).as(set.bodyAsString()).isEqualTo(200);
    long version = a.states().bySlug(EVENT).view().version();
    JsonObject s = Await.until("the first poll", this::state,
        st -> st.getJsonObject("follow").getString("appliedRelease") != null);
    assertThat(s.getJsonObject("follow").getString("lastError")).isNull();
    assertThat(s.getJsonObject("plan").getInteger("changes")).isZero();
    assertThat(s.getJsonObject("plan").getJsonObject("counts").getInteger("unchanged")).isEqualTo(CongressSchedule.TALKS);
    assertThat(a.states().bySlug(EVENT).view().version()).as("the same file changes nothing").isEqualTo(version);
  }

  @Test
  @Order(2)
  void aNewReleaseReachesAPhoneOnTheOtherNodeAsOrdinaryChanges() {
    CongressSchedule.Talk moving = release.talk(10);
    CongressSchedule.Talk removing = release.talk(3);
    CongressSchedule.Talk fresh = new CongressSchedule.Talk(java.util.UUID.nameUUIDFromBytes("38c3-new".getBytes()), 9001,
        "Talk 9001: A late addition", "Saal 1", moving.start().plusDays(1).withHour(23).withMinute(0), Duration.ofMinutes(30),
        List.of("Speaker 9001"));
    String moved = sessionOf(moving);
    String removed = sessionOf(removing);
    try (LiveClient phone = LiveClient.connect(vertx, portB)) {
      phone.hello(new JsonObject().put("event", EVENT));
      phone.awaitType("snapshot");
      publish(release.with(10, t -> t.at("Saal GLITCH", t.start().plusHours(2))).with(3, t -> null).plus(fresh));
      JsonObject movedFrame = phone.await(f -> "change".equals(f.getString("type"))
          && "session.moved".equals(f.getString("kind")), Duration.ofSeconds(30));
      phone.await(f -> "change".equals(f.getString("type")) && "session.cancelled".equals(f.getString("kind")),
          Duration.ofSeconds(30));
      phone.await(f -> "change".equals(f.getString("type")) && "session.added".equals(f.getString("kind")),
          Duration.ofSeconds(30));
      assertThat(movedFrame.getJsonObject("data").getJsonArray("sessions").getJsonObject(0).getString("id")).isEqualTo(moved);
    }
    JsonObject m = session(b, moved);
    assertThat(m.getString("room")).isEqualTo(a.states().bySlug(EVENT).view().agenda().rooms().stream()
        .filter(r -> r.name().en().equals("Saal GLITCH")).findFirst().orElseThrow().id());
    assertThat(m.getString("start")).isEqualTo(moving.start().plusHours(2).toInstant().toString());
    assertThat(m.getString("plannedStart")).as("the source's plan, not a delay").isEqualTo(m.getString("start"));
    JsonObject r = session(b, removed);
    assertThat(r.getString("status")).isEqualTo("cancelled");
    assertThat(r.getJsonObject("reason").getString("en")).isEqualTo(SourcePlan.REMOVED.en());
    assertThat(sessionOf(fresh)).as("the new talk's guid is kept, so the next release matches it").isNotNull();
    JsonObject f = state().getJsonObject("follow");
    assertThat(f.getString("lastChangeAt")).isNotNull();
    assertThat(f.getString("appliedRelease")).isEqualTo(f.getString("release"));
    // Read again, the same release changes nothing: the new talk keeps its id.
    long version = b.states().bySlug(EVENT).view().version();
    assertThat(state().getJsonObject("plan").getInteger("changes")).isZero();
    assertThat(b.states().bySlug(EVENT).view().version()).isEqualTo(version);
  }

  @Test
  @Order(3)
  void exactlyOneNodePollsAndItsPollsAreAllThatReachTheSource() {
    double pollsA = metric(apiA, "podium_follow_polls_total", "");
    double pollsB = metric(apiB, "podium_follow_polls_total", "");
    assertThat(pollsA * pollsB).as("one of the two nodes polls (A %s, B %s)", pollsA, pollsB).isZero();
    assertThat(pollsA + pollsB).isEqualTo(requests.get());
    String holder = a.pool().query("select a.application_name from pg_locks l join pg_stat_activity a on a.pid = l.pid"
        + " where l.locktype = 'advisory' and l.granted and a.application_name like 'podium-follow-%'").execute().await()
        .iterator().next().getString(0);
    assertThat(holder).isEqualTo("podium-follow-" + (pollsA > 0 ? "follow-a" : "follow-b"));
  }

  @Test
  @Order(4)
  void aTalkDelayedInPodiumIsHeldUntilStaffReleaseIt() {
    CongressSchedule.Talk talk = release.talk(20);
    String id = sessionOf(talk);
    HttpResponse<Buffer> delayed = apiA.call(HttpMethod.POST, "/api/events/" + EVENT + "/commands",
        new JsonObject().put("type", "session.delay").put("session", id).put("minutes", 15).encode(),
        "Content-Type", "application/json", "Authorization", ADMIN);
    assertThat(delayed.statusCode()).as(delayed.bodyAsString()).isEqualTo(200);
    String delayedStart = talk.start().plusMinutes(15).toInstant().toString();
    JsonObject s = publish(release.with(20, t -> t.at(t.room(), t.start().plusMinutes(30))));
    JsonArray steps = s.getJsonObject("plan").getJsonArray("steps");
    assertThat(steps.stream().map(JsonObject.class::cast).filter(st -> st.getString("session").equals(id)).toList())
        .singleElement().satisfies(st -> {
          assertThat(st.getString("kind")).isEqualTo("held");
          assertThat(st.getString("held")).isEqualTo("changed in Podium");
        });
    assertThat(session(a, id).getString("start")).as("the delay on the day wins").isEqualTo(delayedStart);

    HttpResponse<Buffer> released = follow(apiB, HttpMethod.POST, "/release",
        new JsonObject().put("sessions", new JsonArray().add(id)));
    assertThat(released.statusCode()).as(released.bodyAsString()).isEqualTo(200);
    assertThat(released.bodyAsJsonObject().getInteger("changes")).isEqualTo(1);
    String sourceStart = talk.start().plusMinutes(30).toInstant().toString();
    Await.until("node A to have the released talk at the source's time", () -> session(a, id).getString("start"),
        sourceStart::equals);
    assertThat(follow(apiB, HttpMethod.POST, "/release", new JsonObject().put("sessions", new JsonArray().add(id)))
        .statusCode()).as("no longer held").isEqualTo(409);
  }

  @Test
  @Order(5)
  void aFollowThatWaitsForApprovalAppliesOnlyTheReleaseStaffSaw() {
    assertThat(follow(apiA, HttpMethod.PUT, "", new JsonObject().put("url", url()).put("mode", "approve")
        .put("intervalMinutes", 1)).statusCode()).isEqualTo(200);
    CongressSchedule.Talk talk = release.talk(30);
    String id = sessionOf(talk);
    String before = session(a, id).getString("start");
    JsonObject s = publish(release.with(30, t -> t.at(t.room(), t.start().plusMinutes(20))));
    assertThat(s.getJsonObject("plan").getInteger("changes")).isEqualTo(1);
    String seen = s.getJsonObject("plan").getString("release");
    assertThat(session(a, id).getString("start")).as("nothing applied before approval").isEqualTo(before);

    JsonObject stale = follow(apiB, HttpMethod.POST, "/apply", new JsonObject().put("release", "0".repeat(64)))
        .bodyAsJsonObject();
    assertThat(stale.getJsonObject("error").getString("code")).isEqualTo("stale_release");
    assertThat(stale.getJsonObject("error").getString("release")).isEqualTo(seen);

    HttpResponse<Buffer> applied = follow(apiB, HttpMethod.POST, "/apply", new JsonObject().put("release", seen));
    assertThat(applied.statusCode()).as(applied.bodyAsString()).isEqualTo(200);
    assertThat(applied.bodyAsJsonObject().getInteger("changes")).isEqualTo(1);
    Await.until("node A to have the approved time", () -> session(a, id).getString("start"),
        talk.start().plusMinutes(20).toInstant().toString()::equals);
  }

  @Test
  @Order(6)
  void aFailingSourceIsSaidOnTheFollowAndInMetricsAndChangesNothing() {
    long version = a.states().bySlug(EVENT).view().version();
    status.set(500);
    try {
      assertThat(follow(apiA, HttpMethod.POST, "/poll", null).statusCode()).isEqualTo(200);
      JsonObject f = Await.until("the failure to be kept", () -> state().getJsonObject("follow"),
          st -> st.getInteger("failures") > 0).copy();
      assertThat(f.getString("lastError")).contains("answered 500");
      assertThat(Duration.between(java.time.Instant.parse(f.getString("lastPollAt")),
          java.time.Instant.parse(f.getString("nextPollAt")))).as("backoff: a minute at first").isEqualTo(Duration.ofMinutes(1));
      Await.until("/metrics on node B to show the failure", () -> metric(apiB, "podium_follow_failures",
          "event=\"" + EVENT + "\""), n -> n >= 1);
    } finally {
      status.set(200);
    }
    served.set(Buffer.buffer("<!doctype html><title>Fahrplan</title>"));
    assertThat(follow(apiA, HttpMethod.POST, "/poll", null).statusCode()).isEqualTo(200);
    JsonObject f = Await.until("the refusal of what is not a schedule", () -> state().getJsonObject("follow"),
        st -> st.getInteger("failures") > 1).copy();
    assertThat(f.getString("lastError")).startsWith("the release is not a schedule Podium can read");
    assertThat(a.states().bySlug(EVENT).view().version()).isEqualTo(version);
  }

  @Test
  @Order(7)
  void aPrivateAddressIsRefusedUnlessAllowedAndBadSettingsChangeNothing() {
    try (Api strict = new Api(vertx, TestNode.freePort())) {
      assertThat(follow(apiA, HttpMethod.PUT, "", new JsonObject().put("url", "ftp://example.org/s.json")).statusCode())
          .isEqualTo(400);
      assertThat(follow(apiA, HttpMethod.PUT, "", new JsonObject().put("url", url()).put("mode", "sometimes"))
          .statusCode()).isEqualTo(400);
      assertThat(follow(apiA, HttpMethod.PUT, "", new JsonObject().put("url", url()).put("intervalMinutes", 0))
          .statusCode()).isEqualTo(400);
      assertThat(strict).isNotNull();
    }
    assertThat(state().getJsonObject("follow").getString("mode")).isEqualTo("approve");
  }
}
