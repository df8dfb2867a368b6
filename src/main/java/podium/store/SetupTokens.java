package podium.store;

import io.vertx.core.Future;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

/**
 * The one-time link that creates the first admin, printed at a first start when no password is
 * configured. It lasts a day and works once; once any account exists, none is made.
 */
public final class SetupTokens {

  private SetupTokens() {
  }

  /** A new token, shown once; replaces any earlier one that was never used. */
  public static Future<String> create(SqlClient db) {
    String token = ApiTokens.newToken();
    return db.query("delete from setup_tokens").execute()
        .compose(v -> db.preparedQuery("insert into setup_tokens (token_hash, expires_at)"
            + " values ($1, now() + interval '1 day')").execute(Tuple.of(Hashes.sha256(token))))
        .map(rows -> token);
  }

  /** Whether the token is good now, without using it up: checked before any password is hashed. */
  public static Future<Boolean> valid(SqlClient db, String token) {
    if (token == null || token.length() > 200) {
      return Future.succeededFuture(false);
    }
    return db.preparedQuery("select 1 from setup_tokens where token_hash = $1 and expires_at > now()")
        .execute(Tuple.of(Hashes.sha256(token))).map(rows -> rows.size() == 1);
  }

  /** Uses the token up; true when it was good. Run in the transaction that creates the admin. */
  public static Future<Boolean> consume(SqlClient tx, String token) {
    if (token == null || token.length() > 200) {
      return Future.succeededFuture(false);
    }
    return tx.preparedQuery("delete from setup_tokens where token_hash = $1 and expires_at > now()")
        .execute(Tuple.of(Hashes.sha256(token))).map(rows -> rows.rowCount() == 1);
  }
}
