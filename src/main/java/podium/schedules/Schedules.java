package podium.schedules;

import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import podium.web.Feature;
import podium.web.Shared;

/** Schedules out: the live exports (schedule.json, schedule.xml, iCalendar) of every event. */
public final class Schedules implements Feature {

  private final Shared shared;
  private final Interop interop;

  public Schedules(Shared shared, PublicUrl publicUrl) {
    this.shared = shared;
    this.interop = new Interop(shared.pool(), publicUrl);
  }

  @Override
  public void mount(Router router, Vertx vertx) {
    new ExportApi(vertx, shared.states(), interop, shared.port()).mount(router);
  }
}
