package podium.store;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.stream.StreamSupport;
import podium.event.Role;

/** SQL for api_tokens: bearer tokens for tools, each with a role. Only a hash of each token is kept. */
public final class ApiTokens {

  private static final SecureRandom RANDOM = new SecureRandom();

  private ApiTokens() {
  }

  public static Future<Holder> holder(SqlClient db, String token) {
    if (token == null || token.isEmpty() || token.length() > 200) {
      return Future.succeededFuture(null);
    }
    String hash = Hashes.sha256(token);
    return db.preparedQuery("select name, role from api_tokens where token_hash = $1 and revoked_at is null")
        .execute(Tuple.of(hash))
        .map(rows -> rows.size() == 0 ? null : Holder.ofToken(rows.iterator().next().getString(0),
            Role.parse(rows.iterator().next().getString(1)), hash));
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

  /** A new token with that name and role; answers the token (shown once), or null if the name is taken. */
  public static Future<String> create(SqlClient db, String name, Role role, String createdBy) {
    String made = newToken();
    return db.preparedQuery("insert into api_tokens (name, role, token_hash, created_by) values ($1, $2, $3, $4)"
            + " on conflict (name) do nothing")
        .execute(Tuple.of(name, role.wire(), Hashes.sha256(made), createdBy))
        .map(rows -> rows.rowCount() == 1 ? made : null);
  }

  /** Revokes it and tells every node at once; answers false when there is no such live token. */
  public static Future<Boolean> revoke(SqlClient tx, String name) {
    return tx.preparedQuery("update api_tokens set revoked_at = now() where name = $1 and revoked_at is null"
            + " returning token_hash")
        .execute(Tuple.of(name))
        .compose(rows -> rows.size() == 0 ? Future.succeededFuture(false)
            : Revocations.announce(tx, rows.iterator().next().getString(0)).map(true));
  }

  public static Future<JsonArray> list(SqlClient db) {
    return db.query("select name, role, created_at, created_by, revoked_at from api_tokens order by id").execute()
        .map(rows -> new JsonArray(StreamSupport.stream(rows.spliterator(), false).map(ApiTokens::json).toList()));
  }

  private static JsonObject json(Row r) {
    return new JsonObject().put("name", r.getString("name")).put("role", r.getString("role"))
        .put("createdAt", r.getOffsetDateTime("created_at").toInstant().toString())
        .put("createdBy", r.getString("created_by"))
        .put("revokedAt", r.getOffsetDateTime("revoked_at") == null ? null
            : r.getOffsetDateTime("revoked_at").toInstant().toString());
  }

  public static String newToken() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
