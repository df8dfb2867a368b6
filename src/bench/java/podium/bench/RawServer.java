package podium.bench;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The raw baseline: a plain Vert.x 5 server with Podium's socket options and nothing else. It
 * answers a hello with a welcome and an empty snapshot, and on POST /blast?version=V&bytes=B each
 * event loop writes one change frame of B bytes to every socket it owns with writeTextMessage.
 */
public final class RawServer extends VerticleBase {

  static final String BLAST = "raw.blast";
  private final Set<ServerWebSocket> sockets = new LinkedHashSet<>();

  public static void main(String[] args) {
    int port = Integer.parseInt(args[0]);
    int instances = args.length > 1 ? Integer.parseInt(args[1]) : Runtime.getRuntime().availableProcessors();
    Vertx vertx = Vertx.builder().with(new VertxOptions().setPreferNativeTransport(true)).build();
    vertx.deployVerticle(RawServer::new, new DeploymentOptions().setInstances(instances)
        .setConfig(new JsonObject().put("port", port))).await();
    System.out.println("raw server listening on " + port + " with " + instances + " event loops");
  }

  @Override
  public Future<?> start() {
    vertx.eventBus().<JsonObject>consumer(BLAST, m -> blast(m.body().getLong("version"), m.body().getInteger("bytes")));
    // The same options as podium.web.HttpVerticle: no compression, Nagle off, 64 KiB frames.
    HttpServerOptions options = new HttpServerOptions().setPort(port()).setHost("127.0.0.1")
        .setPerMessageWebSocketCompressionSupported(false).setPerFrameWebSocketCompressionSupported(false)
        .setMaxWebSocketFrameSize(65_536).setMaxWebSocketMessageSize(65_536).setTcpNoDelay(true);
    return vertx.createHttpServer(options).webSocketHandler(this::accept).requestHandler(this::command).listen();
  }

  private int port() {
    return config().getInteger("port");
  }

  private void accept(ServerWebSocket socket) {
    sockets.add(socket);
    socket.textMessageHandler(text -> {
      socket.writeTextMessage("{\"type\":\"welcome\",\"epoch\":\"raw\",\"version\":0,\"node\":\"raw\"}");
      socket.writeTextMessage("{\"type\":\"snapshot\",\"version\":0,\"epoch\":\"raw\",\"state\":{}}");
    });
    socket.closeHandler(v -> sockets.remove(socket));
  }

  private void command(HttpServerRequest request) {
    if (request.path().equals("/blast")) {
      JsonObject blast = new JsonObject().put("version", Long.parseLong(request.getParam("version")))
          .put("bytes", Integer.parseInt(request.getParam("bytes")));
      vertx.eventBus().publish(BLAST, blast);
      request.response().end("ok");
    } else if (request.path().equals("/count")) {
      request.response().end(String.valueOf(sockets.size()));
    } else {
      request.response().setStatusCode(404).end();
    }
  }

  /** The naive loop that issue 4 measures Podium against: one writeTextMessage(String) per socket. */
  private void blast(long version, int bytes) {
    String head = "{\"type\":\"change\",\"version\":" + version + ",\"kind\":\"raw\",\"data\":{\"pad\":\"";
    String tail = "\"}}";
    String frame = head + "x".repeat(Math.max(0, bytes - head.length() - tail.length())) + tail;
    for (ServerWebSocket socket : sockets) {
      socket.writeTextMessage(frame);
    }
  }
}
