package podium.store;

import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Tuple;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import podium.event.Event;
import podium.event.EventClock;
import podium.event.Text;
import podium.event.TimerPhases;

/** SQL for the events table: the gapless version counter and the epoch live here. */
public final class EventTable {

  /** One event's row: its id, where its history stands, and what it is. */
  public record EventRow(long id, long version, String epoch, Event event) { }

  private static final String COLUMNS = "id, slug, title, venue, time_zone, days, clock, rehearsal_of, timer, version, epoch";

  private EventTable() {
  }

  public static Future<List<EventRow>> all(SqlClient db) {
    return db.query("select " + COLUMNS + " from events order by id").execute()
        .map(rows -> rowsOf(rows));
  }

  public static Future<EventRow> byId(SqlClient db, long id) {
    return db.preparedQuery("select " + COLUMNS + " from events where id = $1").execute(Tuple.of(id))
        .map(rows -> rows.size() == 0 ? null : row(rows.iterator().next()));
  }

  static Future<EventRow> bySlug(SqlClient db, String slug) {
    return db.preparedQuery("select " + COLUMNS + " from events where slug = $1").execute(Tuple.of(slug))
        .map(rows -> rows.size() == 0 ? null : row(rows.iterator().next()));
  }

  /** Locks the event for the rest of the transaction: commands on one event run one at a time. */
  static Future<EventRow> lock(SqlClient tx, String slug) {
    return tx.preparedQuery("select " + COLUMNS + " from events where slug = $1 for update").execute(Tuple.of(slug))
        .map(rows -> rows.size() == 0 ? null : row(rows.iterator().next()));
  }

  static Future<Void> bump(SqlClient tx, long id, long version) {
    return tx.preparedQuery("update events set version = $2 where id = $1").execute(Tuple.of(id, version))
        .mapEmpty();
  }

  static Future<Long> insert(SqlClient tx, Event e) {
    return tx.preparedQuery("insert into events (slug, title, venue, time_zone, days, clock, rehearsal_of, timer,"
            + " epoch) values ($1, $2, $3, $4, $5, $6, $7, $8, $9) returning id")
        .execute(Tuple.from(new Object[] {e.slug(), e.title().toJson(), e.venue().toJson(), e.zone().getId(),
            e.days().toArray(new LocalDate[0]), e.clock().toJson(), e.rehearsalOf(), timer(e), newEpoch()}))
        .map(rows -> rows.iterator().next().getLong("id"));
  }

  /** A replaced agenda: what the event is, its next version, and a new epoch (a reset history). */
  static Future<Void> replace(SqlClient tx, long id, Event e, long version) {
    return tx.preparedQuery("update events set title = $2, venue = $3, time_zone = $4, days = $5, version = $6,"
            + " epoch = $7 where id = $1")
        .execute(Tuple.from(new Object[] {id, e.title().toJson(), e.venue().toJson(), e.zone().getId(),
            e.days().toArray(new LocalDate[0]), version, newEpoch()}))
        .mapEmpty();
  }

  /** Writes the event's own settings, as a change left them (the slug never changes). */
  static Future<Void> settings(SqlClient tx, long id, Event e) {
    return tx.preparedQuery("update events set title = $2, venue = $3, time_zone = $4, days = $5, clock = $6,"
            + " timer = $7 where id = $1")
        .execute(Tuple.of(id, e.title().toJson(), e.venue().toJson(), e.zone().getId(),
            e.days().toArray(new LocalDate[0]), e.clock().toJson(), timer(e)))
        .mapEmpty();
  }

  /** Null for the default phases: an event that never set its own reads as it always did. */
  private static JsonObject timer(Event e) {
    return e.timer().equals(TimerPhases.DEFAULT) ? null : e.timer().toJson();
  }

  /** One event's history reset: its slug, version and new epoch. */
  public record Renewed(String slug, long version, String epoch) { }

  /**
   * Gives every event (or the one slug) a new epoch, so that no client resumes across a restored
   * backup: a version number means nothing across epochs (docs/OPERATIONS.md, "Restore").
   */
  public static Future<List<Renewed>> renewEpochs(SqlClient db, String slug) {
    return db.preparedQuery("update events set epoch = substr(md5(random()::text || id::text), 1, 8)"
            + " where $1::text is null or slug = $1 returning slug, version, epoch")
        .execute(Tuple.of(slug))
        .map(rows -> java.util.stream.StreamSupport.stream(rows.spliterator(), false)
            .map(r -> new Renewed(r.getString("slug"), r.getLong("version"), r.getString("epoch"))).toList());
  }

  static String newEpoch() {
    return UUID.randomUUID().toString().substring(0, 8);
  }

  private static List<EventRow> rowsOf(Iterable<Row> rows) {
    return java.util.stream.StreamSupport.stream(rows.spliterator(), false).map(EventTable::row).toList();
  }

  private static EventRow row(Row r) {
    Event event = new Event(r.getString("slug"), Text.fromJson(r.getJsonObject("title")),
        Text.fromJson(r.getJsonObject("venue")), ZoneId.of(r.getString("time_zone")),
        Arrays.asList(r.getArrayOfLocalDates("days")), EventClock.fromJson(r.getJsonObject("clock")),
        r.getString("rehearsal_of"), TimerPhases.fromJson(r.getJsonObject("timer")));
    return new EventRow(r.getLong("id"), r.getLong("version"), r.getString("epoch"), event);
  }
}
