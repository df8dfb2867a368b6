package podium.schedules;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import podium.interop.Revisions;
import podium.store.SessionRevisions;

/**
 * Each event's Revisions at the newest version asked for: read from the change log once, then
 * advanced by the changes since, so a new version costs one small query (not one per request,
 * nor a count over the whole log). The same on every node, since it is all read from PostgreSQL.
 */
final class RevisionBook {

  private record Entry(String epoch, long version, Revisions revisions) { }

  private final Pool pool;
  private final Map<Long, Future<Entry>> books = new ConcurrentHashMap<>();

  RevisionBook(Pool pool) {
    this.pool = pool;
  }

  Future<Revisions> at(long eventId, String epoch, long version) {
    Future<Entry> current = books.get(eventId);
    if (current != null && !current.isComplete()) {
      return current.transform(done -> at(eventId, epoch, version));
    }
    Entry known = current != null && current.succeeded() ? current.result() : null;
    if (known != null && known.epoch().equals(epoch) && known.version() == version) {
      return Future.succeededFuture(known.revisions());
    }
    boolean onwards = known != null && known.epoch().equals(epoch) && known.version() < version;
    Future<Entry> next = read(eventId, epoch, onwards ? known : null, version);
    if (known == null || onwards || !known.epoch().equals(epoch)) {
      books.put(eventId, next);
      next.onFailure(e -> books.remove(eventId, next));
    }
    return next.map(Entry::revisions);
  }

  /** from: the entry to advance, or null to read the whole log up to the version. */
  private Future<Entry> read(long eventId, String epoch, Entry from, long version) {
    Future<SessionRevisions.Touches> touches = SessionRevisions.touches(pool, eventId, from == null ? 0 : from.version(),
        version);
    Future<SessionRevisions.Replaces> replaces = SessionRevisions.replaces(pool, eventId, version);
    return Future.all(touches, replaces).map(v -> {
      Map<String, Integer> counts = new HashMap<>(from == null ? Map.of() : from.revisions().touches());
      Map<String, Instant> last = new HashMap<>(from == null ? Map.of() : from.revisions().touched());
      touches.result().counts().forEach((id, n) -> counts.merge(id, n, Integer::sum));
      touches.result().last().forEach((id, at) -> last.merge(id, at, (a, b) -> a.isAfter(b) ? a : b));
      SessionRevisions.Replaces r = replaces.result();
      return new Entry(epoch, version, new Revisions(counts, last, r.count(), r.last(), r.modified()));
    });
  }
}
