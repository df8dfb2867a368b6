package podium.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import podium.TestNode;
import podium.event.Role;

/**
 * Cross-site attempts with a real admin login: every state-changing staff route (read from the
 * router) without its CSRF header, with a wrong one, from a foreign or an opaque Origin, and as
 * the form posts another site's page can send; the staff WebSocket opened from a foreign page; and
 * no staff answer that lets another origin read it with the cookie.
 */
@ExtendWith(VertxExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("node")
class CrossSiteTest {

  private HostileHub hub;
  private StateProbe probe;
  private String[] admin;
  private final Tally tally = new Tally("cross-site");

  @BeforeAll
  void start(Vertx vertx) {
    hub = HostileHub.start(vertx, "cross-site");
    probe = StateProbe.of(hub.node().pool());
    admin = hub.login(Role.ADMIN);
  }

  @AfterAll
  void stop() {
    tally.report();
    hub.close();
  }

  private static String code(HttpResponse<Buffer> r) {
    JsonObject body = r.body() == null || r.body().length() == 0 ? new JsonObject() : r.bodyAsJsonObject();
    return body.getJsonObject("error", new JsonObject()).getString("code");
  }

  @Test
  void everyStateChangingStaffRouteRefusesALoginWithoutItsCsrfHeaderOrFromAnotherSite() {
    List<StaffRoutes.Call> writes = StaffRoutes.of(hub.node()).stream().filter(StaffRoutes.Call::changesState).toList();
    assertThat(writes).as("state-changing staff routes").hasSizeGreaterThan(6);
    String own = "http://localhost:" + hub.port();
    List<String[]> attempts = List.of(
        new String[] {"no CSRF header"},
        new String[] {"a wrong CSRF header", "X-CSRF-Token", "0".repeat(32)},
        new String[] {"another login's CSRF header", "X-CSRF-Token", hub.login(Role.EDITOR)[1]},
        new String[] {"a foreign Origin", "X-CSRF-Token", admin[1], "Origin", "https://evil.example"},
        new String[] {"a look-alike Origin", "X-CSRF-Token", admin[1], "Origin", own + ".evil.example"},
        new String[] {"an opaque Origin", "X-CSRF-Token", admin[1], "Origin", "null"},
        new String[] {"a form post", "Content-Type", "application/x-www-form-urlencoded", "Origin", "https://evil.example"},
        new String[] {"a text/plain post", "Content-Type", "text/plain", "Origin", "https://evil.example"},
        new String[] {"a multipart post", "Content-Type", "multipart/form-data; boundary=x", "Origin", "https://evil.example"});
    String before = probe.whole();
    for (StaffRoutes.Call c : writes) {
      for (String[] a : attempts) {
        List<String> headers = new ArrayList<>(List.of("Cookie", admin[0]));
        for (int i = 1; i + 1 < a.length; i += 2) {
          headers.add(a[i]);
          headers.add(a[i + 1]);
        }
        if (!headers.contains("Content-Type")) {
          headers.addAll(List.of("Content-Type", "application/json"));
        }
        HttpResponse<Buffer> r = hub.api.call(c.method(), c.path(), c.body() == null ? "" : c.body(),
            headers.toArray(String[]::new));
        tally.tried(a[0]);
        tally.outcome(r.statusCode() + " " + code(r));
        String what = a[0] + " on " + c.method() + " " + c.path() + " -> " + r.bodyAsString();
        assertThat(r.statusCode()).as(what).isIn(403, 415);
        assertThat(code(r)).as(what).isIn("csrf_refused", "unsupported_media_type");
      }
    }
    assertThat(probe.whole()).as("no cross-site attempt changed anything").isEqualTo(before);
    // The login itself is good: with its header, from its own page, a dry run passes.
    HttpResponse<Buffer> ok = hub.api.call(HttpMethod.POST, "/api/events/" + TestNode.SLUG + "/commands?dryRun=true",
        "{\"type\":\"clock.set\",\"speed\":2}", "Cookie", admin[0], "X-CSRF-Token", admin[1], "Origin", own,
        "Content-Type", "application/json");
    assertThat(ok.statusCode()).as(ok.bodyAsString()).isEqualTo(200);
  }

  @Test
  void theLoginCookieCannotBeReadBySiteScriptsNorSentByOtherSites() {
    HttpResponse<Buffer> r = hub.api.call(HttpMethod.POST, "/api/login", new JsonObject().put("login", "admin-login")
        .put("password", HostileHub.PASSWORD).encode(), "Content-Type", "application/json");
    assertThat(r.getHeader("Set-Cookie")).containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Strict")
        .containsIgnoringCase("Path=/");
  }

  @Test
  void noStaffAnswerLetsAnotherOriginReadItWithTheCookie() {
    for (StaffRoutes.Call c : StaffRoutes.of(hub.node())) {
      if (c.changesState()) {
        continue;
      }
      for (HttpMethod m : List.of(HttpMethod.GET, HttpMethod.OPTIONS)) {
        HttpResponse<Buffer> r = hub.api.call(m, c.path(), null, "Cookie", admin[0], "Origin", "https://evil.example",
            "Access-Control-Request-Method", "POST", "Access-Control-Request-Headers", "X-CSRF-Token");
        tally.tried("CORS read of a staff route");
        String what = m + " " + c.path();
        assertThat(r.getHeader("Access-Control-Allow-Credentials")).as(what).isNull();
        assertThat(r.getHeader("Access-Control-Allow-Origin")).as(what).isNotEqualTo("https://evil.example");
      }
    }
  }

  @Test
  void theStaffChannelRefusesALoginFromAnotherSitesPage() {
    JsonObject hello = new JsonObject().put("type", "hello").put("event", TestNode.SLUG)
        .put("channels", new JsonArray().add("staff"));
    for (String origin : List.of("https://evil.example", "null", "http://localhost:" + hub.port() + ".evil.example",
        "http://127.0.0.2:" + hub.port(), "file://")) {
      try (RawSocket s = RawSocket.open(hub.vertx, hub.port(), "Cookie", admin[0], "Origin", origin)) {
        s.text(hello.encode());
        JsonObject answer = s.await(0, f -> "welcome".equals(f.getString("type")) || "error".equals(f.getString("type")),
            Duration.ofSeconds(5));
        tally.tried("staff socket from a foreign Origin");
        tally.outcome("frame " + answer.getString("type") + ":" + answer.getString("code"));
        assertThat(answer.getString("code")).as(origin).isEqualTo("unauthorized");
        assertThat(s.frames).as(origin).noneMatch(f -> "snapshot".equals(f.getString("type")));
      }
    }
    try (RawSocket own = RawSocket.open(hub.vertx, hub.port(), "Cookie", admin[0], "Origin", "http://127.0.0.1:" + hub.port())) {
      own.text(hello.encode());
      assertThat(own.await(0, f -> "welcome".equals(f.getString("type")), Duration.ofSeconds(5))).as("its own page")
          .isNotNull();
    }
  }
}
