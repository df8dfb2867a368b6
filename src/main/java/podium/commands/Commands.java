package podium.commands;

import io.netty.channel.DefaultEventLoop;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.internal.VertxInternal;
import io.vertx.ext.web.Router;
import java.util.concurrent.TimeUnit;
import podium.event.Catalogue;
import podium.event.Permission;
import podium.web.Feature;
import podium.web.Jobs;
import podium.web.Shared;
import podium.web.StaffAuth;

/**
 * Staff commands: the one command route, the catalogue the pages read, and the change log (audit).
 * A command runs on a desk of its own (one thread, no sockets) from its request to its answer:
 * its round trips to PostgreSQL come back there, not to a loop that may be fanning out its own
 * change to thousands of sockets, so a staff member's delay waits for no fan-out slice but the one
 * in progress when its answer is written.
 */
public final class Commands implements Feature {

  private static final Buffer CATALOGUE = Buffer.buffer(Catalogue.describe().encode());

  private final Shared shared;
  private final CommandMetrics metrics;
  private Jobs jobs;
  private DefaultEventLoop deskLoop;
  private Context desk;

  public Commands(Shared shared) {
    this.shared = shared;
    this.metrics = new CommandMetrics(shared.registry());
  }

  @Override
  public void mount(Router router, Vertx vertx) {
    StaffAuth auth = new StaffAuth(shared.credentials(), Permission.STAFF_VIEW);
    new CommandApi(shared.commands(), auth, metrics, desk(vertx)).mount(router);
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
    synchronized (this) {
      if (deskLoop != null) {
        deskLoop.shutdownGracefully(0, 1, TimeUnit.SECONDS);
      }
    }
    return Jobs.cancel(jobs);
  }

  /** One desk for the node, made by whichever of its loops mounts first. */
  private synchronized Context desk(Vertx vertx) {
    if (desk == null) {
      deskLoop = new DefaultEventLoop(new DefaultThreadFactory("podium-commands", true));
      desk = ((VertxInternal) vertx).contextBuilder().withEventLoop(deskLoop).build();
    }
    return desk;
  }
}
