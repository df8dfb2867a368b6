package podium;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Route;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import podium.commands.Commands;
import podium.control.OscSettings;
import podium.cues.RunOfShow;
import podium.events.Events;
import podium.imports.Imports;
import podium.live.AddressLimits;
import podium.live.Backpressure;
import podium.live.ChangeFeed;
import podium.live.Deliveries;
import podium.live.EventState;
import podium.live.EventStates;
import podium.live.Hub;
import podium.live.LiveMetrics;
import podium.live.WirePath;
import podium.outbound.Outbound;
import podium.outbound.PushSettings;
import podium.outbound.WebhookSettings;
import podium.schedules.PublicUrl;
import podium.schedules.Schedules;
import podium.screens.Screens;
import podium.stage.Backstage;
import podium.staff.StaffAccess;
import podium.store.CommandStore;
import podium.store.Credentials;
import podium.store.Database;
import podium.web.Feature;
import podium.web.HttpVerticle;
import podium.web.Shared;

/**
 * One hub node: what every feature shares (the live side and the store side, made once), the
 * features, and an HTTP server instance per event loop that mounts them all.
 */
public final class Node {

  /**
   * How a node is set up. wire: the path asked for (PODIUM_WIRE), which a probe may overrule;
   * webroot: a folder of pages to serve, or null for the copy inside the jar (PODIUM_WEBROOT);
   * publicUrl: the exports' public address (PODIUM_PUBLIC_URL, null for localhost); webhooks: their
   * rules; push: Web Push's (its VAPID subject, private endpoints for tests, its rate); counting:
   * whether the hubs count frames for /metrics (PODIUM_METRICS; off only to measure what counting
   * costs); behindProxy: whether the client's address comes from X-Forwarded-For
   * (PODIUM_BEHIND_PROXY); limits: the WebSockets and hellos allowed per client address;
   * backpressure: what may wait for one socket, and for how long; osc: the stage's OSC listener
   * (off unless PODIUM_OSC_PORT is set); followPrivate: whether a followed schedule may be read
   * from a private address (PODIUM_FOLLOW_PRIVATE).
   */
  public record Options(int httpPort, int instances, String name, String webroot, int poolSize, WirePath wire,
      String publicUrl, WebhookSettings webhooks, PushSettings push, boolean counting, boolean behindProxy,
      AddressLimits.Settings limits, Backpressure backpressure, OscSettings osc, boolean followPrivate) {

    /** On the fast path, with every other setting at its default. */
    public Options(int httpPort, int instances, String name, String webroot, int poolSize) {
      this(httpPort, instances, name, webroot, poolSize, WirePath.FAST);
    }

    public Options(int httpPort, int instances, String name, String webroot, int poolSize, WirePath wire) {
      this(httpPort, instances, name, webroot, poolSize, wire, null, WebhookSettings.DEFAULTS, PushSettings.DEFAULTS,
          true, false, AddressLimits.Settings.DEFAULTS, Backpressure.DEFAULTS, OscSettings.OFF, false);
    }

    public Options withExports(String url, WebhookSettings hooks) {
      return new Options(httpPort, instances, name, webroot, poolSize, wire, url, hooks, push, counting, behindProxy,
          limits, backpressure, osc, followPrivate);
    }

    public Options withPush(PushSettings settings) {
      return new Options(httpPort, instances, name, webroot, poolSize, wire, publicUrl, webhooks, settings, counting,
          behindProxy, limits, backpressure, osc, followPrivate);
    }

    /** Whether a followed schedule may be read from a private or loopback address (tests, a venue's own server). */
    public Options withFollow(boolean privateSources) {
      return new Options(httpPort, instances, name, webroot, poolSize, wire, publicUrl, webhooks, push, counting,
          behindProxy, limits, backpressure, osc, privateSources);
    }

    public Options withCounting(boolean on) {
      return new Options(httpPort, instances, name, webroot, poolSize, wire, publicUrl, webhooks, push, on,
          behindProxy, limits, backpressure, osc, followPrivate);
    }

    public Options withClients(boolean proxy, AddressLimits.Settings perAddress, Backpressure perSocket) {
      return new Options(httpPort, instances, name, webroot, poolSize, wire, publicUrl, webhooks, push, counting,
          proxy, perAddress, perSocket, osc, followPrivate);
    }

    public Options withOsc(OscSettings listener) {
      return new Options(httpPort, instances, name, webroot, poolSize, wire, publicUrl, webhooks, push, counting,
          behindProxy, limits, backpressure, listener, followPrivate);
    }
  }

