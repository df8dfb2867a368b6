package podium;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import io.micrometer.core.instrument.Gauge;
import podium.live.ChangeFeed;
import podium.live.EventState;
import podium.live.EventStates;
import podium.live.LiveMetrics;
import podium.live.WirePath;
import podium.store.CommandStore;
import podium.store.Credentials;
import podium.store.Database;
import podium.store.LoginFailures;
import podium.store.ScreenTable;
import podium.store.StaffSessions;
import podium.web.HttpVerticle;
import podium.web.PairingLimit;

/** One hub node: a pool, one change feed, and an HTTP server instance per event loop. */
public final class Node {

  /**
   * How a node is set up; wire is the path asked for (PODIUM_WIRE), which a probe may overrule;
   * counting: whether the hubs count frames for /metrics (PODIUM_METRICS; off only to measure them);
   * behindProxy: whether to take the client's address from X-Forwarded-For (PODIUM_BEHIND_PROXY).
   */
  public record Options(int httpPort, int instances, String name, String webroot, int poolSize, WirePath wire,
      boolean counting, boolean behindProxy) {

    /** On the fast path, as by default. */
    public Options(int httpPort, int instances, String name, String webroot, int poolSize) {
      this(httpPort, instances, name, webroot, poolSize, WirePath.FAST);
    }

    public Options(int httpPort, int instances, String name, String webroot, int poolSize, WirePath wire) {
      this(httpPort, instances, name, webroot, poolSize, wire, true, false);
    }
  }

  private static final long HOUR_MS = 3_600_000;

  private final Vertx vertx;
  private final Pool pool;
  private final EventStates states;
  private final ChangeFeed feed;
  private final CommandStore commands;
  private final PrometheusMeterRegistry registry;
  private final String httpDeployment;
  private final WirePath wire;
  private final AtomicBoolean draining;
  private volatile String feedDeployment;
  private volatile long keySweeper = -1;
  private volatile Future<Node> loading = Future.succeededFuture();

  private Node(Vertx vertx, Pool pool, EventStates states, ChangeFeed feed, CommandStore commands,
      PrometheusMeterRegistry registry, String http, WirePath wire, AtomicBoolean draining) {
    this.draining = draining;
    this.vertx = vertx;
    this.pool = pool;
    this.states = states;
    this.feed = feed;
    this.commands = commands;
    this.registry = registry;
    this.httpDeployment = http;
    this.wire = wire;
  }

  /** Listens and loads: a node that serves. */
  public static Future<Node> start(Vertx vertx, PgConnectOptions db, Options options,
      PrometheusMeterRegistry metrics) {
    return listen(vertx, db, options, metrics).compose(Node::load);
  }

  /**
   * Binds the port before anything reads the database: sockets that arrive meanwhile are held
   * (their hellos answered after load), and the API answers 503 starting. A restarted node thus
   * stops refusing connections within a moment of its JVM starting.
   */
  public static Future<Node> listen(Vertx vertx, PgConnectOptions db, Options options,
      PrometheusMeterRegistry metrics) {
    PgConnectOptions connect = Database.resilient(db);
    Pool pool = Database.pool(vertx, connect, options.poolSize(), "podium-" + options.name());
    EventStates states = new EventStates();
    Credentials credentials = new Credentials(pool);
    PrometheusMeterRegistry registry = metrics == null ? new PrometheusMeterRegistry(PrometheusConfig.DEFAULT) : metrics;
    LiveMetrics live = new LiveMetrics(registry, options.counting());
    ChangeFeed feed = new ChangeFeed(pool, connect, states, credentials, live);
    CommandStore commands = new CommandStore(pool, Clock.systemUTC(), (eventId, version, epoch) -> {
      EventState state = states.byId(eventId);
      EventState.View view = state == null ? null : state.view();
      return view != null && view.version() == version && view.epoch().equals(epoch) ? view.agenda() : null;
    });
    AtomicInteger sockets = registry.gauge("podium.sockets", new AtomicInteger());
    Gauge.builder("podium.db.pool.size", pool, Pool::size).description("open connections of this node's pool")
        .register(registry);
    AtomicBoolean draining = new AtomicBoolean();
    // Chosen (and any fallback logged) once for the node, and shared by its hubs.
    WirePath wire = WirePath.choose(options.wire());
    HttpVerticle.Shared shared = new HttpVerticle.Shared(pool, states, commands, credentials, feed::healthy, registry,
        options.name(), options.webroot(), options.httpPort(), sockets, new PairingLimit(), wire, live, draining::get,
        options.behindProxy());
    DeploymentOptions http = new DeploymentOptions().setInstances(options.instances());
    return vertx.deployVerticle(() -> new HttpVerticle(shared), http)
        .map(httpId -> new Node(vertx, pool, states, feed, commands, registry, httpId, wire, draining));
  }

  /** Loads every event (the schema must be migrated by now) and starts following changes. */
  public Future<Node> load() {
    loading = vertx.deployVerticle(feed).map(feedId -> {
      feedDeployment = feedId;
      for (EventState e : states.all()) {
        Gauge.builder("podium.event.version", states,
                s -> s.byId(e.id()) == null ? 0 : s.byId(e.id()).view().version())
            .tag("event", e.slug()).register(registry);
      }
      keySweeper = vertx.setPeriodic(HOUR_MS, t -> {
        commands.forgetOldKeys();
        ScreenTable.forgetUnpaired(pool);
        StaffSessions.forgetOld(pool);
        LoginFailures.forgetOld(pool);
      });
      return this;
    });
    return loading;
  }

  public EventStates states() {
    return states;
  }

  public Pool pool() {
    return pool;
  }

  /** The path this node's sockets are written on: the one asked for, or PLAIN after a failed probe. */
  public WirePath wire() {
    return wire;
  }

  /** The node's meter registry, which GET /metrics serves. */
  public PrometheusMeterRegistry metrics() {
    return registry;
  }

  /**
   * The hook for the webhook outbox: its deliverer reports how many deliveries wait, as the gauge
   * podium_webhook_outbox_depth. Call once per node.
   */
  public void reportOutboxDepth(LongSupplier depth) {
    Gauge.builder("podium.webhook.outbox.depth", depth, d -> d.getAsLong())
        .description("webhook deliveries waiting in the outbox").register(registry);
  }

  /** Drains the sockets (each gets a reconnect frame), then stops the feed and the pool; not ready from here on. */
  public Future<Void> stop() {
    draining.set(true);
    // A stop during start-up waits for the load under way, so the feed never runs on a closed pool.
    return loading.transform(loaded -> {
      vertx.cancelTimer(keySweeper);
      return vertx.undeploy(httpDeployment);
    })
        .eventually(() -> feedDeployment == null ? Future.succeededFuture() : vertx.undeploy(feedDeployment))
        .eventually(() -> pool.close());
  }
}
