package podium.imports;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.buffer.Buffer;
import io.vertx.sqlclient.Pool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import podium.interop.ScheduleReader;
import podium.interop.ScheduleRefused;
import podium.store.Hashes;
import podium.store.Leader;

/**
 * Polls followed schedules: once a second the node that leads takes the follows that are due and
 * reads each (a conditional GET); a release it has not seen is kept, and applied at once unless
 * the follow waits for staff approval. A failure is kept for the console and /metrics, and the
 * next poll put off: the shorter of the interval and a minute, doubling with each failure in a
 * row, up to the longer of the interval and an hour.
 */
final class Follower extends VerticleBase {

  static final long TICK_MS = 1_000;
  private static final int PER_TICK = 4;
  private static final Logger LOG = LoggerFactory.getLogger(Follower.class);

  private final Pool pool;
  private final Leader leader;
  private final FollowSync sync;
  private final FollowMetrics metrics;
  private final boolean privateSources;
  private SourceFetch fetch;
  private boolean busy;
  private long timer;

  Follower(Pool pool, Leader leader, FollowSync sync, FollowMetrics metrics, boolean privateSources) {
    this.pool = pool;
    this.leader = leader;
    this.sync = sync;
    this.metrics = metrics;
    this.privateSources = privateSources;
  }

  @Override
  public Future<?> start() {
    fetch = new SourceFetch(vertx, privateSources);
    timer = leader.every(TICK_MS, () -> {
      if (!busy) {
        busy = true;
        FollowTable.due(pool, PER_TICK).compose(this::pollAll).onComplete(done -> busy = false);
      }
    });
    return Future.succeededFuture();
  }

  @Override
  public Future<?> stop() {
    vertx.cancelTimer(timer);
    return Future.join(fetch.close(), leader.close());
  }

  private Future<?> pollAll(java.util.List<FollowTable.Follow> due) {
    Future<?> chain = Future.succeededFuture();
    for (FollowTable.Follow f : due) {
      chain = chain.transform(v -> poll(f));
    }
    return chain;
  }

  /** One poll of one follow, whatever happens recorded on its row. */
  Future<Void> poll(FollowTable.Follow f) {
    return fetch.get(f.url(), f.etag(), f.lastModified()).<Void>compose(fetched -> {
      if (fetched.notModified()) {
        metrics.polled("not_modified");
        return FollowTable.polled(pool, f.eventId(), fetched, null).compose(v -> catchUp(f)).mapEmpty();
      }
      String hash = Hashes.sha256(fetched.body().getBytes());
      if (hash.equals(f.bodyHash())) {
        metrics.polled("unchanged");
        return FollowTable.polled(pool, f.eventId(), new SourceFetch.Fetched(false, null, fetched.etag(),
            fetched.lastModified(), fetched.url()), null).compose(v -> catchUp(f)).mapEmpty();
      }
      // A release that is not a schedule is refused whole: the one before stays.
      return vertx.executeBlocking(() -> ScheduleReader.parse(fetched.body().getBytes()), false)
          .compose(parsed -> FollowTable.polled(pool, f.eventId(), fetched, hash))
          .compose(v -> {
            metrics.polled("release");
            return f.approves() ? Future.succeededFuture() : apply(f, fetched.body(), hash);
          }).mapEmpty();
    }).recover(e -> failed(f, e));
  }

  /** A release kept but not applied (an apply that failed) is applied on the next poll. */
  private Future<?> catchUp(FollowTable.Follow f) {
    if (f.approves() || !f.behind()) {
      return Future.succeededFuture();
    }
    return FollowTable.body(pool, f.eventId()).compose(body -> body == null ? Future.succeededFuture()
        : apply(f, body, f.bodyHash()));
  }

  private Future<?> apply(FollowTable.Follow f, Buffer body, String hash) {
    return sync.apply(f.slug(), body, hash).onSuccess(n -> {
      if (n > 0) {
        LOG.info("{}: a new release of {} made {} changes", f.slug(), f.url(), n);
      }
    });
  }

  private Future<Void> failed(FollowTable.Follow f, Throwable e) {
    metrics.polled("failed");
    String error = e instanceof ScheduleRefused refused ? "the release is not a schedule Podium can read: "
        + refused.getMessage() : e.getMessage() == null ? e.toString() : e.getMessage();
    LOG.warn("{}: following {} failed ({} in a row): {}", f.slug(), f.url(), f.failures() + 1, error);
    return FollowTable.failed(pool, f.eventId(), error, retryIn(f.failures(), f.intervalSeconds()));
  }

  /** Seconds to the next poll after a failure, given the failures in a row before it. */
  static long retryIn(int failuresBefore, int intervalSeconds) {
    long first = Math.min(intervalSeconds, 60);
    long longest = Math.max(intervalSeconds, 3_600);
    return Math.min(longest, first << Math.min(failuresBefore, 20));
  }
}
