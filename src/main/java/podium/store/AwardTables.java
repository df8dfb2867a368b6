package podium.store;

import io.vertx.core.Future;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.util.List;
import podium.event.Award;

/** SQL for an award written whole: its category row, its nominees, and exactly its results. */
final class AwardTables {

  private AwardTables() {
  }

  /** Pipelined in this order on the transaction's connection; a new award goes last in the list. */
  static Future<Void> save(SqlClient tx, long eventId, Award award) {
    Future<?> category = tx.preparedQuery("insert into award_categories (event_id, id, session, name, position)"
            + " values ($1, $2, $3, $4, (select coalesce(max(position) + 1, 0) from award_categories where event_id = $1))"
            + " on conflict (event_id, id) do update set session = excluded.session, name = excluded.name")
        .execute(Tuple.of(eventId, award.id(), award.session(), award.name().toJson()));
    List<Tuple> nominees = new java.util.ArrayList<>();
    for (int i = 0; i < award.nominees().size(); i++) {
      Award.Nominee n = award.nominees().get(i);
      nominees.add(Tuple.of(eventId, award.id(), n.id(), n.name().toJson(), i));
    }
    Future<?> named = nominees.isEmpty() ? Future.succeededFuture()
        : tx.preparedQuery("insert into nominees (event_id, award, id, name, position) values ($1, $2, $3, $4, $5)"
            + " on conflict (event_id, award, id) do update set name = excluded.name, position = excluded.position")
            .executeBatch(nominees);
    Future<?> cleared = tx.preparedQuery("delete from award_results where event_id = $1 and award = $2")
        .execute(Tuple.of(eventId, award.id()));
    Future<?> placed = award.results().isEmpty() ? Future.succeededFuture()
        : tx.preparedQuery(UPSERT_RESULT).executeBatch(award.results().stream().map(r -> result(eventId, r)).toList());
    return Future.all(category, named, cleared, placed).mapEmpty();
  }

  static final String UPSERT_RESULT = "insert into award_results (event_id, award, rank, nominee, revealed_at)"
      + " values ($1, $2, $3, $4, $5) on conflict (event_id, award, rank, nominee) do update"
      + " set revealed_at = excluded.revealed_at";

  static Tuple result(long eventId, Award.Result r) {
    return Tuple.of(eventId, r.award(), r.rank(), r.nominee(), Database.at(r.revealedAt()));
  }
}
