package podium.commands;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import podium.event.Catalogue;
import podium.event.Permission;
import podium.web.Feature;
import podium.web.Jobs;
import podium.web.Shared;
import podium.web.StaffAuth;

/** Staff commands: the one command route, the catalogue the pages read, and the change log (audit). */
public final class Commands implements Feature {

  private static final Buffer CATALOGUE = Buffer.buffer(Catalogue.describe().encode());

  private final Shared shared;
  private final CommandMetrics metrics;
  private Jobs jobs;

  public Commands(Shared shared) {
    this.shared = shared;
    this.metrics = new CommandMetrics(shared.registry());
  }

  @Override
  public void mount(Router router, Vertx vertx) {
    StaffAuth auth = new StaffAuth(shared.credentials(), Permission.STAFF_VIEW);
    new CommandApi(shared.commands(), auth, metrics).mount(router);
    // The roles and ranges the console shows, from the catalogue itself: the pages never guess them.
    router.get("/api/catalogue").handler(auth).handler(ctx -> ctx.response()
        .putHeader("Content-Type", "application/json").putHeader("Cache-Control", "no-cache").end(CATALOGUE));
    new AuditApi(shared.pool(), shared.states(), auth).mount(router);
  }

  /** Idempotency keys are kept for a day: older ones are forgotten every hour. */
  @Override
  public Future<?> start(Vertx vertx) {
    jobs = new Jobs(vertx).every(Jobs.HOUR_MS, shared.commands()::forgetOldKeys);
    return Future.succeededFuture();
  }

  @Override
  public Future<?> stop(Vertx vertx) {
    return Jobs.cancel(jobs);
  }
}
