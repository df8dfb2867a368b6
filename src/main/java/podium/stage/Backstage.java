package podium.stage;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import java.util.ArrayList;
import java.util.List;
import podium.control.OscListener;
import podium.control.OscSettings;
import podium.control.StageDesk;
import podium.event.Permission;
import podium.live.EventState;
import podium.store.Leader;
import podium.store.Presses;
import podium.web.Feature;
import podium.web.Jobs;
import podium.web.Shared;
import podium.web.StaffAuth;

/**
 * The stage: the speaker timer's state (its commands are in the catalogue: stage.*), running late
 * computed live and published by the node that leads (LateClock), the control surface for a stage
 * manager's buttons (Companion over HTTP, and the OSC listener when it is configured: both press
 * through one stage desk), and the as-run report after the day.
 *
 * <p>The OSC listener is started here rather than by Node: it lives and dies with the stage (after
 * the events are loaded, stopped before the pool closes), and shares the HTTP surface's desk, its
 * repeat window and its meters; podium.control is a layer below the features, so no feature knows
 * another.
 */
public final class Backstage implements Feature {

  private final Shared shared;
  private final OscSettings osc;
  private final StageDesk desk;
  private final List<String> deployments = new ArrayList<>();
  private Jobs jobs;

  public Backstage(Shared shared, OscSettings osc) {
    this.shared = shared;
    this.osc = osc;
    this.desk = new StageDesk(shared.pool(), shared.commands(), slug -> {
      EventState state = shared.states().bySlug(slug);
      return state == null ? null : state.view().agenda();
    }, shared.registry());
  }

  @Override
  public void mount(Router router, Vertx vertx) {
    StaffAuth auth = new StaffAuth(shared.credentials(), Permission.STAFF_VIEW);
    new ControlApi(desk, auth).mount(router);
    new StageBoard(shared.states()).mount(router, auth);
    new AsRunApi(shared.pool(), shared.states()).mount(router, auth);
  }

  /** Press windows last a second; their rows are dropped after a day, every hour. */
  @Override
  public Future<?> start(Vertx vertx) {
    jobs = new Jobs(vertx).every(Jobs.HOUR_MS, () -> Presses.forgetOlderThanADay(shared.pool()));
    Future<?> late = deploy(vertx, new LateClock(shared.states(), shared.commands(),
        new Leader(vertx, shared.connect(), shared.node(), Leader.Job.STAGE)));
    return osc.on() ? late.compose(v -> deploy(vertx, new OscListener(osc, desk, shared.registry()))) : late;
  }

  private Future<String> deploy(Vertx vertx, io.vertx.core.Deployable verticle) {
    return vertx.deployVerticle(verticle).onSuccess(deployments::add);
  }

  @Override
  public Future<?> stop(Vertx vertx) {
    Jobs.cancel(jobs);
    Future<?> chain = Future.succeededFuture();
    for (String id : deployments) {
      chain = chain.eventually(() -> vertx.undeploy(id));
    }
    deployments.clear();
    return chain;
  }
}
