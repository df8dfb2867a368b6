package podium.stage;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import podium.TestNode;

/**
 * A Stream Deck as Companion's Generic HTTP module drives it: a POST per button, with an API token
 * and Companion's default body "{}" (application/json); and the state it polls.
 */
final class Deck implements AutoCloseable {

  static final String BASE = "/api/events/" + TestNode.SLUG + "/stage";

  private final WebClient web;
  private final int port;
  private final String token;

  Deck(Vertx vertx, int port, String token) {
    this.web = WebClient.create(vertx);
    this.port = port;
    this.token = token;
  }

  /** A new API token with this role, made by the admin. */
  static String token(Vertx vertx, int port, String name, String role) {
    try (Deck admin = new Deck(vertx, port, TestNode.ADMIN_TOKEN)) {
      HttpResponse<Buffer> made = admin.send(HttpMethod.POST, "/api/tokens",
          new JsonObject().put("name", name).put("role", role).encode()).await();
      assertThat(made.statusCode()).as(made.bodyAsString()).isEqualTo(201);
      return made.bodyAsJsonObject().getString("token");
    }
  }

  /** Presses the button at BASE + path (e.g. "/rooms/main-hall/start") with Companion's "{}". */
  HttpResponse<Buffer> press(String path) {
    return pressAsync(path, "{}").await();
  }

  HttpResponse<Buffer> press(String path, String body) {
    return pressAsync(path, body).await();
  }

  Future<HttpResponse<Buffer>> pressAsync(String path, String body) {
    return send(HttpMethod.POST, BASE + path, body);
  }

  /** The board Companion polls. */
  JsonObject board() {
    HttpResponse<Buffer> r = send(HttpMethod.GET, BASE, null).await();
    assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(200);
    return r.bodyAsJsonObject();
  }

  /**
   * The board once it shows what until looks for (generous: an answered press is committed, and
   * every node's memory has it a few milliseconds later, through LISTEN), or as it is after 30 s.
   */
  JsonObject board(java.util.function.Predicate<JsonObject> until) {
    long deadline = System.nanoTime() + 30_000_000_000L;
    JsonObject board = board();
    while (!until.test(board) && System.nanoTime() < deadline) {
      podium.LiveClient.sleep(50);
      board = board();
    }
    return board;
  }

  /** One room of the board. */
  static JsonObject room(JsonObject board, String room) {
    return board.getJsonObject("rooms").getJsonObject(room);
  }

  Future<HttpResponse<Buffer>> send(HttpMethod method, String path, String body) {
    MultiMap headers = MultiMap.caseInsensitiveMultiMap().add("Authorization", "Bearer " + token);
    if (body != null) {
      headers.add("Content-Type", "application/json");
    }
    var request = web.request(method, port, "localhost", path).putHeaders(headers).timeout(20_000);
    return body == null ? request.send() : request.sendBuffer(Buffer.buffer(body));
  }

  /** A command as the admin (to set the scene). */
  void command(String json) {
    HttpResponse<Buffer> r = send(HttpMethod.POST, "/api/events/" + TestNode.SLUG + "/commands", json).await();
    assertThat(r.statusCode()).as(json + " -> " + r.bodyAsString()).isEqualTo(200);
  }

  static String code(HttpResponse<Buffer> r) {
    return r.bodyAsJsonObject().getJsonObject("error").getString("code");
  }

  /** How many changes of this kind the event's log holds, and who made the last one. */
  static long count(Pool pool, String kind) {
    return pool.preparedQuery("select count(*) from changes where kind = $1").execute(Tuple.of(kind)).await()
        .iterator().next().getLong(0);
  }

  /** The event's version in the database (memory follows it a few milliseconds later). */
  static long version(Pool pool) {
    return pool.query("select version from events where slug = '" + TestNode.SLUG + "'").execute().await()
        .iterator().next().getLong(0);
  }

  static String lastActor(Pool pool, String kind) {
    var rows = pool.preparedQuery("select actor from changes where kind = $1 order by version desc limit 1")
        .execute(Tuple.of(kind)).await();
    return rows.size() == 0 ? null : rows.iterator().next().getString(0);
  }

  @Override
  public void close() {
    web.close();
  }
}
