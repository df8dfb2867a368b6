package podium.store;

import static podium.store.Database.at;
import static podium.store.Database.instant;

import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.StreamSupport;
import podium.event.Agenda;
import podium.event.Announcement;
import podium.event.Award;
import podium.event.Event;
import podium.event.Notice;
import podium.event.Room;
import podium.event.Stage;
import podium.event.TimerPhases;
import podium.event.Session;
import podium.event.Speaker;
import podium.event.Screen;
import podium.event.Spelling;
import podium.event.Text;
import podium.event.Touched;

/** SQL for the agenda's state tables: read an event whole, write what a change touched. */
final class AgendaTables {

  private AgendaTables() {
  }

  /** Reads every table of one event; the queries are pipelined on one connection. */
  static Future<Agenda> load(SqlClient db, long eventId, Event event) {
    Tuple id = Tuple.of(eventId);
    Future<RowSet<Row>> rooms = db.preparedQuery("select * from rooms where event_id = $1").execute(id);
    Future<RowSet<Row>> speakers = db.preparedQuery("select * from speakers where event_id = $1").execute(id);
    Future<RowSet<Row>> sessions = db.preparedQuery("select * from sessions where event_id = $1").execute(id);
    Future<RowSet<Row>> announcements = db.preparedQuery(
        "select * from announcements where event_id = $1 and cleared_at is null").execute(id);
    Future<RowSet<Row>> notice = db.preparedQuery("select * from notices where event_id = $1").execute(id);
    Future<RowSet<Row>> awards = db.preparedQuery(
        "select * from award_categories where event_id = $1 order by position").execute(id);
    Future<RowSet<Row>> nominees = db.preparedQuery(
        "select * from nominees where event_id = $1 order by position").execute(id);
    Future<RowSet<Row>> results = db.preparedQuery("select * from award_results where event_id = $1").execute(id);
    Future<List<Screen>> screens = ScreenTable.forEvent(db, eventId);
    Future<List<podium.event.Cue>> cues = CueTable.forEvent(db, eventId);
    return Future.all(List.of(rooms, speakers, sessions, announcements, notice, awards, nominees, results, screens, cues))
        .map(all -> new Agenda(event,
            list(rooms.result()).stream().map(AgendaTables::room).toList(),
            list(sessions.result()).stream().map(AgendaTables::session).toList(),
            list(speakers.result()).stream().map(AgendaTables::speaker).toList(),
            list(announcements.result()).stream().map(AgendaTables::announcement).toList(),
            list(notice.result()).stream().map(AgendaTables::notice).findFirst().orElse(null),
            awards(list(awards.result()), list(nominees.result()), list(results.result())), screens.result(),
            cues.result()));
  }

