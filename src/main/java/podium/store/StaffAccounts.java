package podium.store;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.util.stream.StreamSupport;
import podium.event.Role;

/** SQL for staff: accounts with a login, a name, one role and a password hash. */
public final class StaffAccounts {

  /** One account as the store holds it. */
  public record Account(long id, String login, String name, Role role, String passwordHash, boolean disabled) {
    public JsonObject toJson() {
      return new JsonObject().put("login", login).put("name", name).put("role", role.wire()).put("disabled", disabled);
    }
  }

  private StaffAccounts() {
  }

  public static Future<Account> byLogin(SqlClient db, String login) {
    return db.preparedQuery("select * from staff where login = $1").execute(Tuple.of(login))
        .map(rows -> rows.size() == 0 ? null : account(rows.iterator().next()));
  }

  public static Future<Long> count(SqlClient db) {
    return db.query("select count(*) from staff").execute().map(rows -> rows.iterator().next().getLong(0));
  }

  /** Answers false when the login is taken. */
  public static Future<Boolean> create(SqlClient db, String login, String name, Role role, String passwordHash,
      String createdBy) {
    return db.preparedQuery("insert into staff (login, name, role, password_hash, created_by)"
            + " values ($1, $2, $3, $4, $5) on conflict (login) do nothing")
        .execute(Tuple.of(login, name, role.wire(), passwordHash, createdBy)).map(rows -> rows.rowCount() == 1);
  }

  public static Future<JsonArray> list(SqlClient db) {
    return db.query("select * from staff order by login").execute()
        .map(rows -> new JsonArray(StreamSupport.stream(rows.spliterator(), false)
            .map(r -> account(r).toJson()).toList()));
  }

  /** Changes what is not null; answers false when there is no such login. */
  public static Future<Boolean> update(SqlClient tx, String login, String name, Role role, Boolean disabled,
      String passwordHash) {
    return tx.preparedQuery("update staff set name = coalesce($2, name), role = coalesce($3, role),"
            + " disabled_at = case when $4::boolean is null then disabled_at when $4 then coalesce(disabled_at, now())"
            + " else null end, password_hash = coalesce($5, password_hash) where login = $1")
        .execute(Tuple.of(login, name, role == null ? null : role.wire(), disabled, passwordHash))
        .map(rows -> rows.rowCount() == 1);
  }

  private static Account account(Row r) {
    return new Account(r.getLong("id"), r.getString("login"), r.getString("name"), Role.parse(r.getString("role")),
        r.getString("password_hash"), r.getOffsetDateTime("disabled_at") != null);
  }

  /** Every admin account still enabled; the last one may not be disabled or lose its role. */
  public static Future<Long> enabledAdmins(SqlClient db) {
    return db.query("select count(*) from staff where role = 'admin' and disabled_at is null").execute()
        .map(rows -> rows.iterator().next().getLong(0));
  }
}
