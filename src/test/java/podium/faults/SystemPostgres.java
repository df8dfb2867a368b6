package podium.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.pgclient.PgConnectOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Debian's PostgreSQL (the postgresql package; .ci/run and bin/test install it) in a throw-away
 * cluster on a free loopback port, with its own pg_dump, pg_restore and createdb of the same
 * version. As root, every program runs as the postgres user, as PostgreSQL insists.
 */
final class SystemPostgres implements AutoCloseable {

  final Path bin;
  final Path home;
  final int port;

  private SystemPostgres(Path bin, Path home, int port) {
    this.bin = bin;
    this.home = home;
    this.port = port;
  }

  static SystemPostgres start(int port) {
    Path bin = binaries();
    try {
      Path home = Files.createTempDirectory("podium-drill-");
      Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwxrwxrwx"));
      SystemPostgres pg = new SystemPostgres(bin, home, port);
      pg.run("initdb", "-D", pg.data().toString(), "-A", "trust", "-U", "postgres", "-E", "UTF8", "--no-sync");
      pg.run("pg_ctl", "-D", pg.data().toString(), "-w", "-l", home.resolve("server.log").toString(), "-o",
          "-p " + port + " -k " + home + " -c listen_addresses=127.0.0.1 -c fsync=off", "start");
      return pg;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The newest /usr/lib/postgresql/N/bin that has initdb and pg_dump. */
  static Path binaries() {
    try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
      Path bin = versions.map(v -> v.resolve("bin")).filter(b -> Files.isExecutable(b.resolve("initdb"))
              && Files.isExecutable(b.resolve("pg_dump")))
          .max(Comparator.comparing(b -> Integer.parseInt(b.getParent().getFileName().toString()))).orElse(null);
      assertThat(bin).as("Debian's PostgreSQL server and client (apt-get install postgresql; bin/test does it)")
          .isNotNull();
      return bin;
    } catch (IOException e) {
      throw new AssertionError("no /usr/lib/postgresql: apt-get install postgresql (bin/test does it)", e);
    }
  }

  Path data() {
    return home.resolve("data");
  }

  PgConnectOptions database(String name) {
    return new PgConnectOptions().setHost("127.0.0.1").setPort(port).setDatabase(name).setUser("postgres")
        .setPassword("");
  }

  /** Runs one of the cluster's programs (as postgres when root) and returns its output; fails on a non-zero exit. */
  String run(String program, String... args) {
    List<String> command = new ArrayList<>();
    if ("root".equals(System.getProperty("user.name"))) {
      command.addAll(List.of("runuser", "-u", "postgres", "--"));
    }
    command.add(bin.resolve(program).toString());
    command.addAll(List.of(args));
    try {
      Process p = new ProcessBuilder(command).directory(home.toFile()).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes());
      assertThat(p.waitFor(60, TimeUnit.SECONDS)).as(program + " finished").isTrue();
      assertThat(p.exitValue()).as(String.join(" ", command) + "\n" + out).isZero();
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The client programs' connection arguments, to the server. */
  List<String> server() {
    return List.of("-h", "127.0.0.1", "-p", String.valueOf(port), "-U", "postgres");
  }

  /** The same, to one database. */
  List<String> connection(String database) {
    List<String> args = new ArrayList<>(server());
    args.addAll(List.of("-d", database));
    return args;
  }

  @Override
  public void close() {
    try {
      run("pg_ctl", "-D", data().toString(), "-m", "fast", "-w", "stop");
    } finally {
      try (Stream<Path> files = Files.walk(home)) {
        files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
      } catch (IOException e) {
        // a leftover temp directory is harmless
      }
    }
  }
}
