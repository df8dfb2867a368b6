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
import java.util.concurrent.atomic.AtomicInteger;
import io.micrometer.core.instrument.Gauge;
import podium.live.AddressLimits;
import podium.live.ChangeFeed;
import podium.live.EventState;
import podium.live.EventStates;
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
   * limits, the WebSockets and hellos allowed per client address.
   */
  public record Options(int httpPort, int instances, String name, String webroot, int poolSize, WirePath wire,
      AddressLimits.Settings limits) {

    /** On the fast path, as by default. */
    public Options(int httpPort, int instances, String name, String webroot, int poolSize) {
      this(httpPort, instances, name, webroot, poolSize, WirePath.FAST);
    }

    /** With the default limits per address. */
    public Options(int httpPort, int instances, String name, String webroot, int poolSize, WirePath wire) {
      this(httpPort, instances, name, webroot, poolSize, wire, AddressLimits.Settings.DEFAULTS);
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
  private final List<HttpVerticle> servers;
  private volatile String feedDeployment;
  private volatile long keySweeper = -1;
  private volatile Future<Node> loading = Future.succeededFuture();

  private Node(Vertx vertx, Pool pool, EventStates states, ChangeFeed feed, CommandStore commands,
      PrometheusMeterRegistry registry, String http, WirePath wire, List<HttpVerticle> servers) {
    this.servers = servers;
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
    ChangeFeed feed = new ChangeFeed(pool, connect, states, credentials);
    CommandStore commands = new CommandStore(pool, Clock.systemUTC(), (eventId, version, epoch) -> {
      EventState state = states.byId(eventId);
      EventState.View view = state == null ? null : state.view();
      return view != null && view.version() == version && view.epoch().equals(epoch) ? view.agenda() : null;
    });
    PrometheusMeterRegistry registry = metrics == null ? new PrometheusMeterRegistry(PrometheusConfig.DEFAULT) : metrics;
    AtomicInteger sockets = registry.gauge("podium.sockets", new AtomicInteger());
    // Chosen (and any fallback logged) once for the node, and shared by its hubs.
    WirePath wire = WirePath.choose(options.wire());
    HttpVerticle.Shared shared = new HttpVerticle.Shared(pool, states, commands, credentials, feed::healthy, registry,
        options.name(), options.webroot(), options.httpPort(), sockets, new PairingLimit(), wire,
        new AddressLimits(options.limits()));
    DeploymentOptions http = new DeploymentOptions().setInstances(options.instances());
    List<HttpVerticle> servers = new CopyOnWriteArrayList<>();
    return vertx.deployVerticle(() -> {
      HttpVerticle server = new HttpVerticle(shared);
      servers.add(server);
      return server;
    }, http).map(httpId -> new Node(vertx, pool, states, feed, commands, registry, httpId, wire, servers));
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

  /** The HTTP routes this node serves (every instance serves the same). */
  public List<Route> routes() {
    return servers.get(0).routes();
  }

  /** Drains the sockets (each gets a reconnect frame), then stops the feed and the pool. */
  public Future<Void> stop() {
    // A stop during start-up waits for the load under way, so the feed never runs on a closed pool.
    return loading.transform(loaded -> {
      vertx.cancelTimer(keySweeper);
      return vertx.undeploy(httpDeployment);
    })
        .eventually(() -> feedDeployment == null ? Future.succeededFuture() : vertx.undeploy(feedDeployment))
        .eventually(() -> pool.close());
  }
}
