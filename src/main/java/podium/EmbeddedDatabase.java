package podium;

import io.vertx.pgclient.PgConnectOptions;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The default database: PostgreSQL 17, embedded, with its data kept under a directory across restarts. */
public final class EmbeddedDatabase implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDatabase.class);

  private final EmbeddedPostgres postgres;

  private EmbeddedDatabase(EmbeddedPostgres postgres) {
    this.postgres = postgres;
  }

  public static EmbeddedDatabase start(Path dataDir) throws IOException {
    Files.createDirectories(dataDir);
    stopStalePostmaster(dataDir);
    // Main stops the database itself, after the node has drained: no second hook racing it.
    // zonky's defaults are for throw-away test databases: fsync off (-F) and synchronous_commit off,
    // where a power cut loses or corrupts what staff saved. This one keeps the event: durable.
    EmbeddedPostgres pg = EmbeddedPostgres.builder().setDataDirectory(dataDir).setCleanDataDirectory(false)
        .setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on")
        .setServerConfig("full_page_writes", "on")
        .setRegisterShutdownHook(false).setPGStartupWait(Duration.ofSeconds(30)).start();
    return new EmbeddedDatabase(pg);
  }

  public PgConnectOptions connectOptions() {
    return new PgConnectOptions().setHost("localhost").setPort(postgres.getPort()).setDatabase("postgres")
        .setUser("postgres").setPassword("postgres");
  }

  /** A killed run leaves its postmaster alive and its pid file behind; stop it before starting again. */
  static void stopStalePostmaster(Path dataDir) throws IOException {
    Path pidFile = dataDir.resolve("postmaster.pid");
    if (!Files.exists(pidFile)) {
      return;
    }
    String first = Files.readAllLines(pidFile).stream().findFirst().orElse("").trim();
    Optional<ProcessHandle> stale = first.matches("\\d+") ? ProcessHandle.of(Long.parseLong(first)) : Optional.empty();
    // Only a postgres serving this very directory: after a reboot the pid may belong to another.
    String dir = dataDir.toAbsolutePath().toString();
    boolean ours = stale.isPresent() && stale.get().info().command().map(c -> c.contains("postgres")).orElse(false)
        && stale.get().info().arguments().map(a -> java.util.Arrays.asList(a).contains(dir)).orElse(false);
    if (ours) {
      LOG.warn("stopping a stale postmaster (pid {}) left in {}", first, dataDir);
      stale.get().destroy();
      try {
        stale.get().onExit().get(20, java.util.concurrent.TimeUnit.SECONDS);
      } catch (Exception e) {
        throw new IOException("could not stop the stale postmaster " + first + " in " + dataDir, e);
      }
    }
  }

  @Override
  public void close() throws IOException {
    postgres.close();
  }
}
