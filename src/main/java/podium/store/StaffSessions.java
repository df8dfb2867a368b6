package podium.store;

import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.StreamSupport;
import podium.event.Role;

/**
 * SQL for staff_sessions: a login is a random opaque id (in an HttpOnly cookie), of which only the
 * hash is stored. It lasts a working day and ends at logout, when an admin disables the account,
 * or when its password changes.
 */
public final class StaffSessions {

  public static final Duration LIFETIME = Duration.ofHours(12);

  /** A new session: the id (for the cookie, never stored) and when it ends. */
  public record Opened(String id, Instant expiresAt) { }

  private StaffSessions() {
  }

  public static Future<Opened> open(SqlClient db, long staffId, String address) {
    String id = ApiTokens.newToken();
    Instant expires = Instant.now().plus(LIFETIME);
    return db.preparedQuery("insert into staff_sessions (id_hash, staff_id, expires_at, address) values ($1, $2, $3, $4)")
        .execute(Tuple.of(Hashes.sha256(id), staffId, Database.at(expires), address))
        .map(rows -> new Opened(id, expires));
  }

  /** The staff member a live session belongs to, or null (unknown, expired, revoked, or the account disabled). */
  public static Future<Holder> holder(SqlClient db, String id) {
    if (id == null || id.isEmpty() || id.length() > 200) {
      return Future.succeededFuture(null);
    }
    String hash = Hashes.sha256(id);
    return db.preparedQuery("select s.login, s.name, s.role, x.expires_at from staff_sessions x join staff s on s.id = x.staff_id"
            + " where x.id_hash = $1 and x.revoked_at is null and x.expires_at > now() and s.disabled_at is null")
        .execute(Tuple.of(hash))
        .map(rows -> rows.size() == 0 ? null : holder(rows.iterator().next(), hash));
  }

  private static Holder holder(Row r, String hash) {
    return Holder.ofStaff(r.getString("login"), r.getString("name"), Role.parse(r.getString("role")), hash,
        r.getOffsetDateTime("expires_at").toInstant().toEpochMilli());
  }

  /** Ends one session (a logout) and tells every node. */
  public static Future<Void> revoke(SqlClient tx, String id) {
    return revokeWhere(tx, "id_hash = $1", Hashes.sha256(id), null);
  }

  /** Ends every session of a login but the one given (may be null), and tells every node. */
  public static Future<Void> revokeAllOf(SqlClient tx, String login, String keepId) {
    return revokeWhere(tx, "staff_id = (select id from staff where login = $1) and id_hash <> coalesce($2, '')", login,
        keepId == null ? null : Hashes.sha256(keepId));
  }

  /**
   * Tells every node to look the account's logins up again (a new name or role), without ending
   * them: caches forget them and staff sockets reconnect with the new role.
   */
  public static Future<Void> refreshAllOf(SqlClient tx, String login) {
    return tx.preparedQuery("select id_hash from staff_sessions where revoked_at is null and expires_at > now()"
            + " and staff_id = (select id from staff where login = $1)")
        .execute(Tuple.of(login))
        .compose(rows -> Future.all(StreamSupport.stream(rows.spliterator(), false)
            .map(r -> Revocations.announce(tx, r.getString(0))).toList()).mapEmpty());
  }

  private static Future<Void> revokeWhere(SqlClient tx, String where, String a, String b) {
    return tx.preparedQuery("update staff_sessions set revoked_at = now() where revoked_at is null and " + where
            + " returning id_hash")
        .execute(where.contains("$2") ? Tuple.of(a, b) : Tuple.of(a))
        .compose(rows -> {
          List<String> hashes = StreamSupport.stream(rows.spliterator(), false).map(r -> r.getString(0)).toList();
          return Future.all(hashes.stream().map(h -> Revocations.announce(tx, h)).toList()).mapEmpty();
        });
  }

  /** Sessions that ended more than a day ago; run now and then. */
  public static Future<Integer> forgetOld(SqlClient db) {
    return db.query("delete from staff_sessions where expires_at < now() - interval '1 day'"
        + " or revoked_at < now() - interval '1 day'").execute().map(rows -> rows.rowCount());
  }
}
