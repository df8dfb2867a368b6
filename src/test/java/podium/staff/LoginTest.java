package podium.staff;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import io.vertx.pgclient.PgConnectOptions;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import podium.Api;
import podium.LiveClient;
import podium.Node;
import podium.TestNode;
import podium.store.SetupTokens;

/**
 * Staff logins on two nodes of one database: the cookie, CSRF, the limits on failed logins, a
 * password change, the first-admin setup, and withdrawals pushed to the other node (LISTEN), not
 * learnt there when its credential cache runs out.
 */
@ExtendWith(VertxExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("node")
class LoginTest {

  private static final String PASSWORD = "correct horse battery";
  /**
   * A node remembers a login or token it has looked up for a minute (Credentials.TTL_MS). Refused
   * on node B within half of that from when node B last looked it up, it was told: its cache still
   * held the credential. Far above any scheduling delay on a busy machine.
   */
  private static final Duration TOLD = Duration.ofSeconds(30);

  private Vertx vertx;
  private PgConnectOptions db;
  private Node a;
  private Node b;
  private int portA;
  private int portB;
  private Api apiA;
  private Api apiB;

  @BeforeAll
  void start(Vertx vertx) {
    this.vertx = vertx;
    db = TestNode.seededDatabase(vertx);
    portA = TestNode.freePort();
    portB = TestNode.freePort();
    a = TestNode.start(vertx, db, portA, "login-a");
    b = TestNode.start(vertx, db, portB, "login-b");
    apiA = new Api(vertx, portA);
    apiB = new Api(vertx, portB);
    for (String login : List.of("ana", "bo", "cy", "dee", "eve")) {
      HttpResponse<Buffer> made = apiA.call(HttpMethod.POST, "/api/staff", new JsonObject().put("login", login)
          .put("name", login.toUpperCase()).put("role", "editor").put("password", PASSWORD).encode(),
          "Content-Type", "application/json", "Authorization", "Bearer " + TestNode.ADMIN_TOKEN);
      assertThat(made.statusCode()).as(made.bodyAsString()).isEqualTo(201);
    }
  }

  @AfterAll
  void stop() {
    apiA.close();
    apiB.close();
    a.stop().await();
    b.stop().await();
  }

  /** Logs in on node A: the cookie header to send back, and the CSRF token. */
  private String[] login(String login) {
    HttpResponse<Buffer> r = apiA.call(HttpMethod.POST, "/api/login",
        new JsonObject().put("login", login).put("password", PASSWORD).encode(), "Content-Type", "application/json");
    assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(200);
    String setCookie = r.getHeader("Set-Cookie");
    assertThat(setCookie).contains("podium_session=").containsIgnoringCase("HttpOnly")
        .containsIgnoringCase("SameSite=Strict").doesNotContain("Secure");
    return new String[] {setCookie.substring(0, setCookie.indexOf(';')), r.bodyAsJsonObject().getString("csrf")};
  }

  private static HttpResponse<Buffer> delay(Api api, String[] login, String... extra) {
    String[] headers = new String[4 + extra.length];
    headers[0] = "Content-Type";
    headers[1] = "application/json";
    headers[2] = "Cookie";
    headers[3] = login[0];
    System.arraycopy(extra, 0, headers, 4, extra.length);
    return api.call(HttpMethod.POST, "/api/events/" + TestNode.SLUG + "/commands?dryRun=true",
        "{\"type\":\"session.delay\",\"session\":\"keynote-gan-yong\",\"minutes\":5}", headers);
  }

  private static String code(HttpResponse<Buffer> r) {
    return r.bodyAsJsonObject().getJsonObject("error").getString("code");
  }

  /**
   * Asks node B until it refuses; fails if it still accepts TOLD after cachedAt (System.nanoTime()
   * when node B last looked the credential up). Prints how long after the withdrawal it took.
   */
  private static void awaitRefusedOnB(String what, long cachedAt, long withdrawnAt, BooleanSupplier accepted) {
    long until = cachedAt + TOLD.toNanos();
    while (accepted.getAsBoolean()) {
      if (System.nanoTime() > until) {
        throw new AssertionError(what + ": node B still accepts it " + TOLD.toSeconds()
            + " s after it cached it, so it was not told");
      }
      LiveClient.sleep(20);
    }
    System.out.printf("[login] %s: node B refused it %d ms after%n", what, (System.nanoTime() - withdrawnAt) / 1_000_000);
  }

  @Test
  void aLoginNeedsItsCsrfHeaderAndThisSitesOriginForAnythingThatChangesState() {
    String[] ana = login("ana");
    assertThat(apiA.call(HttpMethod.GET, "/api/me", null, "Cookie", ana[0]).bodyAsJsonObject().getString("csrf"))
        .isEqualTo(ana[1]);
    assertThat(code(delay(apiA, ana))).isEqualTo("csrf_refused");
    assertThat(code(delay(apiA, ana, "X-CSRF-Token", "0".repeat(32)))).isEqualTo("csrf_refused");
    assertThat(code(delay(apiA, ana, "X-CSRF-Token", ana[1], "Origin", "https://evil.example"))).isEqualTo("csrf_refused");
    assertThat(delay(apiA, ana, "X-CSRF-Token", ana[1], "Origin", "http://localhost:" + portA).statusCode())
        .isEqualTo(200);
    assertThat(delay(apiA, ana, "X-CSRF-Token", ana[1]).statusCode()).isEqualTo(200);
    assertThat(apiA.call(HttpMethod.POST, "/api/logout", "", "Cookie", ana[0]).statusCode())
        .as("a logout is state-changing too").isEqualTo(403);
  }

  @Test
  void theStaffChannelTakesTheCookieOnlyFromThisSitesPages() {
    String[] bo = login("bo");
    try (LiveClient ours = LiveClient.connect(vertx, portB, "Cookie", bo[0], "Origin", "http://localhost:" + portB);
        LiveClient foreign = LiveClient.connect(vertx, portB, "Cookie", bo[0], "Origin", "https://evil.example")) {
      ours.hello(new JsonObject().put("channels", List.of("staff")));
      assertThat(ours.awaitType("welcome").getString("audience")).isEqualTo("staff");
      foreign.hello(new JsonObject().put("channels", List.of("staff")));
      assertThat(foreign.awaitType("error").getString("code")).isEqualTo("unauthorized");
    }
  }

  @Test
  void aLogoutIsPushedToTheOtherNodeAndClosesItsSockets() {
    String[] cy = login("cy");
    long cached = System.nanoTime();
    assertThat(delay(apiB, cy, "X-CSRF-Token", cy[1]).statusCode()).as("node B knows the login").isEqualTo(200);
    try (LiveClient socket = LiveClient.connect(vertx, portB, "Cookie", cy[0], "Origin", "http://localhost:" + portB)) {
      socket.hello(new JsonObject().put("channels", List.of("staff")));
      socket.awaitType("snapshot");
      assertThat(apiA.call(HttpMethod.POST, "/api/logout", "", "Cookie", cy[0], "X-CSRF-Token", cy[1]).statusCode())
          .isEqualTo(204);
      awaitRefusedOnB("a logout", cached, System.nanoTime(),
          () -> delay(apiB, cy, "X-CSRF-Token", cy[1]).statusCode() == 200);
      assertThat(code(delay(apiB, cy, "X-CSRF-Token", cy[1]))).isEqualTo("unauthorized");
      socket.await(f -> "error".equals(f.getString("type")), Duration.ofSeconds(10));
      long until = System.currentTimeMillis() + 10_000;
      while (!socket.isClosed() && System.currentTimeMillis() < until) {
        LiveClient.sleep(20);
      }
      assertThat(socket.isClosed()).as("its staff socket on node B closed").isTrue();
    }
  }

  @Test
  void aWithdrawnTokenIsPushedToTheOtherNode() {
    String token = apiA.call(HttpMethod.POST, "/api/tokens", "{\"name\":\"kiosk\",\"role\":\"announcer\"}",
        "Content-Type", "application/json", "Authorization", "Bearer " + TestNode.ADMIN_TOKEN)
        .bodyAsJsonObject().getString("token");
    long cached = System.nanoTime();
    assertThat(apiB.call(HttpMethod.GET, "/api/me", null, "Authorization", "Bearer " + token).statusCode())
        .isEqualTo(200);
    assertThat(apiA.call(HttpMethod.DELETE, "/api/tokens/kiosk", null, "Authorization", "Bearer " + TestNode.ADMIN_TOKEN)
        .statusCode()).isEqualTo(204);
    awaitRefusedOnB("a withdrawn token", cached, System.nanoTime(),
        () -> apiB.call(HttpMethod.GET, "/api/me", null, "Authorization", "Bearer " + token).statusCode() == 200);
    assertThat(apiB.call(HttpMethod.GET, "/api/me", null, "Authorization", "Bearer " + token).statusCode())
        .isEqualTo(401);
  }

  @Test
  void failedLoginsAreLimitedPerAccountWithAClearMessage() {
    for (int i = 0; i < 5; i++) {
      HttpResponse<Buffer> wrong = apiA.call(HttpMethod.POST, "/api/login", "{\"login\":\"dee\",\"password\":\"nope\"}",
          "Content-Type", "application/json");
      assertThat(code(wrong)).isEqualTo("bad_credentials");
    }
    HttpResponse<Buffer> limited = apiB.call(HttpMethod.POST, "/api/login",
        new JsonObject().put("login", "dee").put("password", PASSWORD).encode(), "Content-Type", "application/json");
    assertThat(limited.statusCode()).as("even the right password, on another node").isEqualTo(429);
    assertThat(code(limited)).isEqualTo("too_many_attempts");
    assertThat(limited.getHeader("Retry-After")).isEqualTo("900");
    assertThat(limited.bodyAsJsonObject().getJsonObject("error").getString("message")).contains("dee").contains("15 minutes");
    HttpResponse<Buffer> unknown = apiA.call(HttpMethod.POST, "/api/login", "{\"login\":\"nobody\",\"password\":\"x\"}",
        "Content-Type", "application/json");
    assertThat(code(unknown)).as("an unknown login looks like a wrong password").isEqualTo("bad_credentials");
  }

  @Test
  void aPasswordChangeEndsTheOtherLoginsAndNeedsTheCurrentOne() {
    String[] first = login("eve");
    String[] second = login("eve");
    long cached = System.nanoTime();
    assertThat(apiB.call(HttpMethod.GET, "/api/me", null, "Cookie", second[0]).statusCode()).as("node B knows it")
        .isEqualTo(200);
    assertThat(code(apiA.call(HttpMethod.POST, "/api/me/password", "{\"current\":\"wrong\",\"password\":\"a new long one\"}",
        "Content-Type", "application/json", "Cookie", first[0], "X-CSRF-Token", first[1]))).isEqualTo("bad_credentials");
    assertThat(code(apiA.call(HttpMethod.POST, "/api/me/password",
        new JsonObject().put("current", PASSWORD).put("password", "short").encode(),
        "Content-Type", "application/json", "Cookie", first[0], "X-CSRF-Token", first[1]))).isEqualTo("invalid_field");
    assertThat(apiA.call(HttpMethod.POST, "/api/me/password",
        new JsonObject().put("current", PASSWORD).put("password", "a new long one").encode(),
        "Content-Type", "application/json", "Cookie", first[0], "X-CSRF-Token", first[1]).statusCode()).isEqualTo(204);
    assertThat(apiA.call(HttpMethod.GET, "/api/me", null, "Cookie", first[0]).statusCode()).isEqualTo(200);
    awaitRefusedOnB("the other login after a password change", cached, System.nanoTime(),
        () -> apiB.call(HttpMethod.GET, "/api/me", null, "Cookie", second[0]).statusCode() == 200);
    assertThat(apiB.call(HttpMethod.GET, "/api/me", null, "Cookie", second[0]).statusCode()).isEqualTo(401);
  }

  /** On a database of its own, which starts with no account at all. */
  @Test
  void theSetupLinkCreatesTheFirstAdminOnceAndOnlyWhileThereIsNone() {
    TestNode.Running fresh = TestNode.startSeeded(vertx, "setup");
    try (Api api = new Api(vertx, fresh.port())) {
      firstAdmin(api, fresh.node());
    } finally {
      fresh.stop();
    }
  }

  private static void firstAdmin(Api apiA, Node a) {
    String token = SetupTokens.create(a.pool()).await();
    HttpResponse<Buffer> forged = apiA.call(HttpMethod.POST, "/api/setup", new JsonObject().put("token", "forged")
        .put("login", "boss").put("name", "Boss").put("password", PASSWORD).encode(), "Content-Type", "application/json");
    assertThat(code(forged)).isEqualTo("unauthorized");
    HttpResponse<Buffer> made = apiA.call(HttpMethod.POST, "/api/setup", new JsonObject().put("token", token)
        .put("login", "boss").put("name", "Boss").put("password", PASSWORD).encode(), "Content-Type", "application/json");
    assertThat(made.statusCode()).as(made.bodyAsString()).isEqualTo(201);
    assertThat(apiA.call(HttpMethod.POST, "/api/login", new JsonObject().put("login", "boss").put("password", PASSWORD)
        .encode(), "Content-Type", "application/json").bodyAsJsonObject().getJsonObject("staff").getString("role"))
        .isEqualTo("admin");
    String another = SetupTokens.create(a.pool()).await();
    HttpResponse<Buffer> again = apiA.call(HttpMethod.POST, "/api/setup", new JsonObject().put("token", another)
        .put("login", "boss2").put("name", "Boss").put("password", PASSWORD).encode(), "Content-Type", "application/json");
    assertThat(code(again)).as("an admin exists now").isEqualTo("invalid_state");
  }
}
