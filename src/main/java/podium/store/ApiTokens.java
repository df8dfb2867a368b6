package podium.store;

import io.vertx.core.Future;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.security.SecureRandom;
import java.util.Base64;

/** SQL for api_tokens: bearer tokens for staff and tools. Only a hash of each token is kept. */
public final class ApiTokens {

  /** Whoever a valid token belongs to. */
  public record Holder(String name, String role) {
    public String actor() {
      return "token:" + name;
    }
  }

  private static final SecureRandom RANDOM = new SecureRandom();

  private ApiTokens() {
  }

  public static Future<Holder> holder(SqlClient db, String token) {
    if (token == null || token.isEmpty() || token.length() > 200) {
      return Future.succeededFuture(null);
    }
    return db.preparedQuery("select name, role from api_tokens where token_hash = $1 and revoked_at is null")
        .execute(Tuple.of(Hashes.sha256(token)))
        .map(rows -> rows.size() == 0 ? null
            : new Holder(rows.iterator().next().getString(0), rows.iterator().next().getString(1)));
  }

  /**
   * Makes the given token the admin token. With none given, keeps the admin token there is, or
   * makes one and returns it so it can be shown once; returns null when nothing new was made.
   */
  public static Future<String> ensureAdmin(SqlClient db, String given) {
    if (given != null && !given.isBlank()) {
      return db.preparedQuery("insert into api_tokens (name, role, token_hash) values ('admin', 'admin', $1)"
              + " on conflict (name) do update set token_hash = excluded.token_hash, revoked_at = null")
          .execute(Tuple.of(Hashes.sha256(given))).map(rows -> null);
    }
    String made = newToken();
    return db.preparedQuery("insert into api_tokens (name, role, token_hash) values ('admin', 'admin', $1)"
            + " on conflict (name) do nothing")
        .execute(Tuple.of(Hashes.sha256(made))).map(rows -> rows.rowCount() == 1 ? made : null);
  }

  public static String newToken() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

}
