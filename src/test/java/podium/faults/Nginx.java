package podium.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Debian's nginx (nginx-light; .ci/run and bin/test install it) running the shipped conf/nginx
 * with two changes only: the port it listens on and the nodes in podium-upstream.conf.
 */
final class Nginx implements AutoCloseable {

  static final Path BINARY = Path.of("/usr/sbin/nginx");
  static final Path SHIPPED = Path.of("conf", "nginx");

  final int port;
  final Path prefix;
  private final Process process;

  private Nginx(int port, Path prefix, Process process) {
    this.port = port;
    this.prefix = prefix;
    this.process = process;
  }

  static Nginx start(int port, List<Integer> nodes, Path dir) {
    assertThat(BINARY).as("nginx is installed (apt-get install nginx-light; bin/test does it)").isExecutable();
    try {
      Path conf = dir.resolve("conf");
      Files.createDirectories(conf);
      Files.createDirectories(dir.resolve("logs"));
      for (String f : List.of("nginx.conf", "podium.conf")) {
        Files.copy(SHIPPED.resolve(f), conf.resolve(f));
      }
      String site = Files.readString(conf.resolve("podium.conf"));
      assertThat(site).as("the shipped site listens on 8080").contains("  listen 8080;");
      Files.writeString(conf.resolve("podium.conf"), site.replace("  listen 8080;", "  listen 127.0.0.1:" + port + ";"));
      String upstream = Files.readString(SHIPPED.resolve("podium-upstream.conf"));
      // Each upstream keeps its own server options; only the ports change.
      String ours = upstream;
      for (String options : List.of("max_fails=1 fail_timeout=5s", "max_fails=0")) {
        String shipped = "  server 127.0.0.1:8081 " + options + ";\n  server 127.0.0.1:8082 " + options + ";\n";
        assertThat(ours).as("the shipped upstreams").contains(shipped);
        ours = ours.replace(shipped, nodes.stream().map(p -> "  server 127.0.0.1:" + p + " " + options + ";\n")
            .collect(Collectors.joining()));
      }
      Files.writeString(conf.resolve("podium-upstream.conf"), ours);
      Process p = new ProcessBuilder(BINARY.toString(), "-p", dir.toAbsolutePath().toString(), "-c",
          conf.resolve("nginx.conf").toAbsolutePath().toString(), "-g", "daemon off;")
          .redirectErrorStream(true).redirectOutput(dir.resolve("nginx.out").toFile()).start();
      Nginx nginx = new Nginx(port, dir, p);
      nginx.awaitListening();
      return nginx;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void awaitListening() throws IOException {
    long until = System.currentTimeMillis() + 10_000;
    while (System.currentTimeMillis() < until) {
      if (!process.isAlive()) {
        throw new AssertionError("nginx exited: " + Files.readString(prefix.resolve("nginx.out"))
            + Files.readString(prefix.resolve("logs").resolve("error.log")));
      }
      try (Socket s = new Socket("127.0.0.1", port)) {
        return;
      } catch (IOException notYet) {
        podium.LiveClient.sleep(20);
      }
    }
    throw new AssertionError("nginx did not listen on " + port);
  }

  String errorLog() {
    try {
      return Files.readString(prefix.resolve("logs").resolve("error.log"));
    } catch (IOException e) {
      return "";
    }
  }

  @Override
  public void close() {
    process.destroy(); // SIGTERM: nginx's fast shutdown, workers included
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
