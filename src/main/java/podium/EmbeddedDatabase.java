package podium;

import io.vertx.pgclient.PgConnectOptions;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The default database: PostgreSQL 17, embedded, with its data kept under a directory across
 * restarts. One Podium process owns the directory at a time (DataDirLock); the import command
 * attaches to the PostgreSQL of a hub that runs there instead of starting another.
 */
public final class EmbeddedDatabase implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDatabase.class);

  private final EmbeddedPostgres postgres;
  private final DataDirLock lock;
  private final int port;

  private EmbeddedDatabase(EmbeddedPostgres postgres, DataDirLock lock, int port) {
    this.postgres = postgres;
    this.lock = lock;
    this.port = port;
  }

  /** A hub's database; refused while another hub (or an import that started it) owns the directory. */
  public static EmbeddedDatabase start(Path dataDir) throws IOException {
    DataDirLock lock = DataDirLock.tryTake(dataDir);
    if (lock == null) {
      throw new IOException("another hub uses this data directory (" + dataDir + ", pid "
          + DataDirLock.holder(dataDir) + "): stop it, or give this hub its own PODIUM_DATA_DIR (or PGHOST)");
    }
    return startOwned(dataDir, lock);
  }

  /**
   * For the import command: the PostgreSQL of the hub that owns the directory, attached and never
   * stopped; or, with no hub there, one of its own (started, and stopped on close).
   */
  public static EmbeddedDatabase startOrAttach(Path dataDir) throws IOException {
    DataDirLock lock = DataDirLock.tryTake(dataDir);
    if (lock != null) {
      return startOwned(dataDir, lock);
    }
    Optional<Integer> port = runningPort(dataDir);
    if (port.isEmpty()) {
      throw new IOException("a hub (pid " + DataDirLock.holder(dataDir) + ") owns " + dataDir
          + " but its PostgreSQL is not up yet; try again in a moment");
    }
    return new EmbeddedDatabase(null, null, port.get());
  }

  private static EmbeddedDatabase startOwned(Path dataDir, DataDirLock lock) throws IOException {
    try {
      Files.createDirectories(dataDir);
      stopStalePostmaster(dataDir);
      // Main stops the database itself, after the node has drained: no second hook racing it.
      // zonky's defaults are for throw-away test databases: fsync off (-F) and synchronous_commit off,
      // where a power cut loses or corrupts what staff saved. This one keeps the event: durable.
      EmbeddedPostgres pg = EmbeddedPostgres.builder().setDataDirectory(dataDir).setCleanDataDirectory(false)
          .setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on")
          .setServerConfig("full_page_writes", "on")
          .setRegisterShutdownHook(false).setPGStartupWait(Duration.ofSeconds(30)).start();
      return new EmbeddedDatabase(pg, lock, pg.getPort());
    } catch (IOException | RuntimeException e) {
      lock.close();
      throw e;
    }
  }

  /** True when this is a running hub's PostgreSQL, which close() leaves running. */
  public boolean attached() {
    return postgres == null;
  }

  public PgConnectOptions connectOptions() {
    return new PgConnectOptions().setHost("localhost").setPort(port).setDatabase("postgres")
        .setUser("postgres").setPassword("postgres");
  }

  /**
   * Called only while holding the directory's lock: a postmaster still serving it is then stale
   * (its hub was killed), and the next start would fail on postmaster.pid. Stop it first.
   */
  static void stopStalePostmaster(Path dataDir) throws IOException {
    Optional<ProcessHandle> stale = postmaster(dataDir);
    if (stale.isPresent()) {
      LOG.warn("stopping a stale postmaster (pid {}) left in {}", stale.get().pid(), dataDir);
      stale.get().destroy();
      try {
        stale.get().onExit().get(20, java.util.concurrent.TimeUnit.SECONDS);
      } catch (Exception e) {
        throw new IOException("could not stop the stale postmaster " + stale.get().pid() + " in " + dataDir, e);
      }
    }
  }

  /** The port of the postmaster serving the directory, when one runs and says it is ready. */
  static Optional<Integer> runningPort(Path dataDir) throws IOException {
    if (postmaster(dataDir).isEmpty()) {
      return Optional.empty();
    }
    List<String> pid = Files.readAllLines(dataDir.resolve("postmaster.pid"));
    boolean ready = pid.size() > 7 && pid.get(7).trim().equals("ready");
    return ready && pid.get(3).trim().matches("\\d+") ? Optional.of(Integer.parseInt(pid.get(3).trim()))
        : Optional.empty();
  }

  /** The live postgres process that postmaster.pid names, if it serves this very directory. */
  private static Optional<ProcessHandle> postmaster(Path dataDir) throws IOException {
    Path pidFile = dataDir.resolve("postmaster.pid");
    if (!Files.exists(pidFile)) {
      return Optional.empty();
    }
    String first = Files.readAllLines(pidFile).stream().findFirst().orElse("").trim();
    Optional<ProcessHandle> p = first.matches("\\d+") ? ProcessHandle.of(Long.parseLong(first)) : Optional.empty();
    // Only a postgres serving this very directory: after a reboot the pid may belong to another.
    String dir = dataDir.toAbsolutePath().toString();
    boolean ours = p.isPresent() && p.get().info().command().map(c -> c.contains("postgres")).orElse(false)
        && p.get().info().arguments().map(a -> java.util.Arrays.asList(a).contains(dir)).orElse(false);
    return ours ? p : Optional.empty();
  }

  @Override
  public void close() throws IOException {
    try {
      if (postgres != null) {
        postgres.close();
      }
    } finally {
      if (lock != null) {
        lock.close();
      }
    }
  }
}
