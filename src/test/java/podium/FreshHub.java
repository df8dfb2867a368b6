package podium;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;

/** The hub as a newcomer starts it: its own process, the embedded database in a data directory, the demo. */
public final class FreshHub {

  private FreshHub() {
  }

  /** Output goes to a file: Process.destroy() closes the pipes, and the last lines would be lost. */
  public static Process start(Path dir, int port, Path out) throws IOException, InterruptedException {
    return start(new ProcessBuilder(java(), "-cp", System.getProperty("java.class.path"), Main.class.getName()),
        dir, port, out);
  }

  /** The packaged jar as a newcomer runs it: java -jar, from the given (working) folder. */
  public static Process startJar(Path jar, Path folder, Path dataDir, int port, Path out)
      throws IOException, InterruptedException {
    return start(new ProcessBuilder(java(), "-jar", jar.toAbsolutePath().toString()).directory(folder.toFile()),
        dataDir, port, out);
  }

  private static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  private static Process start(ProcessBuilder pb, Path dir, int port, Path out) throws IOException, InterruptedException {
    pb.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(out.toFile()));
    pb.environment().remove("PGHOST");
    pb.environment().remove("PODIUM_WEBROOT");
    pb.environment().put("PODIUM_DATA_DIR", dir.toString());
    pb.environment().put("PODIUM_HTTP_PORT", String.valueOf(port));
    pb.environment().put("PODIUM_ADMIN_TOKEN", TestNode.ADMIN_TOKEN);
    Process p = pb.start();
    long servings = count(out, "serving on http://localhost:" + port);
    long until = System.currentTimeMillis() + 60_000;
    while (count(out, "serving on http://localhost:" + port) == servings && System.currentTimeMillis() < until) {
      Thread.sleep(50);
    }
    awaitLine(out, "serving on http://localhost:" + port);
    return p;
  }

  static long count(Path out, String text) throws IOException {
    return java.nio.file.Files.exists(out) ? java.nio.file.Files.readAllLines(out).stream().filter(l -> l.contains(text)).count() : 0;
  }

  public static void awaitLine(Path out, String text) throws InterruptedException, IOException {
    long until = System.currentTimeMillis() + 60_000;
    while (count(out, text) == 0 && System.currentTimeMillis() < until) {
      Thread.sleep(50);
    }
    assertThat(count(out, text)).as(java.nio.file.Files.readString(out)).isPositive();
  }

}