  /** Writes the new state of everything a change touched, as Agenda.apply applies it in memory. */
  static Future<Void> save(SqlClient tx, long eventId, Touched t) {
    List<Future<?>> writes = new ArrayList<>();
    if (!t.sessions().isEmpty()) {
      writes.add(tx.preparedQuery(UPSERT_SESSION)
          .executeBatch(t.sessions().stream().map(s -> sessionTuple(eventId, s)).toList()));
    }
    for (Announcement an : t.announcements()) {
      writes.add(tx.preparedQuery("insert into announcements (event_id, id, text, posted_at, expires_at)"
              + " values ($1, $2, $3, $4, $5) on conflict (event_id, id) do update set text = excluded.text,"
              + " posted_at = excluded.posted_at, expires_at = excluded.expires_at, cleared_at = null")
          .execute(Tuple.of(eventId, an.id(), an.text().toJson(), at(an.postedAt()), at(an.expiresAt()))));
    }
    for (String cleared : t.clearedAnnouncements()) {
      writes.add(tx.preparedQuery("update announcements set cleared_at = now() where event_id = $1 and id = $2")
          .execute(Tuple.of(eventId, cleared)));
    }
    if (t.noticeSet()) {
      Notice n = t.notice();
      writes.add(n == null
          ? tx.preparedQuery("delete from notices where event_id = $1").execute(Tuple.of(eventId))
          : tx.preparedQuery("insert into notices (event_id, text, posted_at) values ($1, $2, $3)"
                  + " on conflict (event_id) do update set text = excluded.text, posted_at = excluded.posted_at")
              .execute(Tuple.of(eventId, n.text().toJson(), at(n.postedAt()))));
    }
    for (Award.Result r : t.results()) {
      writes.add(upsertResult(tx, eventId, r));
    }
    for (Screen screen : t.screens()) {
      writes.add(ScreenTable.assign(tx, eventId, screen));
    }
    if (t.event() != null) {
      writes.add(EventTable.settings(tx, eventId, t.event()));
    }
    if (!t.rooms().isEmpty()) {
      writes.add(tx.preparedQuery(UPSERT_ROOM).executeBatch(t.rooms().stream().map(r -> roomTuple(eventId, r)).toList()));
    }
    if (!t.speakers().isEmpty()) {
      writes.add(tx.preparedQuery(UPSERT_SPEAKER)
          .executeBatch(t.speakers().stream().map(s -> speakerTuple(eventId, s)).toList()));
    }
    for (Award award : t.awards()) {
      writes.add(AwardTables.save(tx, eventId, award));
    }
    writes.add(CueTable.save(tx, eventId, t.cues()));
    writes.add(CueTable.remove(tx, eventId, t.removedCues()));
    return Future.all(writes).mapEmpty();
  }

  /** Writes a whole imported agenda: rooms first, since sessions refer to them. */
  static Future<Void> insert(SqlClient tx, long eventId, Agenda agenda) {
    List<Tuple> rooms = agenda.rooms().stream().map(r -> roomTuple(eventId, r)).toList();
    List<Tuple> speakers = agenda.speakers().stream().map(s -> speakerTuple(eventId, s)).toList();
    List<Tuple> sessions = agenda.sessions().stream().map(s -> sessionTuple(eventId, s)).toList();

    return batch(tx, UPSERT_ROOM, rooms)
        .compose(v -> batch(tx, UPSERT_SPEAKER, speakers))
        .compose(v -> batch(tx, UPSERT_SESSION, sessions))
        .compose(v -> Future.all(agenda.awards().stream().map(a -> AwardTables.save(tx, eventId, a)).toList()))
        .compose(v -> CueTable.save(tx, eventId, agenda.cues()))
        .mapEmpty();
  }

  private static final String UPSERT_ROOM = "insert into rooms (event_id, id, name, kind, position, stage)"
      + " values ($1, $2, $3, $4, $5, $6) on conflict (event_id, id) do update set name = excluded.name,"
      + " kind = excluded.kind, position = excluded.position, stage = excluded.stage";

  private static final String UPSERT_SPEAKER = "insert into speakers (event_id, id, name, title, affiliation)"
      + " values ($1, $2, $3, $4, $5) on conflict (event_id, id) do update set name = excluded.name,"
      + " title = excluded.title, affiliation = excluded.affiliation";

  private static Tuple roomTuple(long eventId, Room r) {
    return Tuple.of(eventId, r.id(), r.name().toJson(), r.kind(), r.position(),
        r.stage().quiet() ? null : r.stage().toJson());
  }

  private static Tuple speakerTuple(long eventId, Speaker s) {
    return Tuple.of(eventId, s.id(), s.name().toJson(), s.title().toJson(), s.affiliation().toJson());
  }

  /** Removes an event's agenda (awards, sessions, speakers, rooms) before a replace writes the new one. */
  static Future<Void> delete(SqlClient tx, long eventId) {
    Tuple id = Tuple.of(eventId);
    return tx.preparedQuery("delete from award_results where event_id = $1").execute(id)
        .compose(v -> tx.preparedQuery("delete from award_categories where event_id = $1").execute(id))
        .compose(v -> tx.preparedQuery("delete from sessions where event_id = $1").execute(id))
        .compose(v -> tx.preparedQuery("delete from speakers where event_id = $1").execute(id))
        .compose(v -> tx.preparedQuery("delete from rooms where event_id = $1").execute(id))
        .mapEmpty();
  }