  private final Vertx vertx;
  private final Shared shared;
  private final ChangeFeed feed;
  private final List<Feature> features;
  private final String httpDeployment;
  private final List<HttpVerticle> servers;
  private final AtomicBoolean draining;
  private final List<Feature> started = new CopyOnWriteArrayList<>();
  private volatile String feedDeployment;
  private volatile Future<Node> loading = Future.succeededFuture();

  private Node(Vertx vertx, Shared shared, ChangeFeed feed, List<Feature> features, String http,
      List<HttpVerticle> servers, AtomicBoolean draining) {
    this.vertx = vertx;
    this.shared = shared;
    this.feed = feed;
    this.features = features;
    this.httpDeployment = http;
    this.servers = servers;
    this.draining = draining;
  }

  /** The node's features, in the order they mount: adding a feature is one package and one line here. */
  private static List<Feature> features(Shared shared, Options options) {
    return List.of(
        new Events(shared),
        new StaffAccess(shared),
        new Commands(shared),
        new Screens(shared),
        new Schedules(shared, new PublicUrl(options.publicUrl())),
        new Imports(shared, options.followPrivate()),
        new Outbound(shared, options.webhooks(), options.push()),
        new RunOfShow(shared),
        new Backstage(shared, options.osc()));
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
    Hub.Shared hub = new Hub.Shared(states, pool, credentials, options.name(), sockets, wire, new Deliveries(states),
        live, new AddressLimits(options.limits(), options.behindProxy()), options.backpressure());
    Shared shared = new Shared(hub, commands, connect, registry, options.httpPort(), options.webroot(),
        options.behindProxy(), feed::healthy, draining::get);
    List<Feature> features = features(shared, options);
    List<HttpVerticle> servers = new CopyOnWriteArrayList<>();
    return vertx.deployVerticle(() -> {
      HttpVerticle server = new HttpVerticle(shared, features);
      servers.add(server);
      return server;
    }, new DeploymentOptions().setInstances(options.instances()))
        .map(httpId -> new Node(vertx, shared, feed, features, httpId, servers, draining));
  }

  /** Loads every event (the schema must be migrated by now), starts following changes, then each feature. */
  public Future<Node> load() {
    loading = vertx.deployVerticle(feed).compose(feedId -> {
      feedDeployment = feedId;
      Future<?> chain = Future.succeededFuture();
      for (Feature f : features) {
        chain = chain.compose(v -> f.start(vertx).onSuccess(x -> started.add(f)));
      }
      return chain;
    }).map(v -> this);
    return loading;
  }

  public EventStates states() {
    return shared.states();
  }

  public Pool pool() {
    return shared.pool();
  }

  /** The path this node's sockets are written on: the one asked for, or PLAIN after a failed probe. */
  public WirePath wire() {
    return shared.live().wire();
  }

  /** The HTTP routes this node serves (every instance serves the same). */
  public List<Route> routes() {
    return servers.get(0).routes();
  }

  /** The node's meter registry, which GET /metrics serves. */
  public PrometheusMeterRegistry metrics() {
    return shared.registry();
  }

  /**
   * Drains the sockets (each gets a reconnect frame), stops the features in the reverse order,
   * then the feed and the pool; not ready from here on.
   */
  public Future<Void> stop() {
    draining.set(true);
    // A stop during start-up waits for the load under way, so the feed never runs on a closed pool.
    Future<?> chain = loading.transform(loaded -> vertx.undeploy(httpDeployment));
    List<Feature> reverse = new ArrayList<>(started);
    java.util.Collections.reverse(reverse);
    for (Feature f : reverse) {
      chain = chain.eventually(() -> f.stop(vertx));
    }
    return chain.eventually(() -> feedDeployment == null ? Future.succeededFuture() : vertx.undeploy(feedDeployment))
        .eventually(() -> shared.pool().close()).mapEmpty();
  }
}
