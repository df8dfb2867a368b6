package podium;

import io.vertx.config.ConfigRetriever;
import io.vertx.config.ConfigRetrieverOptions;
import io.vertx.config.ConfigStoreOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import podium.control.OscSettings;
import podium.event.Role;
import podium.live.AddressLimits;
import podium.live.Backpressure;
import podium.live.WirePath;
import podium.outbound.PushSettings;
import podium.web.PageFiles;

/**
 * Settings, from conf/config.json and then the environment: each key may be overridden by an
 * environment variable of the same name (README, "Configuration").
 */
public record Config(int httpPort, int httpInstances, String dataDir, String pgHost, int pgPort, String pgDatabase,
    String pgUser, String pgPassword, String adminToken, String adminPassword, int dbPoolSize, String webroot,
    String nodeName, boolean seedDemo, WirePath wire, String publicUrl, boolean webhooksToPrivate,
    boolean behindProxy, AddressLimits.Settings limits, Backpressure backpressure, PushSettings push,
    OscSettings osc, boolean followPrivate) {

  static final JsonArray KEYS = new JsonArray().add("PODIUM_HTTP_PORT").add("PODIUM_HTTP_INSTANCES")
      .add("PODIUM_DATA_DIR").add("PGHOST").add("PGPORT").add("PGDATABASE").add("PGUSER").add("PGPASSWORD")
      .add("PODIUM_ADMIN_TOKEN").add("PODIUM_ADMIN_PASSWORD").add("PODIUM_DB_POOL").add("PODIUM_WEBROOT")
      .add("PODIUM_NODE_NAME").add("PODIUM_SEED_DEMO").add("PODIUM_WIRE").add("PODIUM_PUBLIC_URL")
      .add("PODIUM_WEBHOOKS_PRIVATE").add("PODIUM_BEHIND_PROXY")
      .add("PODIUM_WS_PER_ADDRESS").add("PODIUM_HELLOS_PER_SECOND").add("PODIUM_LIMIT_LOOPBACK")
      .add("PODIUM_WS_QUEUE_BYTES").add("PODIUM_WS_SEND_BUFFER").add("PODIUM_SLOW_GRACE_SECONDS")
      .add("PODIUM_SCREEN_GRACE_SECONDS").add("PODIUM_VAPID_SUBJECT").add("PODIUM_PUSH_PRIVATE")
      .add("PODIUM_PUSH_PER_SECOND").add("PODIUM_FOLLOW_PRIVATE")
      .add("PODIUM_OSC_PORT").add("PODIUM_OSC_ADDRESS").add("PODIUM_OSC_ACTOR").add("PODIUM_OSC_ROLE");

  public static Future<Config> load(Vertx vertx, String file) {
    ConfigStoreOptions json = new ConfigStoreOptions().setType("file").setOptional(true)
        .setConfig(new JsonObject().put("path", file));
    ConfigStoreOptions env = new ConfigStoreOptions().setType("env")
        .setConfig(new JsonObject().put("keys", KEYS));
    ConfigRetriever retriever = ConfigRetriever.create(vertx,
        new ConfigRetrieverOptions().addStore(json).addStore(env).setScanPeriod(-1));
    return retriever.getConfig().map(Config::from).eventually(() -> {
      retriever.close();
      return Future.succeededFuture();
    });
  }

  static Config from(JsonObject c) {
    String pgHost = c.getString("PGHOST");
    return new Config(integer(c, "PODIUM_HTTP_PORT", 8080),
        integer(c, "PODIUM_HTTP_INSTANCES", Runtime.getRuntime().availableProcessors()),
        c.getString("PODIUM_DATA_DIR", ".data"),
        pgHost == null || pgHost.isBlank() ? null : pgHost, integer(c, "PGPORT", 5432),
        c.getString("PGDATABASE", "postgres"), c.getString("PGUSER", "postgres"), c.getString("PGPASSWORD", ""),
        c.getString("PODIUM_ADMIN_TOKEN"), c.getString("PODIUM_ADMIN_PASSWORD"), integer(c, "PODIUM_DB_POOL", 8),
        webroot(c.getString("PODIUM_WEBROOT")),
        c.getString("PODIUM_NODE_NAME", "node-" + ProcessHandle.current().pid()),
        !"false".equalsIgnoreCase(String.valueOf(c.getValue("PODIUM_SEED_DEMO", "true"))),
        WirePath.parse(c.getString("PODIUM_WIRE", "fast")), c.getString("PODIUM_PUBLIC_URL"),
        "true".equalsIgnoreCase(String.valueOf(c.getValue("PODIUM_WEBHOOKS_PRIVATE", "false"))),
        "true".equalsIgnoreCase(String.valueOf(c.getValue("PODIUM_BEHIND_PROXY", "false")).trim()), limits(c),
        backpressure(c), push(c), osc(c),
        "true".equalsIgnoreCase(String.valueOf(c.getValue("PODIUM_FOLLOW_PRIVATE", "false")).trim()));
  }

  private static PushSettings push(JsonObject c) {
    String subject = c.getString("PODIUM_VAPID_SUBJECT");
    return new PushSettings(subject == null || subject.isBlank() ? PushSettings.UNSET_SUBJECT : subject.trim(),
        "true".equalsIgnoreCase(String.valueOf(c.getValue("PODIUM_PUSH_PRIVATE", "false")).trim()),
        integer(c, "PODIUM_PUSH_PER_SECOND", PushSettings.DEFAULTS.perSecond()));
  }

  private static OscSettings osc(JsonObject c) {
    OscSettings d = OscSettings.OFF;
    // Environment values may arrive as numbers (an actor named "1"): read each as text.
    String role = String.valueOf(c.getValue("PODIUM_OSC_ROLE", d.role().wire())).trim();
    String address = String.valueOf(c.getValue("PODIUM_OSC_ADDRESS", d.address())).trim();
    return new OscSettings(integer(c, "PODIUM_OSC_PORT", d.port()), address.isEmpty() ? d.address() : address,
        String.valueOf(c.getValue("PODIUM_OSC_ACTOR", d.name())).trim(), Role.parse(role));
  }

  private static Backpressure backpressure(JsonObject c) {
    Backpressure d = Backpressure.DEFAULTS;
    return new Backpressure(integer(c, "PODIUM_WS_QUEUE_BYTES", d.queueBytes()),
        integer(c, "PODIUM_WS_SEND_BUFFER", d.sendBuffer()),
        integer(c, "PODIUM_SLOW_GRACE_SECONDS", (int) (d.graceMs() / 1000)) * 1000L,
        integer(c, "PODIUM_SCREEN_GRACE_SECONDS", (int) (d.screenGraceMs() / 1000)) * 1000L);
  }

  /**
   * Unset: null, the pages inside the jar. Set: a folder that must exist. Either way a hub that
   * would answer 404 for every page stops at the start instead, saying why.
   */
  private static String webroot(String folder) {
    if (folder == null || folder.isBlank()) {
      if (!PageFiles.inJar()) {
        throw new IllegalArgumentException("this build has no pages inside it (" + PageFiles.IN_JAR
            + "/ on the classpath): build the jar with mvn package, or set PODIUM_WEBROOT to the webroot folder");
      }
      return null;
    }
    Path path = Path.of(folder).toAbsolutePath().normalize();
    if (!Files.isDirectory(path)) {
      throw new IllegalArgumentException("PODIUM_WEBROOT is '" + folder + "', but " + path
          + " is not a folder; unset it to serve the pages inside podium.jar");
    }
    return path.toString();
  }

  private static AddressLimits.Settings limits(JsonObject c) {
    AddressLimits.Settings d = AddressLimits.Settings.DEFAULTS;
    return new AddressLimits.Settings(integer(c, "PODIUM_WS_PER_ADDRESS", d.connectionsPerAddress()),
        integer(c, "PODIUM_HELLOS_PER_SECOND", d.hellosPerSecond()),
        "true".equalsIgnoreCase(String.valueOf(c.getValue("PODIUM_LIMIT_LOOPBACK", d.limitLoopback()))));
  }

  /** Environment values arrive as strings; config.json values as numbers: accept both. */
  private static int integer(JsonObject c, String key, int otherwise) {
    Object v = c.getValue(key);
    if (v == null || v.toString().isBlank()) {
      return otherwise;
    }
    try {
      return Integer.parseInt(v.toString().trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(key + " must be a whole number, not '" + v + "'");
    }
  }
}
