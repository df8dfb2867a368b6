package podium;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.ext.web.Route;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import podium.live.AddressLimits;
import podium.live.Backpressure;
import podium.live.Hub;
import podium.live.ChangeFeed;
import podium.live.CueClock;
import podium.live.Deliveries;
import podium.live.EventState;
import podium.live.EventStates;
import podium.live.LiveMetrics;
import podium.live.WirePath;
import podium.store.CommandStore;
import podium.store.CueLeader;
import podium.store.Credentials;
import podium.store.Database;
import podium.store.DeliveryReports;
import podium.store.LoginFailures;
import podium.store.Passwords;
import podium.store.ScreenTable;
import podium.store.StaffSessions;
import podium.web.HttpVerticle;
import podium.web.Interop;
import podium.web.InteropSettings;
import podium.web.WebhookDeliverer;
import podium.web.PairingLimit;

/** One hub node: a pool, one change feed, and an HTTP server instance per event loop. */
public final class Node {

  /**
   * How a node is set up; wire is the path asked for (PODIUM_WIRE), which a probe may overrule;
   * interop: its exports' public address and its webhooks' rules; counting: whether the hubs count
   * frames for /metrics (PODIUM_METRICS; off only to measure what counting costs); behindProxy:
   * whether the client's address comes from X-Forwarded-For (PODIUM_BEHIND_PROXY); limits, the WebSockets
   * and hellos allowed per client address; backpressure: what may wait for one socket, and for how long;
   * webroot: a folder of pages to serve, or null for the copy inside the jar (PODIUM_WEBROOT).
   */
  public record Options(int httpPort, int instances, String name, String webroot, int poolSize, WirePath wire,
      InteropSettings interop, boolean counting, boolean behindProxy,
      AddressLimits.Settings limits, Backpressure backpressure) {

    /** With the default backpressure. */
    public Options(int httpPort, int instances, String name, String webroot, int poolSize, WirePath wire,
        InteropSettings interop, boolean counting, boolean behindProxy, AddressLimits.Settings limits) {
      this(httpPort, instances, name, webroot, poolSize, wire, interop, counting, behindProxy, limits,
          Backpressure.DEFAULTS);
    }

    /** On the fast path, as by default. */
    public Options(int httpPort, int instances, String name, String webroot, int poolSize) {
      this(httpPort, instances, name, webroot, poolSize, WirePath.FAST);
    }

    public Options(int httpPort, int instances, String name, String webroot, int poolSize, WirePath wire) {
      this(httpPort, instances, name, webroot, poolSize, wire, InteropSettings.DEFAULTS);
    }

    /** Metered, not behind a proxy, with the default limits per address. */
    public Options(int httpPort, int instances, String name, String webroot, int poolSize, WirePath wire,
        InteropSettings interop) {
      this(httpPort, instances, name, webroot, poolSize, wire, interop, true, false, AddressLimits.Settings.DEFAULTS);
    }
  }

  private static final long HOUR_MS = 3_600_000;
  private static final long REPORT_MS = 1_000;

  private final Vertx vertx;
  private final Pool pool;
  private final EventStates states;
  private final ChangeFeed feed;
  private final CommandStore commands;
  private final PrometheusMeterRegistry registry;
  private final String httpDeployment;
  private final WirePath wire;
  private final List<HttpVerticle> servers;
  private final WebhookDeliverer webhooks;
  private final AtomicBoolean draining;
  private volatile String feedDeployment;
  private volatile String cueDeployment;
  private final PgConnectOptions connect;
  private final Deliveries deliveries;
  private final String name;
  private volatile long reporter = -1;
  private volatile String webhookDeployment;
  private volatile long keySweeper = -1;
  private volatile Future<Node> loading = Future.succeededFuture();

