package podium.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import podium.Await;
import podium.TestNode;
import podium.event.Catalogue;

/**
 * SQL injection in every parameter (path parameters of every route, query parameters, every string
 * field of every command and of the other bodies, and the headers that reach a query: tokens,
 * cookies, Idempotency-Key), NUL characters (which PostgreSQL cannot store), and CR/LF in whatever
 * could be echoed into a response header. Each is refused or taken as plain text, never run: no
 * 5xx, no pg_sleep (ten minutes long: one that ran would leave its request unanswered, and would
 * still be running after each test), nothing changed, no header made up by the input.
 */
@ExtendWith(VertxExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("node")
class InjectionTest {

  static final List<String> SQL = List.of("' or '1'='1", "x'; drop table events; --", "1; select pg_sleep(600)--",
      "x' union select token_hash, token_hash from api_tokens--", "\" or 1=1 --", "$1", "') or true--",
      "'||(select pg_sleep(600))||'", "\\'; truncate changes; --");
  static final List<String> CRLF = List.of("%0d%0aSet-Cookie:%20evil=1", "%0aX-Evil:%201", "%0d%0a%0d%0a<html>evil",
      "a%0d%0aLocation:%20http://evil.example/");

  private HostileHub hub;
  private StateProbe probe;
  private final Tally tally = new Tally("injection");

  @BeforeAll
  void start(Vertx vertx) {
    hub = HostileHub.start(vertx, "injection");
    probe = StateProbe.of(hub.node().pool());
  }

  @AfterAll
  void stop() {
    tally.report();
    hub.close();
  }

  private RawHttp.Response send(HttpMethod method, String uri, String body, String... headers) {
    StringBuilder req = new StringBuilder(method.name()).append(' ').append(uri).append(" HTTP/1.1\r\nHost: localhost\r\n");
    for (int i = 0; i + 1 < headers.length; i += 2) {
      req.append(headers[i]).append(": ").append(headers[i + 1]).append("\r\n");
    }
    byte[] b = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
    if (body != null) {
      req.append("Content-Type: application/json\r\nContent-Length: ").append(b.length).append("\r\n");
    }
    req.append("\r\n");
    byte[] head = req.toString().getBytes(StandardCharsets.UTF_8);
    byte[] all = java.util.Arrays.copyOf(head, head.length + b.length);
    System.arraycopy(b, 0, all, head.length, b.length);
    List<RawHttp.Response> r = RawHttp.exchange(hub.port(), all, List.of(method == HttpMethod.HEAD), 20_000);
    String what = method + " " + uri + " " + (body == null ? "" : body);
    assertThat(r).as("an answer to " + what + " (none: a pg_sleep ran?)").hasSize(1);
    RawHttp.Response answer = r.get(0);
    tally.outcome(answer.status() + "");
    assertThat(answer.status()).as("no 5xx: " + what + " -> " + answer.body()).isLessThan(500);
    return answer;
  }

  /** An injected pg_sleep that ran after its request was answered would still be running now. */
  @AfterEach
  void noPgSleepRan() {
    long sleeping = hub.node().pool().query("select count(*) from pg_stat_activity where datname = current_database()"
        + " and pid <> pg_backend_pid() and query ilike '%pg_sleep%'").execute().await().iterator().next().getLong(0);
    assertThat(sleeping).as("connections of the hub's database running pg_sleep").isZero();
  }

  /** Every string value in a JSON document. */
  static List<String> strings(Object json) {
    List<String> out = new java.util.ArrayList<>();
    if (json instanceof String s) {
      out.add(s);
    } else if (json instanceof JsonObject o) {
      o.forEach(e -> out.addAll(strings(e.getValue())));
    } else if (json instanceof io.vertx.core.json.JsonArray a) {
      a.forEach(v -> out.addAll(strings(v)));
    }
    return out;
  }

  private static String enc(String s) {
    return HttpFuzzTest.encode(s);
  }

  @Test
  void sqlInPathAndQueryParametersOfEveryRouteIsNeverRun() {
    String before = probe.whole();
    for (Routes.Target route : Routes.api(hub.node())) {
      List<HttpMethod> methods = route.methods().isEmpty() ? List.of(HttpMethod.GET) : List.copyOf(route.methods());
      for (HttpMethod method : methods) {
        if (method != HttpMethod.GET && route.params().isEmpty()) {
          continue;
        }
        for (String attack : SQL) {
          String path = route.prefix() ? route.path() + enc(attack) : route.path();
          for (String param : route.params()) {
            path = path.replace(":" + param, enc(attack));
          }
          String body = method == HttpMethod.GET ? null : "{}";
          tally.tried("path and query");
          send(method, path + "?after=" + enc(attack) + "&dryRun=" + enc(attack) + "&sessions=" + enc(attack), body,
              "Authorization", "Bearer " + TestNode.ADMIN_TOKEN);
        }
      }
    }
    assertThat(probe.whole()).as("nothing changed").isEqualTo(before);
  }

  @Test
  void sqlInEveryStringFieldOfEveryCommandIsTakenAsTextOrRefused() {
    for (Catalogue.Entry<?> entry : Catalogue.entries()) {
      JsonObject sample = Samples.command(entry);
      for (String field : entry.fields()) {
        for (String attack : SQL) {
          JsonObject body = sample.copy().put(field, attack);
          tally.tried("command field");
          RawHttp.Response r = send(HttpMethod.POST, "/api/events/" + TestNode.SLUG + "/commands?dryRun=true",
              body.encode(), "Authorization", "Bearer " + TestNode.ADMIN_TOKEN);
          if (r.status() == 200) {
            // Taken as text: the dry run's change carries it back as it was sent.
            assertThat(strings(new JsonObject(r.body()))).as(entry.type() + "." + field + " = " + attack)
                .anyMatch(s -> s.contains(attack.strip()));
          }
        }
      }
    }
    String before = probe.whole();
    // And for real, into text columns: a title that is an attack is stored and read back as text.
    long version = 0;
    for (String attack : SQL) {
      RawHttp.Response r = send(HttpMethod.POST, "/api/events/" + TestNode.SLUG + "/commands",
          new JsonObject().put("type", "announcement.post").put("text", attack).encode(),
          "Authorization", "Bearer " + TestNode.ADMIN_TOKEN);
      assertThat(r.status()).isEqualTo(200);
      version = new JsonObject(r.body()).getLong("version");
    }
    Await.version("the node's snapshot", hub::version, version);
    List<String> texts = strings(hub.api.snapshot().getJsonArray("announcements"));
    assertThat(texts).as("stored and read back as text").containsAll(SQL);
    assertThat(probe.whole()).isNotEqualTo(before);
    assertThat(hub.node().pool().query("select count(*) from events").execute().await().iterator().next().getLong(0))
        .as("every event still there").isEqualTo(2);
  }

  @Test
  void sqlInLoginsBodiesAndHeadersThatReachQueriesIsNeverRun() {
    String before = probe.whole();
    for (String attack : SQL) {
      tally.tried("login, bodies and headers");
      assertThat(send(HttpMethod.POST, "/api/login", new JsonObject().put("login", "admin-login" + attack)
          .put("password", attack).encode()).status()).isIn(400, 401, 429);
      assertThat(send(HttpMethod.POST, "/api/login", new JsonObject().put("login", attack).put("password", "x").encode())
          .status()).isIn(400, 401, 429);
      assertThat(send(HttpMethod.POST, "/api/setup", new JsonObject().put("token", attack).put("login", "boss")
          .put("name", attack).put("password", "long enough password").encode()).status()).isIn(400, 401, 409);
      assertThat(send(HttpMethod.GET, "/api/me", null, "Authorization", "Bearer " + attack).status()).isEqualTo(401);
      assertThat(send(HttpMethod.GET, "/api/me", null, "Cookie", "podium_session=" + attack.replace(";", ""))
          .status()).isEqualTo(401);
      assertThat(send(HttpMethod.GET, "/api/screens/me", null, "Authorization", "Bearer " + attack).status())
          .isEqualTo(401);
      assertThat(send(HttpMethod.POST, "/api/events/" + TestNode.SLUG + "/commands?dryRun=true",
          "{\"type\":\"notice.clear\"}", "Authorization", "Bearer " + TestNode.ADMIN_TOKEN, "Idempotency-Key",
          attack.replace(" ", "")).status()).isIn(400, 409);
      for (Map.Entry<String, JsonObject> admin : Map.of("/api/staff", new JsonObject().put("login", "x").put("name", attack)
          .put("role", attack).put("password", "long enough password"), "/api/tokens", new JsonObject()
          .put("name", attack).put("role", "editor"), "/api/events", new JsonObject().put("slug", attack)
          .put("title", attack).put("timeZone", attack).put("days", List.of(attack))).entrySet()) {
        assertThat(send(HttpMethod.POST, admin.getKey(), admin.getValue().encode(), "Authorization",
            "Bearer " + TestNode.ADMIN_TOKEN).status()).as(admin.getKey()).isEqualTo(400);
      }
    }
    assertThat(probe.whole()).as("nothing changed").isEqualTo(before);
  }

  /** PostgreSQL stores no U+0000: one that reached a query answered 503 as if the database were down. */
  @Test
  void nulCharactersAreRefusedBeforeAnyQuery() {
    String before = probe.whole();
    String admin = "Bearer " + TestNode.ADMIN_TOKEN;
    assertThat(send(HttpMethod.DELETE, "/api/tokens/%00", null, "Authorization", admin).status()).isEqualTo(404);
    assertThat(send(HttpMethod.PATCH, "/api/staff/a%00b", "{\"name\":\"x\"}", "Authorization", admin).status())
        .isEqualTo(404);
    assertThat(send(HttpMethod.POST, "/api/events/" + TestNode.SLUG + "%00/commands", "{\"type\":\"notice.clear\"}",
        "Authorization", admin).status()).isEqualTo(404);
    assertThat(send(HttpMethod.GET, "/api/events/" + TestNode.SLUG + "/changes?after=%00", null, "Authorization", admin)
        .status()).isEqualTo(400);
    for (String body : List.of("{\"type\":\"announcement.post\",\"text\":\"a\\u0000b\"}",
        "{\"type\":\"session.update\",\"session\":\"keynote-gan-yong\",\"title\":{\"en\":\"x\\u0000\"}}",
        "{\"type\":\"notice.emergency\",\"text\":\"x\",\"\\u0000\":1}")) {
      RawHttp.Response r = send(HttpMethod.POST, "/api/events/" + TestNode.SLUG + "/commands", body, "Authorization", admin);
      assertThat(r.status()).as(body).isEqualTo(400);
      assertThat(r.body()).contains("invalid_field");
    }
    assertThat(send(HttpMethod.POST, "/api/login", "{\"login\":\"a\\u0000\",\"password\":\"x\"}").status()).isEqualTo(400);
    assertThat(send(HttpMethod.POST, "/api/staff", "{\"login\":\"nul\",\"name\":\"a\\u0000\",\"role\":\"editor\","
        + "\"password\":\"long enough password\"}", "Authorization", admin).status()).isEqualTo(400);
    assertThat(probe.whole()).as("nothing changed").isEqualTo(before);
  }

  @Test
  void crLfInAnythingEchoedIntoAHeaderNeverMakesAHeader() {
    for (Routes.Target route : Routes.api(hub.node())) {
      if (!route.methods().isEmpty() && !route.methods().contains(HttpMethod.GET)) {
        continue;
      }
      for (String attack : CRLF) {
        String path = route.prefix() ? route.path() + attack : route.path();
        for (String param : route.params()) {
          path = path.replace(":" + param, param.equals("slug") ? TestNode.SLUG : attack);
        }
        for (String uri : List.of(path + "?sessions=" + attack + "&lang=" + attack, path.replace(":file", "x" + attack))) {
          tally.tried("CR/LF into headers");
          RawHttp.Response r = send(HttpMethod.GET, uri, null, "Authorization", "Bearer " + TestNode.ADMIN_TOKEN);
          assertThat(r.headers()).as(uri).doesNotContainKeys("set-cookie", "x-evil", "location");
          r.headers().forEach((k, v) -> assertThat(v).as(uri + " header " + k).doesNotContain("evil"));
        }
      }
    }
  }
}
