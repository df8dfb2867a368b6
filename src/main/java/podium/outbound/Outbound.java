package podium.outbound;

import io.micrometer.core.instrument.Gauge;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import java.util.ArrayList;
import java.util.List;
import podium.web.Feature;
import podium.web.Jobs;
import podium.web.PerMinute;
import podium.web.Shared;

/**
 * What leaves Podium on its own, from one outbox (cursors over the change log, one sender per
 * change across nodes): webhooks, and Web Push to the phones that starred a session.
 */
public final class Outbound implements Feature {

  private final Shared shared;
  private final WebhookSettings settings;
  private final PushSettings pushSettings;
  private final WebhookDeliverer webhooks;
  private final PushDeliverer push;
  /** Phones subscribing from one address (a venue's NAT): a minute's worth for a hall that stars at once. */
  private final PerMinute subscriptions = new PerMinute(600);
  private final List<String> deployments = new ArrayList<>();

  public Outbound(Shared shared, WebhookSettings settings, PushSettings pushSettings) {
    this.shared = shared;
    this.settings = settings;
    this.pushSettings = pushSettings;
    this.webhooks = new WebhookDeliverer(shared.connect(), shared.states(), settings, shared.node());
    this.push = new PushDeliverer(shared.connect(), shared.states(), pushSettings, shared.node(),
        new PushMetrics(shared.registry()), shared.live().metrics()::fanningOut);
    Gauge.builder("podium.webhook.outbox.depth", webhooks, WebhookDeliverer::backlog)
        .description("versions after the cursor of every active webhook endpoint").register(shared.registry());
  }

  @Override
  public void mount(Router router, Vertx vertx) {
    new WebhookApi(vertx, shared.pool(), shared.states(), shared.credentials(), settings).mount(router);
    new PushApi(vertx, shared.pool(), shared.states(), pushSettings, push::applicationServerKey, subscriptions)
        .mount(router);
  }

  /** Each deliverer on an event loop of its own: a burst of pushes never waits on, nor holds, the fan-out. */
  @Override
  public Future<?> start(Vertx vertx) {
    return vertx.deployVerticle(webhooks).onSuccess(deployments::add)
        .compose(v -> vertx.deployVerticle(push)).onSuccess(deployments::add)
        .compose(v -> {
          // Subscriptions end some days after their event's last day: nothing personal is kept longer.
          vertx.setPeriodic(Jobs.HOUR_MS, t -> PushSubscriptions.forgetEnded(shared.pool(), KEEP_DAYS));
          return Future.succeededFuture();
        });
  }

  @Override
  public Future<?> stop(Vertx vertx) {
    Future<?> chain = Future.succeededFuture();
    for (String id : deployments) {
      chain = chain.eventually(() -> vertx.undeploy(id));
    }
    return chain;
  }

  /** Days after an event's last day that its phones' subscriptions are kept. */
  static final int KEEP_DAYS = 7;
}
