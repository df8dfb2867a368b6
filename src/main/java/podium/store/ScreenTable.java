package podium.store;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.security.SecureRandom;
import java.util.List;
import java.util.stream.StreamSupport;
import podium.event.Screen;
import podium.event.Spelling;
import podium.event.Text;

/** SQL for the screens table: pairing, device tokens, assignments and presence. */
public final class ScreenTable {

  /** What a device token opens: the screen and, once paired, where it belongs. */
  public record Device(String screen, String code, Long eventId, String eventSlug, JsonObject assignment) {
    public boolean paired() {
      return eventId != null;
    }
  }

  /** One screen's presence as some node last wrote it. */
  public record Seen(String screen, long version) { }

  // No 0/O, 1/I/L: codes are read off a TV across a room and typed in by hand.
  private static final String ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
  private static final SecureRandom RANDOM = new SecureRandom();
  public static final int MAX_WAITING = 500;

  private ScreenTable() {
  }

  /** A new screen waiting to be paired; refused (null) while too many are waiting. */
  public static Future<JsonObject> create(SqlClient db) {
    String id = "scr-" + ApiTokens.newToken().substring(0, 10).toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]", "x");
    String code = code();
    String token = ApiTokens.newToken();
    return db.preparedQuery("insert into screens (id, token_hash, pairing_code)"
            + " select $1, $2, $3 where (select count(*) from screens where event_id is null"
            + " and created_at > now() - interval '30 minutes') < $4")
        .execute(Tuple.of(id, Hashes.sha256(token), code, MAX_WAITING))
        .map(rows -> rows.rowCount() == 0 ? null
            : new JsonObject().put("screen", id).put("code", code).put("token", token));
  }

  private static String code() {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < 6; i++) {
      b.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
    }
    return b.toString();
  }

  public static Future<Device> byToken(SqlClient db, String token) {
    if (token == null || token.length() > 200) {
      return Future.succeededFuture(null);
    }
    return db.preparedQuery("select s.*, e.slug from screens s left join events e on e.id = s.event_id"
            + " where s.token_hash = $1")
        .execute(Tuple.of(Hashes.sha256(token)))
        .map(rows -> rows.size() == 0 ? null : device(rows.iterator().next()));
  }

  private static Device device(Row r) {
    Long eventId = r.getLong("event_id");
    JsonObject assignment = eventId == null ? null : screen(r).toJson();
    return new Device(r.getString("id"), r.getString("pairing_code"), eventId, r.getString("slug"), assignment);
  }

  /** The waiting screen showing this code, if it asked within the last 30 minutes. */
  static Future<String> waitingWithCode(SqlClient tx, String code) {
    return tx.preparedQuery("select id from screens where event_id is null and pairing_code = $1"
            + " and created_at > now() - interval '30 minutes' for update")
        .execute(Tuple.of(code))
        .map(rows -> rows.size() == 0 ? null : rows.iterator().next().getString(0));
  }

  static Future<List<Screen>> forEvent(SqlClient db, long eventId) {
    return db.preparedQuery("select * from screens where event_id = $1 order by paired_at, id")
        .execute(Tuple.of(eventId))
        .map(rows -> StreamSupport.stream(rows.spliterator(), false).map(ScreenTable::screen).toList());
  }

  static Future<?> assign(SqlClient tx, long eventId, Screen s) {
    return tx.preparedQuery("update screens set event_id = $2, name = $3, room = $4, layout = $5, lang = $6,"
            + " pairing_code = null, paired_at = coalesce(paired_at, now()) where id = $1")
        .execute(Tuple.of(s.id(), eventId, s.name().toJson(), s.room(), Spelling.of(s.layout()),
            s.lang().wire()));
  }

  /** Screens that asked for a code a day ago and were never paired. */
  public static Future<Integer> forgetUnpaired(SqlClient db) {
    return db.query("delete from screens where event_id is null and created_at < now() - interval '1 day'").execute()
        .map(rows -> rows.rowCount());
  }

  /** Written by the node that holds each screen's socket, every few seconds. */
  public static Future<?> seen(SqlClient db, String node, List<Seen> screens) {
    if (screens.isEmpty()) {
      return Future.succeededFuture();
    }
    return db.preparedQuery("update screens set last_seen = now(), node = $2, version_shown = $3 where id = $1")
        .executeBatch(screens.stream().map(s -> Tuple.of(s.screen(), node, s.version())).toList());
  }

  /** The fleet as the console shows it: online means seen by some node within the last 45 s. */
  public static Future<JsonArray> presence(SqlClient db, String slug, long version) {
    return db.preparedQuery("select s.*, s.last_seen > now() - interval '45 seconds' as online"
            + " from screens s join events e on e.id = s.event_id where e.slug = $1 order by s.paired_at, s.id")
        .execute(Tuple.of(slug))
        .map(rows -> new JsonArray(StreamSupport.stream(rows.spliterator(), false).map(r -> {
          Long shown = r.getLong("version_shown");
          return screen(r).toJson().put("online", Boolean.TRUE.equals(r.getBoolean("online")))
              .put("lastSeen", r.getOffsetDateTime("last_seen") == null ? null : r.getOffsetDateTime("last_seen").toInstant().toString())
              .put("node", r.getString("node")).put("versionShown", shown)
              .put("lag", shown == null ? null : Math.max(0, version - shown));
        }).toList()));
  }

  private static Screen screen(Row r) {
    String layout = r.getString("layout");
    return new Screen(r.getString("id"), Text.fromJson(r.getJsonObject("name")), r.getString("room"),
        layout == null ? Screen.Layout.ROOM : Spelling.parse(Screen.Layout.class, layout),
        Screen.Lang.parse(r.getString("lang")));
  }
}
