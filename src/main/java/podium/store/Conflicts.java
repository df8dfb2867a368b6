package podium.store;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlClient;
import java.util.List;
import java.util.Set;
import podium.event.Agenda;
import podium.event.Audience;
import podium.event.Before;
import podium.event.Change;
import podium.event.CommandRejected;
import podium.event.ErrorCode;
import podium.event.TouchedCodec;

/**
 * A command sent with the version its sender saw conflicts only if a change since then touched
 * something it touches too: a delay on one session is no conflict with a notice posted meanwhile.
 * A conflict is refused with the current state of what it touches, so staff see what changed.
 */
final class Conflicts {

  /** More changes than this since the version seen: too many to compare, and surely stale. */
  static final int LOOK_BACK = 200;

  private Conflicts() {
  }

  static Future<Void> check(SqlClient tx, EventTable.EventRow row, Agenda agenda, List<Change> changes,
      CommandStore.Request request) {
    Long seen = request.expectedVersion();
    if (seen == null || seen == row.version()) {
      return Future.succeededFuture();
    }
    Future<Boolean> clash = seen > row.version() ? Future.succeededFuture(true)
        : ChangeLog.after(tx, row.id(), seen, LOOK_BACK).map(since -> {
          Set<String> mine = new java.util.HashSet<>();
          changes.forEach(c -> mine.addAll(c.touched().names()));
          return since.size() == LOOK_BACK || since.stream()
              .anyMatch(e -> e.change().touched().names().stream().anyMatch(mine::contains));
        });
    return clash.compose(yes -> !yes ? Future.succeededFuture() : Future.failedFuture(new CommandRejected(
        ErrorCode.STALE_VERSION, "someone changed this since version " + seen + " (it is at " + row.version()
            + " now): look at it as it is now, then try again",
        new JsonObject().put("current", TouchedCodec.encode(Before.of(agenda, changes.get(0).touched()).state(),
            Audience.of(request.role()))))));
  }

  /** Every stale refusal says which version the event is at. */
  static Throwable withVersion(Throwable e, long version) {
    if (e instanceof CommandRejected r && r.code() == ErrorCode.STALE_VERSION) {
      JsonObject details = r.details() == null ? new JsonObject() : r.details().copy();
      return new CommandRejected(r.code(), r.getMessage(), details.put("version", version));
    }
    return e;
  }
}