  private static final String UPSERT_SESSION = "insert into sessions (event_id, id, type, room, planned_room, title,"
      + " description, planned_start, planned_end, start_at, end_at, status, speakers, reason, on_stage, up_next, timer)"
      + " values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)"
      + " on conflict (event_id, id) do update set type = excluded.type, room = excluded.room,"
      + " title = excluded.title, description = excluded.description, start_at = excluded.start_at,"
      + " end_at = excluded.end_at, status = excluded.status, speakers = excluded.speakers, reason = excluded.reason,"
      + " on_stage = excluded.on_stage, up_next = excluded.up_next, timer = excluded.timer";

  private static Tuple sessionTuple(long eventId, Session s) {
    return Tuple.from(new Object[] {eventId, s.id(), Spelling.of(s.type()), s.room(), s.plannedRoom(), s.title().toJson(),
        s.description().toJson(), at(s.plannedStart()), at(s.plannedEnd()), at(s.start()), at(s.end()),
        Spelling.of(s.status()), s.speakers().toArray(new String[0]), s.reason().toJson(), s.onStage(), s.upNext(),
        s.timer() == null ? null : s.timer().toJson()});
  }

  private static Future<?> upsertResult(SqlClient tx, long eventId, Award.Result r) {
    return tx.preparedQuery(AwardTables.UPSERT_RESULT).execute(AwardTables.result(eventId, r));
  }


  private static Future<Void> batch(SqlClient tx, String sql, List<Tuple> rows) {
    return rows.isEmpty() ? Future.succeededFuture() : tx.preparedQuery(sql).executeBatch(rows).mapEmpty();
  }

  private static Room room(Row r) {
    return new Room(r.getString("id"), text(r, "name"), r.getString("kind"), r.getInteger("position"),
        Stage.fromJson(r.getJsonObject("stage")));
  }

  private static Speaker speaker(Row r) {
    return new Speaker(r.getString("id"), text(r, "name"), text(r, "title"), text(r, "affiliation"));
  }

  private static Session session(Row r) {
    return new Session(r.getString("id"), Spelling.parse(Session.Type.class, r.getString("type")),
        r.getString("room"), r.getString("planned_room"), text(r, "title"), text(r, "description"),
        instant(r.getOffsetDateTime("planned_start")), instant(r.getOffsetDateTime("planned_end")),
        instant(r.getOffsetDateTime("start_at")), instant(r.getOffsetDateTime("end_at")),
        Spelling.parse(Session.Status.class, r.getString("status")), Arrays.asList(r.getArrayOfStrings("speakers")),
        text(r, "reason"), r.getString("on_stage"), r.getString("up_next"),
        TimerPhases.fromJson(r.getJsonObject("timer")));
  }

  private static Announcement announcement(Row r) {
    return new Announcement(r.getString("id"), text(r, "text"), instant(r.getOffsetDateTime("posted_at")),
        instant(r.getOffsetDateTime("expires_at")));
  }

  private static Notice notice(Row r) {
    return new Notice(text(r, "text"), instant(r.getOffsetDateTime("posted_at")));
  }

  private static List<Award> awards(List<Row> categories, List<Row> nominees, List<Row> results) {
    return categories.stream().map(c -> {
      String id = c.getString("id");
      return new Award(id, c.getString("session"), text(c, "name"),
          nominees.stream().filter(n -> n.getString("award").equals(id))
              .map(n -> new Award.Nominee(n.getString("id"), text(n, "name"))).toList(),
          results.stream().filter(r -> r.getString("award").equals(id))
              .map(r -> new Award.Result(id, r.getInteger("rank"), r.getString("nominee"),
                  instant(r.getOffsetDateTime("revealed_at")))).toList());
    }).toList();
  }

  private static Text text(Row r, String column) {
    return Text.fromJson(r.getJsonObject(column));
  }


  private static List<Row> list(RowSet<Row> rows) {
    return StreamSupport.stream(rows.spliterator(), false).toList();
  }
}
