package podium.screens;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import podium.event.Permission;
import podium.store.DeliveryReports;
import podium.store.ScreenTable;
import podium.web.Feature;
import podium.web.PerMinute;
import podium.web.Jobs;
import podium.web.Shared;
import podium.web.StaffAuth;

/**
 * Venue screens and delivery: pairing, the fleet with its presence, and the delivery report of
 * what screens and phones have applied.
 */
public final class Screens implements Feature {

  private final Shared shared;
  /** A venue has a few hundred screens: ten new pairing codes a minute from one address is plenty. */
  private final PerMinute pairing = new PerMinute(10);
  private Jobs jobs;

  public Screens(Shared shared) {
    this.shared = shared;
  }

  @Override
  public void mount(Router router, Vertx vertx) {
    StaffAuth auth = new StaffAuth(shared.credentials(), Permission.STAFF_VIEW);
    new ScreenApi(shared.pool(), shared.states(), auth, pairing).mount(router);
    new DeliveryApi(shared.pool(), shared.states(), auth).mount(router);
  }

  /**
   * What this node's clients acknowledged goes to PostgreSQL once a second, for the delivery
   * report; old reports and screens never paired are forgotten every hour.
   */
  @Override
  public Future<?> start(Vertx vertx) {
    jobs = new Jobs(vertx)
        .every(Jobs.SECOND_MS, () -> DeliveryReports.write(shared.pool(), shared.node(),
            shared.live().deliveries().drain()))
        .every(Jobs.HOUR_MS, () -> {
          DeliveryReports.forgetOld(shared.pool());
          ScreenTable.forgetUnpaired(shared.pool());
        });
    return Future.succeededFuture();
  }

  @Override
  public Future<?> stop(Vertx vertx) {
    return Jobs.cancel(jobs);
  }
}
