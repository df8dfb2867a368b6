package podium;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;

/** A small HTTP client for tests of one node. */
public final class Api implements AutoCloseable {

  private final WebClient web;
  private final int port;

  public Api(Vertx vertx, int port) {
    this.web = WebClient.create(vertx);
    this.port = port;
  }

  public HttpResponse<Buffer> get(String path, String... headers) {
    return web.get(port, "localhost", path).putHeaders(headers(headers)).send().await();
  }

  public JsonObject snapshot() {
    return get("/api/events/" + TestNode.SLUG).bodyAsJsonObject();
  }

  public HttpResponse<Buffer> command(JsonObject body, String... headers) {
    return commandRaw(body.encode(), headers);
  }

  /** Posts as the admin unless the headers say otherwise. */
  public HttpResponse<Buffer> commandRaw(String body, String... headers) {
    return commandTo("/commands", body, headers);
  }

  /** Posts to /api/events/{demo}PATH (e.g. "/commands?dryRun=true") as the admin unless the headers say otherwise. */
  public HttpResponse<Buffer> commandTo(String path, String body, String... headers) {
    return post(path, body, headers).await();
  }

  /** Sends a command without waiting for its answer. */
  public Future<HttpResponse<Buffer>> commandAsync(JsonObject body) {
    return post("/commands", body.encode());
  }

  private Future<HttpResponse<Buffer>> post(String path, String body, String... headers) {
    MultiMap h = MultiMap.caseInsensitiveMultiMap().add("Content-Type", "application/json")
        .add("Authorization", "Bearer " + TestNode.ADMIN_TOKEN);
    for (int i = 0; i + 1 < headers.length; i += 2) {
      if (headers[i + 1] == null) {
        h.remove(headers[i]);
      } else {
        h.set(headers[i], headers[i + 1]);
      }
    }
    return web.request(HttpMethod.POST, port, "localhost", "/api/events/" + TestNode.SLUG + path)
        .putHeaders(h).timeout(20_000).sendBuffer(Buffer.buffer(body));
  }

  /** Any request, with exactly these headers (none added): for logins, cookies and refusals. */
  public HttpResponse<Buffer> call(HttpMethod method, String path, String body, String... headers) {
    var request = web.request(method, port, "localhost", path).putHeaders(headers(headers)).timeout(20_000);
    return (body == null ? request.send() : request.sendBuffer(Buffer.buffer(body))).await();
  }

  /** A command as the holder of this bearer token. */
  public HttpResponse<Buffer> commandAs(String token, JsonObject body, String path) {
    return call(HttpMethod.POST, "/api/events/" + TestNode.SLUG + path, body.encode(), "Content-Type",
        "application/json", "Authorization", "Bearer " + token);
  }

  /** One session of a snapshot, by id. */
  public static JsonObject session(JsonObject snapshot, String id) {
    return snapshot.getJsonArray("sessions").stream().map(JsonObject.class::cast)
        .filter(s -> s.getString("id").equals(id)).findFirst().orElseThrow();
  }

  private static MultiMap headers(String... pairs) {
    MultiMap h = MultiMap.caseInsensitiveMultiMap();
    for (int i = 0; i + 1 < pairs.length; i += 2) {
      h.add(pairs[i], pairs[i + 1]);
    }
    return h;
  }

  @Override
  public void close() {
    web.close();
  }
}
