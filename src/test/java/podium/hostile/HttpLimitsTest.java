package podium.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import podium.TestNode;
import podium.ops.Scrape;
import podium.store.SetupTokens;
import podium.web.HttpVerticle;

/** Huge request lines, query strings and headers get a clear 414 or 431, and the node keeps serving. */
@ExtendWith(VertxExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("node")
class HttpLimitsTest {

  private HostileHub hub;

  @BeforeAll
  void start(Vertx vertx) {
    hub = HostileHub.start(vertx, "http-limits");
  }

  @AfterAll
  void stop() {
    hub.close();
  }

  private String get(String target, String headers) {
    return RawHttp.exchange(hub.port(), "GET " + target + " HTTP/1.1\r\nHost: localhost\r\n" + headers + "\r\n");
  }

  @Test
  void aHugeQueryStringIsRefusedWith414() {
    String ok = get("/api/events?x=" + "a".repeat(HttpVerticle.MAX_REQUEST_LINE - 100), "");
    assertThat(RawHttp.status(ok)).as(ok).isEqualTo(200);
    for (String method : new String[] {"GET", "POST", "PROPFIND"}) {
      String answer = RawHttp.exchange(hub.port(), method + " /api/events/" + TestNode.SLUG + "?x="
          + "a".repeat(HttpVerticle.MAX_REQUEST_LINE + 10) + " HTTP/1.1\r\nHost: localhost\r\nContent-Length: 2\r\n\r\n{}");
      assertThat(RawHttp.status(answer)).as(method + ": " + answer).isEqualTo(414);
    }
    assertThat(hub.api.get("/health").statusCode()).isEqualTo(200);
  }

  /** Form bodies were decoded by BodyHandler before any route could refuse them; a long field threw in the router. */
  @Test
  void formBodiesAreRefusedWith415BeforeTheyAreDecoded() {
    for (String type : new String[] {"application/x-www-form-urlencoded", "multipart/form-data; boundary=xyz"}) {
      String body = type.startsWith("multipart")
          ? "--xyz\r\nContent-Disposition: form-data; name=\"login\"\r\n\r\n" + "a".repeat(10_000) + "\r\n--xyz--\r\n"
          : "login=" + "a".repeat(10_000);
      for (String path : new String[] {"/api/login", "/api/events/" + TestNode.SLUG + "/commands", "/api/staff"}) {
        String answer = RawHttp.exchange(hub.port(), "POST " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: "
            + type + "\r\nContent-Length: " + body.length() + "\r\n\r\n" + body);
        assertThat(RawHttp.status(answer)).as("%s %s: %s", type, path, answer).isEqualTo(415);
        assertThat(answer).contains("unsupported_media_type");
      }
    }
  }

  /** A broken percent-escape threw inside the router's path matching, logged as an unhandled error. */
  @Test
  void aPathWithABrokenEscapeIsAnsweredNotFound() {
    for (String path : new String[] {"/%zz", "/%", "/api/events/%zz", "/api/events/%E0%A4%A/commands", "/js/%"}) {
      String answer = get(path, "");
      assertThat(RawHttp.status(answer)).as(path + ": " + answer).isEqualTo(404);
      assertThat(answer).contains("not_found");
    }
  }

  /**
   * A password hash costs a tenth of a CPU-second: /api/setup hashed before it looked at the link.
   * Counted on /metrics (podium_password_hashes_total), which no forged link may move and a good one does.
   */
  @Test
  void aForgedSetupLinkIsRefusedBeforeAnyPasswordIsHashed() {
    double before = hashes();
    for (int i = 0; i < 30; i++) {
      var r = setup("forged-" + i);
      assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(401);
    }
    assertThat(hashes()).as("password hashes run for 30 forged setup links").isEqualTo(before);
    var made = setup(SetupTokens.create(hub.node().pool()).await());
    assertThat(made.statusCode()).as(made.bodyAsString()).isEqualTo(201);
    assertThat(hashes()).as("password hashes run for a good setup link").isEqualTo(before + 1);
  }

  private io.vertx.ext.web.client.HttpResponse<io.vertx.core.buffer.Buffer> setup(String token) {
    return hub.api.call(io.vertx.core.http.HttpMethod.POST, "/api/setup", new io.vertx.core.json.JsonObject()
        .put("token", token).put("login", "boss").put("name", "Boss").put("password", "a long enough password")
        .encode(), "Content-Type", "application/json");
  }

  private double hashes() {
    return Scrape.of(hub.api).value("podium_password_hashes_total");
  }

  /**
   * Every route that takes a body (read from the router) refuses one over its limit from its
   * Content-Length alone, before reading it, and a deeply nested one that fits with a clear 400.
   */
  @Test
  void oversizedAndDeeplyNestedBodiesAreRefusedOnEveryRouteThatTakesABody() {
    for (Routes.Target t : Routes.api(hub.node())) {
      for (io.vertx.core.http.HttpMethod m : t.methods()) {
        if (m != io.vertx.core.http.HttpMethod.POST && m != io.vertx.core.http.HttpMethod.PATCH
            && m != io.vertx.core.http.HttpMethod.PUT) {
          continue;
        }
        String path = t.path().replace(":slug", TestNode.SLUG).replace(":login", "nobody").replace(":id", "1");
        String head = m.name() + " " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
            + TestNode.ADMIN_TOKEN + "\r\nContent-Type: application/json\r\n";
        // Only the head and 6 bytes of the 64 MiB are ever sent, so any answer came before the body.
        String huge = RawHttp.exchange(hub.port(), (head + "Content-Length: " + (64L << 20) + "\r\n\r\n{\"a\":\"")
            .getBytes(java.nio.charset.StandardCharsets.UTF_8), 20_000);
        // 413 from the Content-Length; a route that takes no body may refuse otherwise first, but never takes it in.
        assertThat(RawHttp.status(huge)).as("%s %s with 64 MiB announced: %s", m, path, huge).isBetween(400, 499);
        if (!t.path().contains(":id")) {
          assertThat(huge).as("%s %s", m, path).contains("body_too_large");
        }
        String deep = "[".repeat(1_500) + "]".repeat(1_500);
        String nested = RawHttp.exchange(hub.port(), head + "Content-Length: " + deep.length() + "\r\n\r\n" + deep);
        // A route that reads its body refuses it (400, or 413 past a small limit); one that ignores it (a logout) may answer.
        assertThat(RawHttp.status(nested)).as("%s %s nested 1,500 deep: %s", m, path, nested).isBetween(200, 499);
        if (t.path().endsWith("/commands")) {
          assertThat(nested).contains("malformed_json");
        }
      }
    }
    assertThat(hub.api.get("/health").statusCode()).isEqualTo(200);
  }

  @Test
  void hugeHeadersAreRefusedWith431() {
    String answer = get("/api/events", "Cookie: podium_session=" + "a".repeat(HttpVerticle.MAX_HEADERS + 10) + "\r\n");
    assertThat(RawHttp.status(answer)).as(answer).isEqualTo(431);
    StringBuilder many = new StringBuilder();
    for (int i = 0; i < 1_000; i++) {
      many.append("X-H").append(i).append(": v\r\n");
    }
    answer = get("/api/events", many.toString());
    assertThat(RawHttp.status(answer)).as(answer).isEqualTo(431);
    assertThat(hub.api.get("/health").statusCode()).isEqualTo(200);
  }
}