  private Node(Vertx vertx, Pool pool, EventStates states, ChangeFeed feed, CommandStore commands,
      PrometheusMeterRegistry registry, String http, WirePath wire, PgConnectOptions connect, Deliveries deliveries,
      String name, WebhookDeliverer webhooks, AtomicBoolean draining, List<HttpVerticle> servers) {
    this.draining = draining;
    this.servers = servers;
    reportOutboxDepth(webhooks::backlog, registry);
    this.connect = connect;
    this.deliveries = deliveries;
    this.name = name;
    this.vertx = vertx;
    this.pool = pool;
    this.states = states;
    this.feed = feed;
    this.commands = commands;
    this.registry = registry;
    this.httpDeployment = http;
    this.wire = wire;
    this.webhooks = webhooks;
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
    FunctionCounter.builder("podium.password.hashes", Passwords.class, c -> Passwords.hashes())
        .description("PBKDF2 password hashes run in this process: new passwords and passwords checked")
        .register(registry);
    AtomicBoolean draining = new AtomicBoolean();
    // Chosen (and any fallback logged) once for the node, and shared by its hubs.
    WirePath wire = WirePath.choose(options.wire());
    Deliveries deliveries = new Deliveries(states);
    Hub.Shared hub = new Hub.Shared(states, pool, credentials, options.name(), sockets, wire, deliveries, live,
        new AddressLimits(options.limits(), options.behindProxy()), options.backpressure());
    HttpVerticle.Shared shared = new HttpVerticle.Shared(hub, commands, feed::healthy, registry, options.webroot(),
        options.httpPort(), new PairingLimit(), new Interop(pool, options.interop()), draining::get,
        options.behindProxy());
    DeploymentOptions http = new DeploymentOptions().setInstances(options.instances());
    List<HttpVerticle> servers = new CopyOnWriteArrayList<>();
    return vertx.deployVerticle(() -> {
      HttpVerticle server = new HttpVerticle(shared);
      servers.add(server);
      return server;
    }, http).map(httpId -> new Node(vertx, pool, states, feed, commands, registry, httpId, wire, connect, deliveries,
        options.name(), new WebhookDeliverer(connect, states, options.interop(), options.name()), draining, servers));
  }

  /** Loads every event (the schema must be migrated by now) and starts following changes. */
  public Future<Node> load() {
    loading = vertx.deployVerticle(feed).compose(feedId -> {
      feedDeployment = feedId;
      return vertx.deployVerticle(new CueClock(states, commands, new CueLeader(vertx, connect, name)));
    }).compose(cueId -> {
      cueDeployment = cueId;
      return vertx.deployVerticle(webhooks);
    }).map(webhookId -> {
      webhookDeployment = webhookId;
      for (EventState e : states.all()) {
        Gauge.builder("podium.event.version", states,
                s -> s.byId(e.id()) == null ? 0 : s.byId(e.id()).view().version())
            .tag("event", e.slug()).register(registry);
      }
      // What this node's clients acknowledged, once a second, for the console's delivery report.
      reporter = vertx.setPeriodic(REPORT_MS, t -> DeliveryReports.write(pool, name, deliveries.drain()));
      keySweeper = vertx.setPeriodic(HOUR_MS, t -> {
        DeliveryReports.forgetOld(pool);
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

  /** The HTTP routes this node serves (every instance serves the same). */
  public List<Route> routes() {
    return servers.get(0).routes();
  }

  /** The node's meter registry, which GET /metrics serves. */
  public PrometheusMeterRegistry metrics() {
    return registry;
  }

  /** The webhook outbox's depth, as its deliverer last counted it (once a second). */
  private static void reportOutboxDepth(LongSupplier depth, PrometheusMeterRegistry registry) {
    Gauge.builder("podium.webhook.outbox.depth", depth, d -> d.getAsLong())
        .description("versions after the cursor of every active webhook endpoint").register(registry);
  }

  /** Drains the sockets (each gets a reconnect frame), then stops the feed and the pool; not ready from here on. */
  public Future<Void> stop() {
    draining.set(true);
    // A stop during start-up waits for the load under way, so the feed never runs on a closed pool.
    return loading.transform(loaded -> {
      vertx.cancelTimer(keySweeper);
      vertx.cancelTimer(reporter);
      return vertx.undeploy(httpDeployment);
    })
        .eventually(() -> webhookDeployment == null ? Future.succeededFuture() : vertx.undeploy(webhookDeployment))
        .eventually(() -> cueDeployment == null ? Future.succeededFuture() : vertx.undeploy(cueDeployment))
        .eventually(() -> feedDeployment == null ? Future.succeededFuture() : vertx.undeploy(feedDeployment))
        .eventually(() -> pool.close());
  }
}
