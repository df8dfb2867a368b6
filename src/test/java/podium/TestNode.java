package podium;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import podium.store.ApiTokens;
import podium.store.Database;
import podium.live.AddressLimits;
import podium.live.Backpressure;
import podium.live.WirePath;
import podium.store.EventImport;

/**
 * Starts hub nodes for tests, on free ports, against a test database holding the demo event. They
 * write to sockets on the path the podium.wire system property (or PODIUM_WIRE) names, fast by
 * default: pom.xml runs the live tests once more with plain.
 */
public final class TestNode {

  public static final String ADMIN_TOKEN = "test-admin-token";
  public static final String SLUG = DemoEvent.SLUG;
  public static final WirePath WIRE = WirePath.parse(System.getProperty("podium.wire",
      System.getenv().getOrDefault("PODIUM_WIRE", "fast")));
  /** For tests of a socket that reads again after a while: it is resynced, not cut (grace 2 min). */
  public static final Backpressure LONG_GRACE = new Backpressure(Backpressure.DEFAULTS.queueBytes(),
      Backpressure.DEFAULTS.sendBuffer(), 120_000, 120_000);

  private TestNode() {
  }

  /** A fresh database with the demo event and the admin token. */
  public static PgConnectOptions seededDatabase(Vertx vertx) {
    PgConnectOptions db = TestDatabase.fresh();
    seed(vertx, db);
    return db;
  }

  /** Writes the demo event and the admin token into a migrated database. */
  public static void seed(Vertx vertx, PgConnectOptions db) {
    Pool pool = Database.pool(vertx, db, 2, "test-seed");
    // Without its run of show: the cues would fire on the demo's clock in the middle of a test.
    EventImport.create(pool, DemoEvent.agenda().withoutCues())
        .compose(id -> ApiTokens.ensureAdmin(pool, ADMIN_TOKEN))
        .eventually(pool::close)
        .await();
  }

  /** A node on a free port, on a fresh database holding the demo event. */
  public record Running(Node node, int port, PgConnectOptions db) {
    public void stop() {
      node.stop().await();
    }
  }

  public static Running startSeeded(Vertx vertx, String name) {
    return startSeeded(vertx, name, WIRE);
  }

  public static Running startSeeded(Vertx vertx, String name, WirePath wire) {
    return startSeeded(vertx, name, wire, Backpressure.DEFAULTS);
  }

  /** With its own bounds and graces for slow sockets. */
  public static Running startSeeded(Vertx vertx, String name, WirePath wire, Backpressure backpressure) {
    PgConnectOptions db = seededDatabase(vertx);
    int port = freePort();
    Node node = startAsync(vertx, db, port, name, wire, backpressure).await();
    return new Running(node, port, db);
  }

  public static Node start(Vertx vertx, PgConnectOptions db, int port, String name) {
    return start(vertx, db, port, name, WIRE);
  }

  /** With some settings of its own (push, exports, ...), on the run's wire path. */
  public static Node start(Vertx vertx, PgConnectOptions db, int port, String name,
      java.util.function.UnaryOperator<Node.Options> tweak) {
    return Node.start(vertx, db, tweak.apply(new Node.Options(port, 2, name, "webroot", 4, WIRE)), null).await();
  }

  /** Fails when the node runs another path than asked: a failed probe must not pass as the fast path. */
  public static Node start(Vertx vertx, PgConnectOptions db, int port, String name, WirePath wire) {
    return startAsync(vertx, db, port, name, wire).await();
  }

  public static Future<Node> startAsync(Vertx vertx, PgConnectOptions db, int port, String name) {
    return startAsync(vertx, db, port, name, WIRE);
  }

  private static Future<Node> startAsync(Vertx vertx, PgConnectOptions db, int port, String name, WirePath wire) {
    return startAsync(vertx, db, port, name, wire, Backpressure.DEFAULTS);
  }

  private static Future<Node> startAsync(Vertx vertx, PgConnectOptions db, int port, String name, WirePath wire,
      Backpressure backpressure) {
    return Node.start(vertx, db, new Node.Options(port, 2, name, "webroot", 4, wire)
            .withClients(false, AddressLimits.Settings.DEFAULTS, backpressure), null)
        .compose(node -> node.wire() == wire ? Future.succeededFuture(node) : node.stop().transform(v ->
            Future.<Node>failedFuture("node " + name + " runs the " + node.wire() + " wire path, not " + wire)));
  }

  public static int freePort() {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
