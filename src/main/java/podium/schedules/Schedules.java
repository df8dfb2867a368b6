package podium.schedules;

import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import podium.web.Feature;
import podium.web.Shared;

/** Schedules in and out: imports (frab/C3VOC, pretalx, Podium documents) and the live exports. */
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
    new ImportApi(vertx, shared.pool(), shared.credentials()).mount(router);
  }
}
