package podium.store;

import io.vertx.core.Future;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

/**
 * A withdrawn session or token, announced to every node on the LISTEN connection they already hold:
 * each drops it from its cache and closes the sockets it opened, at once, not after a cache period.
 */
public final class Revocations {

  /** The channel; a notification carries the hash of the withdrawn secret and nothing else. */
  public static final String CHANNEL = "podium_auth";

  private Revocations() {
  }

  /** Sent with the transaction that withdraws it: nodes hear it only once that commits. */
  static Future<Void> announce(SqlClient tx, String secretHash) {
    return tx.preparedQuery("select pg_notify('" + CHANNEL + "', $1)").execute(Tuple.of(secretHash)).mapEmpty();
  }
}
