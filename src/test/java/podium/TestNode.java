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
import podium.store.EventImport;

/** Starts hub nodes for tests, on free ports, against a test database holding the demo event. */
public final class TestNode {

  public static final String ADMIN_TOKEN = "test-admin-token";
  public static final String SLUG = DemoEvent.SLUG;

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
    EventImport.create(pool, DemoEvent.agenda())
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
    PgConnectOptions db = seededDatabase(vertx);
    int port = freePort();
    return new Running(start(vertx, db, port, name), port, db);
  }

  public static Node start(Vertx vertx, PgConnectOptions db, int port, String name) {
    return Node.start(vertx, db, new Node.Options(port, 2, name, "webroot", 4), null).await();
  }

  public static Future<Node> startAsync(Vertx vertx, PgConnectOptions db, int port, String name) {
    return Node.start(vertx, db, new Node.Options(port, 2, name, "webroot", 4), null);
  }

  public static int freePort() {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
