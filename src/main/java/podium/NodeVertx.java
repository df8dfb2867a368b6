package podium;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.micrometer.Label;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;
import java.util.EnumSet;

/**
 * The Vert.x a hub node runs on: native transport, and Vert.x's own metrics (HTTP and TCP servers,
 * the database pool and its connections) in the node's registry, beside Podium's. Requests are
 * labelled by method, status and route template (never by path, which a client could vary without
 * end). With metrics off (PODIUM_METRICS=false, only to measure what they cost) there are none.
 */
public final class NodeVertx {

  private NodeVertx() {
  }

  public static Vertx create(boolean metrics, PrometheusMeterRegistry registry) {
    VertxOptions options = new VertxOptions().setPreferNativeTransport(true);
    if (!metrics) {
      return Vertx.builder().with(options).build();
    }
    options.setMetricsOptions(new MicrometerMetricsOptions().setEnabled(true)
        .setLabels(EnumSet.of(Label.HTTP_METHOD, Label.HTTP_CODE, Label.HTTP_ROUTE, Label.POOL_TYPE, Label.POOL_NAME)));
    return Vertx.builder().with(options).withMetrics(new MicrometerMetricsFactory(registry)).build();
  }

  /** PODIUM_METRICS: read from the environment only, since Vert.x must be built before the config is read. */
  public static boolean metricsWanted() {
    return !"false".equalsIgnoreCase(System.getenv().getOrDefault("PODIUM_METRICS", "true").trim());
  }
}
