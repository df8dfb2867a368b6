package podium.imports;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import podium.store.Leader;
import podium.web.Feature;
import podium.web.Jobs;
import podium.web.Shared;

/**
 * The organiser's programme, brought in: a schedule file imported (and previewed first), or a
 * published schedule followed, each new release becoming ordinary changes (Follower, FollowSync).
 */
public final class Imports implements Feature {

  private static final long METRICS_MS = 10_000;

  private final Shared shared;
  private final boolean privateSources;
  private final FollowMetrics metrics;
  private FollowSync sync;
  private Jobs jobs;
  private String deployment;

  /** privateSources: whether a followed URL may point at a private or loopback address (PODIUM_FOLLOW_PRIVATE). */
  public Imports(Shared shared, boolean privateSources) {
    this.shared = shared;
    this.privateSources = privateSources;
    this.metrics = new FollowMetrics(shared.registry());
  }

  @Override
  public void mount(Router router, Vertx vertx) {
    new ImportApi(vertx, shared.pool(), shared.credentials()).mount(router);
    new FollowApi(vertx, shared.pool(), shared.states(), shared.credentials(), sync(vertx), privateSources).mount(router);
  }

  private synchronized FollowSync sync(Vertx vertx) {
    if (sync == null) {
      sync = new FollowSync(vertx, shared.pool(), shared.commands());
    }
    return sync;
  }

  @Override
  public Future<?> start(Vertx vertx) {
    jobs = new Jobs(vertx).every(METRICS_MS, () -> FollowTable.all(shared.pool()).onSuccess(metrics::show));
    return vertx.deployVerticle(new Follower(shared.pool(), new Leader(vertx, shared.connect(), shared.node(),
        Leader.Job.FOLLOW), sync(vertx), metrics, privateSources)).onSuccess(id -> deployment = id);
  }

  @Override
  public Future<?> stop(Vertx vertx) {
    Jobs.cancel(jobs);
    return deployment == null ? Future.succeededFuture() : vertx.undeploy(deployment);
  }
}
