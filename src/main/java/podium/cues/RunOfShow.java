package podium.cues;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import podium.store.Leader;
import podium.web.Feature;
import podium.web.Shared;

/** The run of show: cues fired on their event's clock by the one node that leads (the routes are commands). */
public final class RunOfShow implements Feature {

  private final Shared shared;
  private String deployment;

  public RunOfShow(Shared shared) {
    this.shared = shared;
  }

  @Override
  public void mount(Router router, Vertx vertx) {
  }

  @Override
  public Future<?> start(Vertx vertx) {
    return vertx.deployVerticle(new CueClock(shared.states(), shared.commands(),
        new Leader(vertx, shared.connect(), shared.node(), Leader.Job.CUES))).onSuccess(id -> deployment = id);
  }

  @Override
  public Future<?> stop(Vertx vertx) {
    return deployment == null ? Future.succeededFuture() : vertx.undeploy(deployment);
  }
}
