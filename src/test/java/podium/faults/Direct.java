package podium.faults;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import java.time.Clock;
import podium.TestNode;
import podium.event.Catalogue;
import podium.event.Role;
import podium.store.CommandStore;
import podium.store.Database;
import podium.store.Hashes;

/** A staff command committed through the hub's own write path while no hub is up to take it. */
final class Direct {

  private Direct() {
  }

  static long command(Vertx vertx, PgConnectOptions db, JsonObject body) {
    Pool pool = Database.pool(vertx, db, 1, "fault-direct");
    try {
      return new CommandStore(pool, Clock.systemUTC()).execute(new CommandStore.Request(TestNode.SLUG,
          Catalogue.parse(body), Hashes.sha256(body.encode()), "fault-test", Role.ADMIN, null, null, false))
          .await().version();
    } finally {
      pool.close().await();
    }
  }

  static JsonObject delay(String session, int minutes) {
    return new JsonObject().put("type", "session.delay").put("session", session).put("minutes", minutes);
  }
}
