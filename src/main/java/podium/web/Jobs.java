package podium.web;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.List;

/** A feature's periodic jobs, cancelled together when it stops. */
public final class Jobs {

  public static final long SECOND_MS = 1_000;
  public static final long HOUR_MS = 3_600_000;

  private final Vertx vertx;
  private final List<Long> timers = new ArrayList<>();

  public Jobs(Vertx vertx) {
    this.vertx = vertx;
  }

  public Jobs every(long ms, Runnable job) {
    timers.add(vertx.setPeriodic(ms, t -> job.run()));
    return this;
  }

  public void cancel() {
    timers.forEach(vertx::cancelTimer);
    timers.clear();
  }

  /** A feature's stop: its jobs cancelled, if it started any. */
  public static Future<?> cancel(Jobs jobs) {
    if (jobs != null) {
      jobs.cancel();
    }
    return Future.succeededFuture();
  }
}
