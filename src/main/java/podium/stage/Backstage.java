package podium.stage;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import podium.store.Leader;
import podium.web.Feature;
import podium.web.Shared;

/**
 * The stage: the speaker timer's state (its commands are in the catalogue: stage.*), running late
 * computed live and published by the node that leads (LateClock), the control surface for a stage
 * manager's buttons, and the as-run report after the day.
 */
public final class Backstage implements Feature {

  private final Shared shared;
  private String deployment;

  public Backstage(Shared shared) {
    this.shared = shared;
  }

  @Override
  public void mount(Router router, Vertx vertx) {
  }

  @Override
  public Future<?> start(Vertx vertx) {
    return vertx.deployVerticle(new LateClock(shared.states(), shared.commands(),
        new Leader(vertx, shared.connect(), shared.node(), Leader.Job.STAGE))).onSuccess(id -> deployment = id);
  }

  @Override
  public Future<?> stop(Vertx vertx) {
    return deployment == null ? Future.succeededFuture() : vertx.undeploy(deployment);
  }
}
