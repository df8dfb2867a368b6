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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import podium.TestNode;
import podium.event.Role;
import podium.store.Hashes;

/**
 * Auth bypass on every staff route (read from the router) and on the staff and screen channels:
 * no credential, a forged one, an expired and a revoked login, a revoked token, a screen's device
 * token, another event's screen token, and the wrong role. Each is refused (401 or 403 with its
 * code, an error frame on the socket) and changes nothing.
 */
@ExtendWith(VertxExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("node")
class StaffBoundaryTest {

  private HostileHub hub;
  private StateProbe probe;
  private final Tally tally = new Tally("staff-boundaries");
  /** What is tried on every route: a name, and the headers that carry it. */
  private final Map<String, String[]> attempts = new LinkedHashMap<>();

  @BeforeAll
  void start(Vertx vertx) {
    hub = HostileHub.start(vertx, "boundaries");
    probe = StateProbe.of(hub.node().pool());
    String[] expired = hub.login(Role.ADMIN);
    setExpiry(expired[0], "now() - interval '1 minute'");
    String[] loggedOut = hub.login(Role.ADMIN);
    assertThat(hub.api.call(HttpMethod.POST, "/api/logout", "", "Cookie", loggedOut[0], "X-CSRF-Token", loggedOut[1])
        .statusCode()).isEqualTo(204);
    String revoked = hub.admin(HttpMethod.POST, "/api/tokens", new JsonObject().put("name", "gone").put("role", "admin"),
        201).getString("token");
    hub.admin(HttpMethod.DELETE, "/api/tokens/gone", null, 204);
    attempts.put("no credential", new String[] {});
    attempts.put("forged token", new String[] {"Authorization", "Bearer " + "A".repeat(43)});
    attempts.put("forged login", new String[] {"Cookie", "podium_session=" + "B".repeat(43), "X-CSRF-Token", "0".repeat(32)});
    attempts.put("expired login", new String[] {"Cookie", expired[0], "X-CSRF-Token", expired[1]});
    attempts.put("logged-out login", new String[] {"Cookie", loggedOut[0], "X-CSRF-Token", loggedOut[1]});
    attempts.put("revoked token", new String[] {"Authorization", "Bearer " + revoked});
    attempts.put("a screen's device token", new String[] {"Authorization", "Bearer " + hub.screenToken});
    attempts.put("another event's screen token", new String[] {"Authorization", "Bearer " + hub.otherScreenToken});
    attempts.put("a token in the cookie", new String[] {"Cookie", "podium_session=" + TestNode.ADMIN_TOKEN});
  }

  @AfterAll
  void stop() {
    tally.report();
    hub.close();
  }

  private void setExpiry(String cookie, String when) {
    String id = cookie.substring(cookie.indexOf('=') + 1);
    hub.node().pool().query("update staff_sessions set expires_at = " + when + " where id_hash = '" + Hashes.sha256(id)
        + "'").execute().await();
  }

  private HttpResponse<Buffer> call(StaffRoutes.Call c, String... credential) {
    List<String> headers = new ArrayList<>(List.of(credential));
    if (c.body() != null) {
      headers.addAll(List.of("Content-Type", "application/json"));
    }
    return hub.api.call(c.method(), c.path(), c.body(), headers.toArray(String[]::new));
  }

  private static String code(HttpResponse<Buffer> r) {
    if (r.body() == null || r.body().length() == 0 || !r.bodyAsString().startsWith("{")) {
      return null;
    }
    JsonObject error = r.bodyAsJsonObject().getJsonObject("error");
    return error == null ? null : error.getString("code");
  }

  @Test
  void everyStaffRouteRefusesEveryMissingForgedEndedOrForeignCredential() {
    List<StaffRoutes.Call> calls = StaffRoutes.of(hub.node());
    assertThat(calls).as("staff routes").hasSizeGreaterThan(10);
    tally.note("staff routes", calls.size() + " " + calls.stream().map(c -> c.method() + " " + c.template()).toList());
    String before = probe.whole();
    for (StaffRoutes.Call c : calls) {
      for (Map.Entry<String, String[]> attempt : attempts.entrySet()) {
        HttpResponse<Buffer> r = call(c, attempt.getValue());
        tally.tried(attempt.getKey());
        tally.outcome(r.statusCode() + " " + code(r));
        String what = attempt.getKey() + " on " + c.method() + " " + c.path() + " -> " + r.bodyAsString();
        boolean cookieOnWrite = attempt.getValue().length > 0 && attempt.getValue()[0].equals("Cookie") && c.changesState()
            && !attempt.getKey().endsWith(" login") || attempt.getKey().equals("forged login") && c.changesState();
        // A made-up cookie fails its CSRF check before any lookup; everything else is unknown: 401.
        assertThat(r.statusCode()).as(what).isEqualTo(cookieOnWrite ? 403 : 401);
        assertThat(code(r)).as(what).isEqualTo(cookieOnWrite ? "csrf_refused" : "unauthorized");
      }
    }
    assertThat(probe.whole()).as("no refusal changed anything").isEqualTo(before);
  }

  @Test
  void adminRoutesRefuseEveryOtherRole() {
    String before = probe.whole();
    List<StaffRoutes.Call> admin = StaffRoutes.of(hub.node()).stream().filter(StaffRoutes.Call::adminOnly).toList();
    assertThat(admin).as("admin routes").hasSizeGreaterThanOrEqualTo(6);
    for (StaffRoutes.Call c : admin) {
      for (Role role : Role.values()) {
        if (role == Role.ADMIN) {
          continue;
        }
        HttpResponse<Buffer> r = call(c, "Authorization", "Bearer " + hub.tokens.get(role));
        tally.tried("wrong role");
        tally.outcome(r.statusCode() + " " + code(r));
        assertThat(r.statusCode()).as("%s on %s %s: %s", role, c.method(), c.path(), r.bodyAsString()).isEqualTo(403);
        assertThat(code(r)).isEqualTo("forbidden");
      }
    }
    assertThat(probe.whole()).as("no refusal changed anything").isEqualTo(before);
  }

  /** A login that ends while it is remembered (a minute, for bursts of commands) ends at its time all the same. */
  @Test
  void aLoginThatEndsWhileInUseIsRefusedFromThen() {
    String[] login = hub.login(Role.EDITOR);
    setExpiry(login[0], "now() + interval '1500 milliseconds'");
    assertThat(hub.api.call(HttpMethod.GET, "/api/me", null, "Cookie", login[0]).statusCode()).isEqualTo(200);
    podium.LiveClient.sleep(2_000);
    HttpResponse<Buffer> after = hub.api.call(HttpMethod.GET, "/api/me", null, "Cookie", login[0]);
    tally.tried("ended while in use");
    assertThat(after.statusCode()).as("after its end: " + after.bodyAsString()).isEqualTo(401);
  }

  @Test
  void theStaffAndScreenChannelsRefuseEveryMissingForgedEndedOrForeignCredential() {
    String origin = "http://localhost:" + hub.port();
    String slug = TestNode.SLUG;
    JsonArray staff = new JsonArray().add("staff");
    Map<String, Object[]> hellos = new LinkedHashMap<>();
    hellos.put("staff, no credential", new Object[] {new JsonObject().put("channels", staff), new String[] {}});
    hellos.put("staff, forged token", new Object[] {new JsonObject().put("channels", staff).put("token", "A".repeat(43)),
        new String[] {}});
    for (Map.Entry<String, String[]> a : attempts.entrySet()) {
      String[] h = a.getValue();
      if (h.length > 0 && h[0].equals("Cookie")) {
        hellos.put("staff, " + a.getKey(), new Object[] {new JsonObject().put("channels", staff),
            new String[] {"Cookie", h[1], "Origin", origin}});
      } else if (h.length > 0) {
        hellos.put("staff, " + a.getKey(), new Object[] {new JsonObject().put("channels", staff)
            .put("token", h[1].substring(7)), new String[] {}});
      }
    }
    hellos.put("screen, no token", new Object[] {new JsonObject().put("channels", new JsonArray().add("screen:" + hub.screen)),
        new String[] {}});
    hellos.put("screen, a staff token", new Object[] {new JsonObject().put("channels",
        new JsonArray().add("screen:" + hub.screen)).put("token", TestNode.ADMIN_TOKEN), new String[] {}});
    hellos.put("screen, another event's screen token for this screen", new Object[] {new JsonObject().put("channels",
        new JsonArray().add("screen:" + hub.screen)).put("token", hub.otherScreenToken), new String[] {}});
    hellos.put("screen, another event's screen as if it were this event's", new Object[] {new JsonObject().put("channels",
        new JsonArray().add("screen:" + hub.otherScreen)).put("token", hub.otherScreenToken), new String[] {}});
    for (Map.Entry<String, Object[]> h : hellos.entrySet()) {
      try (RawSocket s = RawSocket.open(hub.vertx, hub.port(), (String[]) h.getValue()[1])) {
        s.text(((JsonObject) h.getValue()[0]).copy().put("type", "hello").put("event", slug).encode());
        JsonObject answer = s.await(0, f -> "welcome".equals(f.getString("type")) || "error".equals(f.getString("type")),
            Duration.ofSeconds(5));
        tally.tried("channel: " + h.getKey());
        tally.outcome("frame " + (answer == null ? "none" : answer.getString("type") + ":" + answer.getString("code")));
        assertThat(answer).as(h.getKey()).isNotNull();
        assertThat(answer.getString("code")).as(h.getKey() + ": " + answer).isEqualTo("unauthorized");
        assertThat(s.frames).as(h.getKey() + ": no snapshot").noneMatch(f -> "snapshot".equals(f.getString("type")));
      }
    }
  }
}
