package podium.outbound;

import io.micrometer.core.instrument.Gauge;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import podium.web.Feature;
import podium.web.Shared;

/** What leaves Podium on its own: webhooks (their routes, and the deliverer over the change log). */
public final class Outbound implements Feature {

  private final Shared shared;
  private final WebhookSettings settings;
  private final WebhookDeliverer webhooks;
  private String deployment;

  public Outbound(Shared shared, WebhookSettings settings) {
    this.shared = shared;
    this.settings = settings;
    this.webhooks = new WebhookDeliverer(shared.connect(), shared.states(), settings, shared.node());
    Gauge.builder("podium.webhook.outbox.depth", webhooks, WebhookDeliverer::backlog)
        .description("versions after the cursor of every active webhook endpoint").register(shared.registry());
  }

  @Override
  public void mount(Router router, Vertx vertx) {
    new WebhookApi(vertx, shared.pool(), shared.states(), shared.credentials(), settings).mount(router);
  }

  @Override
  public Future<?> start(Vertx vertx) {
    return vertx.deployVerticle(webhooks).onSuccess(id -> deployment = id);
  }

  @Override
  public Future<?> stop(Vertx vertx) {
    return deployment == null ? Future.succeededFuture() : vertx.undeploy(deployment);
  }
}
