package podium;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import podium.event.CommandRejected;
import podium.interop.ScheduleRefused;
import podium.store.Database;
import podium.store.Migrations;
import podium.imports.ScheduleImport;

/**
 * java -jar podium.jar import FILE [--slug S] [--replace] [--force]: imports a schedule into the
 * configured database. On the embedded one, while a hub runs on the same data directory, it
 * attaches to that hub's PostgreSQL (and leaves it running); the hub picks the event up by itself.
 */
final class ImportCommand {

  static final String USAGE = "usage: java -jar podium.jar import FILE [--slug SLUG] [--replace] [--force]";

  private ImportCommand() {
  }

  /** The exit status: 0 imported, 2 refused (nothing imported), 64 a wrong command line, 1 anything else. */
  static int run(String[] args) {
    return run(args, System.out);
  }

  static int run(String[] args, PrintStream out) {
    String file = null;
    String slug = null;
    boolean replace = false;
    boolean force = false;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--slug" -> slug = i + 1 < args.length ? args[++i] : null;
        case "--replace" -> replace = true;
        case "--force" -> force = true;
        default -> file = file == null && !args[i].startsWith("--") ? args[i] : "\0";
      }
    }
    if (file == null || file.equals("\0") || (slug == null && java.util.Arrays.asList(args).contains("--slug"))) {
      out.println(USAGE);
      return 64;
    }
    Vertx vertx = Vertx.vertx();
    try {
      byte[] bytes = Files.readAllBytes(Path.of(file));
      out.printf("reading %s (%.1f MB)%n", file, bytes.length / 1_000_000.0);
      Config config = Config.load(vertx, "conf/config.json").await();
      return importInto(vertx, config, new ScheduleImport.Request(bytes, slug, replace, force,
          "cli:" + System.getProperty("user.name", "?")), out);
    } catch (IOException e) {
      out.println("could not read " + file + ": " + e.getMessage());
      return 1;
    } finally {
      vertx.close().await();
    }
  }

  private static int importInto(Vertx vertx, Config config, ScheduleImport.Request request, PrintStream out)
      throws IOException {
    EmbeddedDatabase embedded = null;
    PgConnectOptions db;
    if (config.pgHost() != null) {
      db = new PgConnectOptions().setHost(config.pgHost()).setPort(config.pgPort()).setDatabase(config.pgDatabase())
          .setUser(config.pgUser()).setPassword(config.pgPassword());
      out.println("database: PostgreSQL at " + db.getHost() + ":" + db.getPort() + "/" + db.getDatabase());
    } else {
      Path dir = Path.of(config.dataDir(), "pg").toAbsolutePath();
      embedded = EmbeddedDatabase.startOrAttach(dir);
      db = embedded.connectOptions();
      out.println(embedded.attached() ? "database: the running hub's PostgreSQL (port " + db.getPort() + ") in " + dir
          : "database: embedded PostgreSQL in " + dir + " (no hub is running there)");
    }
    Pool pool = null;
    try {
      Migrations.migrate(db);
      pool = Database.pool(vertx, db, 2, "podium-import");
      JsonObject summary = ScheduleImport.run(vertx, pool, request, Instant.now(), out::println).await();
      out.printf("%s '%s' at version %d: %d days, %d rooms, %d sessions, %d speakers, %d warnings%n",
          summary.getBoolean("created") ? "imported" : "replaced", summary.getString("event"),
          summary.getLong("version"), summary.getInteger("days"), summary.getInteger("rooms"),
          summary.getInteger("sessions"), summary.getInteger("speakers"), summary.getJsonArray("warnings").size());
      summary.getJsonArray("warnings").forEach(w -> out.println("  warning: " + w));
      return 0;
    } catch (ScheduleRefused refused) {
      out.println("refused; nothing was imported. " + refused.problems().size() + " problem(s):");
      refused.problems().forEach(p -> out.println("  " + p));
      return 2;
    } catch (CommandRejected rejected) {
      out.println("refused (" + rejected.code().wire() + "): " + rejected.getMessage());
      return 2;
    } finally {
      if (pool != null) {
        pool.close().await();
      }
      if (embedded != null) {
        embedded.close();
      }
    }
  }
}
