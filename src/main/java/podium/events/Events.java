package podium.events;

import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import podium.event.Audience;
import podium.event.Permission;
import podium.store.Holder;
import podium.web.Feature;
import podium.web.Shared;
import podium.web.StaffAuth;

/**
 * The events and their state: the public reads (snapshots from memory), the staff's, making events,
 * and the attendee page served with its event's state in it.
 */
public final class Events implements Feature {

  private final Shared shared;

  public Events(Shared shared) {
    this.shared = shared;
  }

  @Override
  public void mount(Router router, Vertx vertx) {
    StaffAuth auth = new StaffAuth(shared.credentials(), Permission.STAFF_VIEW);
    PublicApi publicApi = new PublicApi(shared.states());
    publicApi.mount(router);
    router.get("/api/staff/events/:slug").handler(auth).handler(ctx -> publicApi.snapshot(ctx,
        Audience.of(ctx.<Holder>get(StaffAuth.HOLDER).role())));
    new EventsApi(shared.pool(), shared.states(), shared.credentials()).mount(router);
    new AttendeePage(shared.states(), shared.webroot()).mount(router, vertx);
  }
}
