package podium;

import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import podium.store.Database;
import podium.store.EventTable;

/**
 * {@code java -jar podium.jar new-epoch [--event SLUG]}: the step after restoring a backup. Every
 * event (or one) gets a new epoch, so phones and screens that saw the lost history take a
 * snapshot instead of resuming into it. Reads the same config as a node (PGHOST, or the embedded
 * database under PODIUM_DATA_DIR, which must not be in use).
 */
final class NewEpoch {

  private NewEpoch() {
  }

  static int usage(String problem) {
    System.err.println(problem + "\nusage: java -jar podium.jar new-epoch [--event SLUG]");
    return 2;
  }

  static int run(String[] args) throws Exception {
    String slug = null;
    if (args.length == 2 && args[0].equals("--event")) {
      slug = args[1];
    } else if (args.length != 0) {
      return usage("new-epoch takes no argument but --event SLUG");
    }
    Vertx vertx = Vertx.vertx();
    EmbeddedDatabase embedded = null;
    try {
      Config config = Config.load(vertx, "conf/config.json").await();
      PgConnectOptions db;
      if (config.pgHost() != null) {
        db = new PgConnectOptions().setHost(config.pgHost()).setPort(config.pgPort()).setDatabase(config.pgDatabase())
            .setUser(config.pgUser()).setPassword(config.pgPassword());
      } else {
        Path dir = Path.of(config.dataDir(), "pg").toAbsolutePath();
        if (Files.exists(dir.resolve("postmaster.pid"))) {
          System.err.println("the embedded database in " + dir + " is in use (or was not stopped cleanly):"
              + " stop the node first");
          return 1;
        }
        embedded = EmbeddedDatabase.start(dir);
        db = embedded.connectOptions();
      }
      Pool pool = Database.pool(vertx, db, 1, "podium-new-epoch");
      try {
        List<EventTable.Renewed> renewed = EventTable.renewEpochs(pool, slug).await();
        if (renewed.isEmpty()) {
          System.err.println(slug == null ? "no events in the database" : "no event '" + slug + "'");
          return 1;
        }
        renewed.forEach(r -> System.out.println("event " + r.slug() + " at version " + r.version() + ": new epoch "
            + r.epoch()));
        return 0;
      } finally {
        pool.close().await();
      }
    } finally {
      if (embedded != null) {
        embedded.close();
      }
      vertx.close().await();
    }
  }
}
