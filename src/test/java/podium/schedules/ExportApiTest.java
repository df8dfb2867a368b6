package podium.schedules;

import static org.assertj.core.api.Assertions.assertThat;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import podium.Api;
import podium.Await;
import podium.TestNode;
import podium.interop.Guids;
import podium.interop.Schemas;

/** The live exports through a real node: schemas, live state, SEQUENCE and STATUS, caching headers, embargo. */
@ExtendWith(VertxExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("node")
class ExportApiTest {

  private static final String EVENT = "/api/events/" + TestNode.SLUG;

  private TestNode.Running node;
  private Api api;

  @BeforeAll
  void start(Vertx vertx) {
    node = TestNode.startSeeded(vertx, "exports");
    api = new Api(vertx, node.port());
  }

  @AfterAll
  void stop() {
    api.close();
    node.stop();
  }

  @Test
  void exportsFollowEveryChangeWithRisingSequencesAndNeverShowAnEmbargoedResult() {
    VEvent before = event(calendar(EVENT + "/schedule.ics"), "keynote-wang-haizhou");
    assertThat(before.getSequence().getValue()).isZero();
    assertThat(before.getStatus().isConfirmed()).isTrue();
    assertThat(before.getLocation().getValue()).isEqualTo("Main Hall");

    long v = command("{\"type\":\"session.delay\",\"session\":\"keynote-wang-haizhou\",\"minutes\":15}");
    VEvent delayed = event(calendar(EVENT + "/sessions/keynote-wang-haizhou.ics"), "keynote-wang-haizhou");
    assertThat(delayed.getSequence().getValue()).isEqualTo(1);
    assertThat(delayed.getDateStart().getValue().toInstant())
        .isEqualTo(before.getDateStart().getValue().toInstant().plus(Duration.ofMinutes(15)));
    assertThat(delayed.getUid().getValue()).isEqualTo(before.getUid().getValue())
        .isEqualTo(Guids.session(TestNode.SLUG, "keynote-wang-haizhou").toString());

    command("{\"type\":\"session.move\",\"session\":\"keynote-wang-haizhou\",\"room\":\"forum-b\"}");
    VEvent moved = event(calendar(EVENT + "/schedule.ics"), "keynote-wang-haizhou");
    assertThat(moved.getSequence().getValue()).isEqualTo(2);
    assertThat(moved.getLocation().getValue()).isEqualTo("Sub-forum B");
    assertThat(event(calendar(EVENT + "/schedule.ics?lang=zh"), "keynote-wang-haizhou").getLocation().getValue())
        .isEqualTo("分论坛B");

    command("{\"type\":\"session.cancel\",\"session\":\"keynote-wang-haizhou\",\"reason\":\"ill\"}");
    VEvent cancelled = event(calendar(EVENT + "/schedule.ics"), "keynote-wang-haizhou");
    assertThat(cancelled.getSequence().getValue()).isEqualTo(3);
    assertThat(cancelled.getStatus().isCancelled()).isTrue();
    assertThat(event(calendar(EVENT + "/schedule.ics"), "keynote-gan-yong").getSequence().getValue())
        .as("an untouched session keeps its sequence").isZero();

    JsonObject schedule = api.get(EVENT + "/schedule.json").bodyAsJsonObject();
    assertThat(schedule.getJsonObject("schedule").getString("version")).isEqualTo(String.valueOf(v + 2));
    JsonObject inForumB = schedule.getJsonObject("schedule").getJsonObject("conference").getJsonArray("days")
        .getJsonObject(0).getJsonObject("rooms").getJsonArray("Sub-forum B").getJsonObject(0);
    assertThat(inForumB.getString("title")).startsWith("[Cancelled] ");
    assertThat(inForumB.getString("subtitle")).isEqualTo("ill");
    assertThat(inForumB.getString("start")).isEqualTo("09:50");
    for (String lang : new String[] {"en", "zh"}) {
      assertThat(Schemas.jsonErrors(api.get(EVENT + "/schedule.json?lang=" + lang).bodyAsString())).isEmpty();
      assertThat(Schemas.xmlError(api.get(EVENT + "/schedule.xml?lang=" + lang).bodyAsString())).isNull();
    }

    command("{\"type\":\"award.set_results\",\"award\":\"leading-enterprises\",\"results\":[{\"rank\":1,\"nominee\":\"demo-enterprise-b\"}]}");
    for (String path : new String[] {"/schedule.json", "/schedule.xml", "/schedule.ics", "/schedule.ics?lang=zh"}) {
      assertThat(api.get(EVENT + path).bodyAsString()).doesNotContain("demo-enterprise").doesNotContain("Enterprise B")
          .doesNotContain("企业乙").doesNotContain("rank");
    }
  }

  @Test
  void anExportIsAnsweredWithCorsEtagAndLastModifiedAnd304WhenUnchanged() {
    HttpResponse<Buffer> first = api.get(EVENT + "/schedule.xml");
    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(first.getHeader("Content-Type")).startsWith("application/xml");
    assertThat(first.getHeader("Access-Control-Allow-Origin")).isEqualTo("*");
    String etag = first.getHeader("ETag");
    assertThat(etag).matches("\"[0-9a-f]{8}-\\d+-en\"");
    assertThat(first.getHeader("Last-Modified")).endsWith("GMT");
    assertThat(api.get(EVENT + "/schedule.xml", "If-None-Match", etag).statusCode()).isEqualTo(304);
    assertThat(api.get(EVENT + "/schedule.xml", "If-Modified-Since", first.getHeader("Last-Modified")).statusCode())
        .isEqualTo(304);
    assertThat(api.get(EVENT + "/schedule.xml?lang=zh", "If-None-Match", etag).statusCode())
        .as("another language is another representation").isEqualTo(200);
    assertThat(api.get(EVENT + "/schedule.xml").bodyAsString()).isEqualTo(first.bodyAsString());

    HttpResponse<Buffer> ics = api.get(EVENT + "/schedule.ics?sessions=opening-ceremony,lunch-break,gone-session");
    assertThat(ics.getHeader("Content-Type")).startsWith("text/calendar");
    assertThat(ics.getHeader("Content-Disposition")).isEqualTo("inline; filename=\"baotou-2023.ics\"");
    assertThat(Biweekly.parse(ics.bodyAsString()).first().getEvents()).hasSize(2);
    assertThat(ics.bodyAsString()).contains("BEGIN:VTIMEZONE").contains("TZID:Asia/Shanghai")
        .contains("DTSTART;TZID=Asia/Shanghai:20230816T083000");
    String tooMany = String.join(",", java.util.stream.IntStream.rangeClosed(0, 100).mapToObj(i -> "s" + i).toList());
    assertThat(api.get(EVENT + "/schedule.ics?sessions=" + tooMany).statusCode()).isEqualTo(400);
    assertThat(api.get(EVENT + "/schedule.ics?sessions=Bad%0D%0AHeader").statusCode()).isEqualTo(400);
    assertThat(api.get(EVENT + "/sessions/nothing-here.ics").statusCode()).isEqualTo(404);
    assertThat(api.get(EVENT + "/schedule.json?lang=fr").statusCode()).isEqualTo(400);
    assertThat(api.get("/api/events/nope/schedule.json").statusCode()).isEqualTo(404);

    JsonObject links = api.get(EVENT + "/calendar").bodyAsJsonObject();
    assertThat(links.getString("webcal")).isEqualTo("webcal://localhost:" + node.port() + EVENT + "/schedule.ics");
    assertThat(api.get(EVENT + "/calendar", "Host", "podium.example:8443").bodyAsJsonObject().getString("webcal"))
        .isEqualTo("webcal://podium.example:8443" + EVENT + "/schedule.ics");
  }

  /**
   * Pollers on both of the node's loops share each version's export, which one of them builds. In
   * the server's strict thread mode an answer written from the other loop's thread was never sent,
   * and its poller hung until its own timeout: every request must be answered while new versions
   * come (the 5 s idle timeout only turns a hang into a failure here; nothing is timed).
   */
  @Test
  void everyPollerIsAnsweredWhileNewVersionsAreBuilt(Vertx vertx) {
    HttpClient http = vertx.createHttpClient(new HttpClientOptions().setDefaultHost("localhost")
        .setDefaultPort(node.port()), new PoolOptions().setHttp1MaxSize(16));
    AtomicBoolean polling = new AtomicBoolean(true);
    AtomicInteger answered = new AtomicInteger();
    List<String> problems = new CopyOnWriteArrayList<>();
    List<Future<Void>> pollers = new ArrayList<>();
    for (int i = 0; i < 16; i++) {
      String path = EVENT + (i % 2 == 0 ? "/schedule.json" : "/schedule.ics?lang=zh");
      pollers.add(poll(http, path, i % 4 < 2, polling, answered, problems));
    }
    try {
      for (int i = 0; i < 4; i++) {
        command("{\"type\":\"session.delay\",\"session\":\"matchmaking-meeting-2\",\"minutes\":1}");
        podium.LiveClient.sleep(150);
      }
    } finally {
      polling.set(false);
    }
    Future.join(pollers).await();
    http.close().await();
    assertThat(problems).as("requests not answered 200").isEmpty();
    assertThat(answered.get()).as("answers").isGreaterThan(16);
  }

  /** GETs one after another until told to stop; each problem is noted and polling goes on. */
  private static Future<Void> poll(HttpClient http, String path, boolean gzip, AtomicBoolean polling,
      AtomicInteger answered, List<String> problems) {
    if (!polling.get()) {
      return Future.succeededFuture();
    }
    RequestOptions get = new RequestOptions().setMethod(HttpMethod.GET).setURI(path).setIdleTimeout(5_000);
    if (gzip) {
      get.putHeader("Accept-Encoding", "gzip");
    }
    return http.request(get).compose(req -> req.send()).compose(res -> res.body().map(b -> res.statusCode()))
        .transform(done -> {
          if (done.succeeded() && done.result() == 200) {
            answered.incrementAndGet();
          } else {
            problems.add(path + (gzip ? " (gzip)" : "") + ": " + (done.succeeded() ? done.result() : done.cause()));
          }
          return poll(http, path, gzip, polling, answered, problems);
        });
  }

  private long command(String body) {
    long version = api.commandRaw(body).bodyAsJsonObject().getLong("version");
    Await.version("the node's snapshot", () -> api.snapshot().getLong("version"), version);
    return version;
  }

  private ICalendar calendar(String path) {
    HttpResponse<Buffer> r = api.get(path);
    assertThat(r.statusCode()).as(path).isEqualTo(200);
    ICalendar ical = Biweekly.parse(r.bodyAsString()).first();
    assertThat(ical.validate(biweekly.ICalVersion.V2_0).isEmpty()).as(ical.validate(biweekly.ICalVersion.V2_0)
        .toString()).isTrue();
    return ical;
  }

  private static VEvent event(ICalendar ical, String session) {
    String uid = Guids.session(TestNode.SLUG, session).toString();
    return ical.getEvents().stream().filter(e -> e.getUid().getValue().equals(uid)).findFirst().orElseThrow();
  }
}
