package podium;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import podium.store.ApiTokens;
import podium.store.Database;
import podium.store.Migrations;
import podium.outbound.WebhookSettings;

/** Starts a hub node: config, database (external or embedded), migrations, demo event, verticles. */
public final class Main {

  private static final Logger LOG = LoggerFactory.getLogger(Main.class);

  private Main() {
  }

  public static void main(String[] args) throws Exception {
    if (args.length > 0 && args[0].equals("import")) {
      System.exit(ImportCommand.run(java.util.Arrays.copyOfRange(args, 1, args.length)));
    }
    if (args.length > 0 && args[0].equals("new-epoch")) {
      // After a restore, with the nodes stopped (docs/OPERATIONS.md).
      System.exit(NewEpoch.run(java.util.Arrays.copyOfRange(args, 1, args.length)));
    }
    PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    boolean counting = NodeVertx.metricsWanted();
    Vertx vertx = NodeVertx.create(counting, metrics);
    Config config;
    try {
      config = Config.load(vertx, "conf/config.json").await();
    } catch (IllegalArgumentException e) {
      // Exit: Vert.x's threads would otherwise keep a process up that will never serve.
      LOG.error("could not start: {}", e.getMessage());
      System.exit(1);
      return;
    }

    EmbeddedDatabase embedded = null;
    PgConnectOptions db;
    if (config.pgHost() != null) {
      db = new PgConnectOptions().setHost(config.pgHost()).setPort(config.pgPort()).setDatabase(config.pgDatabase())
          .setUser(config.pgUser()).setPassword(config.pgPassword());
      LOG.info("database: external PostgreSQL at {}:{}/{} (PGHOST is set)", db.getHost(), db.getPort(),
          db.getDatabase());
    } else {
      Path dir = Path.of(config.dataDir(), "pg").toAbsolutePath();
      try {
        embedded = EmbeddedDatabase.start(dir);
      } catch (java.io.IOException e) {
        LOG.error("could not start: {}", e.getMessage());
        System.exit(1);
      }
      db = embedded.connectOptions();
      LOG.info("database: embedded PostgreSQL 17 on port {}, data in {} (set PGHOST to use another)",
          db.getPort(), dir);
    }
    LOG.info("pages: {}", config.webroot() == null ? "the copy inside the jar (set PODIUM_WEBROOT to serve a folder)"
        : "the folder " + config.webroot() + " (PODIUM_WEBROOT)");
    // Listening first: a restarted node holds reconnecting screens instead of refusing them.
    Node node = Node.listen(vertx, db,
        new Node.Options(config.httpPort(), config.httpInstances(), config.nodeName(), config.webroot(),
            config.dbPoolSize(), config.wire())
            .withExports(config.publicUrl(), new WebhookSettings(config.webhooksToPrivate(),
                WebhookSettings.DEFAULTS.firstRetryMs(), WebhookSettings.DEFAULTS.pauseAfter()))
            .withPush(config.push()).withCounting(counting).withFollow(config.followPrivate())
            .withClients(config.behindProxy(), config.limits(), config.backpressure()).withOsc(config.osc()),
        metrics).await();
    EmbeddedDatabase toClose = embedded;
    Runtime.getRuntime().addShutdownHook(new Thread(() -> shutDown(vertx, node, toClose), "podium-shutdown"));
    try {
      prepare(vertx, db, config);
      node.load().await();
    } catch (Exception e) {
      // Exit, so the held sockets close and their clients go elsewhere, instead of waiting on a
      // node that can never load (Vert.x's threads would otherwise keep the process up).
      LOG.error("could not start: {}", e.toString(), e);
      System.exit(1);
    }
    LOG.info("Podium node '{}' serving on http://localhost:{}/ with {} event(s); native transport: {}",
        config.nodeName(), config.httpPort(), node.states().all().size(), vertx.isNativeTransportEnabled());
  }

  /** Migrations, the demo event on an empty database, and the admin token. */
  private static void prepare(Vertx vertx, PgConnectOptions db, Config config) {
    int applied = Migrations.migrate(db);
    LOG.info("schema migrations applied: {}", applied);
    Pool setup = Database.pool(vertx, db, 2, "podium-setup");
    try {
      if (config.seedDemo() && DemoEvent.seedIfEmpty(setup).await()) {
        LOG.info("database was empty: created the demo event '{}'", DemoEvent.SLUG);
      }
      String made = ApiTokens.ensureAdmin(setup, config.adminToken()).await();
      if (made != null) {
        System.out.println("\n  Admin API token (shown once; set PODIUM_ADMIN_TOKEN to choose your own):\n  " + made + "\n");
      }
      FirstAdmin.ensure(vertx, setup, config);
    } finally {
      setup.close().await();
    }
  }

  /** Clients first (each gets a jittered reconnect), then Vert.x, then the database; each step bounded. */
  private static void shutDown(Vertx vertx, Node node, EmbeddedDatabase embedded) {
    LOG.info("shutting down: draining clients");
    try {
      node.stop().await(15, TimeUnit.SECONDS);
    } catch (Exception e) {
      LOG.warn("drain did not finish: {}", e.toString());
    }
    try {
      vertx.close().await(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      LOG.warn("vert.x did not close: {}", e.toString());
    }
    if (embedded != null) {
      try {
        embedded.close();
      } catch (Exception e) {
        LOG.warn("the embedded database did not stop: {}", e.toString());
      }
    }
    LOG.info("stopped");
  }
}
