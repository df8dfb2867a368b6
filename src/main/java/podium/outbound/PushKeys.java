package podium.outbound;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

/**
 * SQL for push_keys, the one VAPID key pair. The first node to start makes it; a node that starts
 * at the same moment makes one too, but ON CONFLICT keeps only the first, and both then read that
 * one back: every node signs with the same key, and phones subscribed through any node stay valid.
 */
public final class PushKeys {

  private PushKeys() {
  }

  /** The hub's key pair, made and stored if there is none yet. */
  public static Future<VapidKeys> loadOrCreate(SqlClient db) {
    VapidKeys fresh = VapidKeys.generate();
    return db.preparedQuery("insert into push_keys (id, private_key, public_key) values (1, $1, $2)"
            + " on conflict (id) do nothing")
        .execute(Tuple.of(Buffer.buffer(fresh.privateScalar()), Buffer.buffer(fresh.publicPoint())))
        .compose(inserted -> db.query("select private_key, public_key from push_keys where id = 1").execute())
        .map(rows -> {
          Row r = rows.iterator().next();
          return VapidKeys.of(r.getBuffer("private_key").getBytes(), r.getBuffer("public_key").getBytes());
        });
  }
}
