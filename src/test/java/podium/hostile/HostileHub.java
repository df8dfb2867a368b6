package podium.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.util.EnumMap;
import java.util.Map;
import podium.Api;
import podium.Node;
import podium.TestNode;
import podium.event.Role;
import podium.live.AddressLimits;

/**
 * A running hub on the demo event, dressed for attacks: a token of every role, a staff login, a
 * second event with a screen paired to it, and a screen paired to the demo.
 */
final class HostileHub implements AutoCloseable {

  static final String OTHER = "other-forum";
  static final String PASSWORD = "correct horse battery";

  final Vertx vertx;
  final TestNode.Running running;
  final Api api;
  final Map<Role, String> tokens = new EnumMap<>(Role.class);
  private final java.util.Set<Role> accounts = java.util.EnumSet.noneOf(Role.class);
  /** A paired screen of the demo: its id and device token. */
  String screen;
  String screenToken;
  /** A screen paired to the other event. */
  String otherScreen;
  String otherScreenToken;

  private HostileHub(Vertx vertx, TestNode.Running running) {
    this.vertx = vertx;
    this.running = running;
    this.api = new Api(vertx, running.port());
  }

  static HostileHub start(Vertx vertx, String name) {
    return start(vertx, name, AddressLimits.Settings.DEFAULTS);
  }

  static HostileHub start(Vertx vertx, String name, AddressLimits.Settings limits) {
    return start(vertx, name, limits, podium.outbound.WebhookSettings.DEFAULTS);
  }

  static HostileHub start(Vertx vertx, String name, AddressLimits.Settings limits, podium.outbound.WebhookSettings webhooks) {
    return start(vertx, name, limits, webhooks, false);
  }

  /** behindProxy: as PODIUM_BEHIND_PROXY, the client's address from X-Forwarded-For. */
  static HostileHub start(Vertx vertx, String name, AddressLimits.Settings limits, podium.outbound.WebhookSettings webhooks,
      boolean behindProxy) {
    var db = TestNode.seededDatabase(vertx);
    int port = TestNode.freePort();
    Node node = Node.start(vertx, db, new Node.Options(port, 2, name, "webroot", 4, TestNode.WIRE)
        .withExports(null, webhooks).withClients(behindProxy, limits, podium.live.Backpressure.DEFAULTS), null)
        .await();
    HostileHub hub = new HostileHub(vertx, new TestNode.Running(node, port, db));
    hub.dress();
    return hub;
  }

  int port() {
    return running.port();
  }

  Node node() {
    return running.node();
  }

  private void dress() {
    for (Role role : Role.values()) {
      tokens.put(role, admin(HttpMethod.POST, "/api/tokens", new JsonObject().put("name", "t-" + role.wire())
          .put("role", role.wire()), 201).getString("token"));
    }
    admin(HttpMethod.POST, "/api/events", new JsonObject().put("slug", OTHER).put("title", "Other forum")
        .put("timeZone", "Europe/Berlin").put("days", java.util.List.of("2026-05-01")), 201);
    admin(HttpMethod.POST, "/api/events/" + OTHER + "/commands", new JsonObject().put("type", "room.add")
        .put("room", "hall").put("name", "Hall"), 200);
    JsonObject other = pair(OTHER, "hall");
    otherScreen = other.getString("screen");
    otherScreenToken = other.getString("token");
    JsonObject mine = pair(TestNode.SLUG, "main-hall");
    screen = mine.getString("screen");
    screenToken = mine.getString("token");
  }

  private JsonObject pair(String slug, String room) {
    JsonObject made = call(HttpMethod.POST, "/api/screens", null, 201);
    admin(HttpMethod.POST, "/api/events/" + slug + "/commands", new JsonObject().put("type", "screen.pair")
        .put("code", made.getString("code")).put("room", room).put("layout", "room"), 200);
    return made;
  }

  /** A request as the admin token, which must answer this status; its JSON body. */
  JsonObject admin(HttpMethod method, String path, JsonObject body, int status) {
    HttpResponse<Buffer> r = api.call(method, path, body == null ? null : body.encode(), "Content-Type",
        "application/json", "Authorization", "Bearer " + TestNode.ADMIN_TOKEN);
    assertThat(r.statusCode()).as("%s %s -> %s", method, path, r.bodyAsString()).isEqualTo(status);
    return r.body() == null || r.body().length() == 0 ? new JsonObject() : r.bodyAsJsonObject();
  }

  private JsonObject call(HttpMethod method, String path, JsonObject body, int status) {
    HttpResponse<Buffer> r = api.call(method, path, body == null ? null : body.encode(), "Content-Type",
        "application/json");
    assertThat(r.statusCode()).as("%s %s -> %s", method, path, r.bodyAsString()).isEqualTo(status);
    return r.bodyAsJsonObject();
  }

  /** Logs a staff account of that role in (made on first use): the Cookie header to send back, and its CSRF token. */
  String[] login(Role role) {
    if (accounts.add(role)) {
      admin(HttpMethod.POST, "/api/staff", new JsonObject().put("login", role.wire() + "-login").put("name", role.wire())
          .put("role", role.wire()).put("password", PASSWORD), 201);
    }
    HttpResponse<Buffer> r = api.call(HttpMethod.POST, "/api/login", new JsonObject().put("login", role.wire() + "-login")
        .put("password", PASSWORD).encode(), "Content-Type", "application/json");
    assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(200);
    String setCookie = r.getHeader("Set-Cookie");
    return new String[] {setCookie.substring(0, setCookie.indexOf(';')), r.bodyAsJsonObject().getString("csrf")};
  }

  long version() {
    return api.snapshot().getLong("version");
  }

  @Override
  public void close() {
    api.close();
    running.stop();
  }
}
