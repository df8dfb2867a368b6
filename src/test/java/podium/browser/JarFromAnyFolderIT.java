package podium.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import podium.FreshHub;
import podium.TestNode;

/**
 * The jar alone is the product: target/podium.jar, as mvn package made it (failsafe runs this after
 * it), started with java -jar from an empty folder with its own data directory. It serves every file
 * of webroot/ byte for byte from the copy inside it, as PageFiles serves a folder (gzip but for PNGs,
 * no-cache, a 304 on revalidation), and the attendee page runs there, service worker included.
 */
@Tag("browser")
@Tag("faults")
class JarFromAnyFolderIT {

  private static final Path WEBROOT = Path.of("webroot");
  // HTTP/1.1, as browsers and nginx speak to the hub (the JDK's client would otherwise upgrade to h2c).
  private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @Test
  void theJarStartedFromAnEmptyFolderServesEveryPageAndThePhonePageRuns(@TempDir Path dir) throws Exception {
    Path jar = Path.of(System.getProperty("podium.jar", "target/podium.jar"));
    assertThat(jar).as("the jar mvn package made").isRegularFile();
    Path folder = Files.createDirectories(dir.resolve("empty"));
    Path log = dir.resolve("hub.log");
    int port = TestNode.freePort();
    Process hub = FreshHub.startJar(jar, folder, dir.resolve("data"), port, log);
    Browser phone = null;
    try {
      assertThat(Files.readString(log)).contains("pages: the copy inside the jar");
      List<String> names = files();
      assertThat(names).contains("index.html", "sw.js", "js/live.js", "icons/icon-192.png");
      for (String name : names) {
        servedWhole(port, "/" + name, Files.readAllBytes(WEBROOT.resolve(name)));
      }
      servedWhole(port, "/", Files.readAllBytes(WEBROOT.resolve("index.html")));
      assertThat(folder).as("nothing written to the working folder").isEmptyDirectory();

      phone = Browser.start(390, 844);
      Browser page = phone;
      page.open("http://localhost:" + port + "/");
      page.until(Duration.ofSeconds(15), "the demo's agenda on the phone", d -> page.text("#now-next").contains("Opening Ceremony"));
      page.until(Duration.ofSeconds(15), "the service worker in control", d -> Boolean.TRUE.equals(
          page.js("return !!navigator.serviceWorker.controller")));
      String sw = Files.readString(WEBROOT.resolve("sw.js"));
      Matcher version = Pattern.compile("const VERSION = '([0-9a-f]+)';").matcher(sw);
      assertThat(version.find()).isTrue();
      @SuppressWarnings("unchecked")
      List<String> kept = (List<String>) page.js("return caches.open(arguments[0]).then(c => c.keys())"
          + ".then(ks => ks.map(r => new URL(r.url).pathname.slice(1)))", "podium-page-" + version.group(1));
      assertThat(kept).as("the service worker's copy of the page, from the jar").containsExactlyInAnyOrderElementsOf(shell(sw));
      page.screenshot("jar-from-any-folder-phone");
    } finally {
      try {
        Browser.closeAll(phone);
      } finally {
        hub.destroy();
        hub.waitFor(20, TimeUnit.SECONDS);
      }
    }
  }

  /** 200 with the file's bytes (gunzipped when it came gzipped), as PageFiles sends it; then a 304 for its Last-Modified. */
  private static void servedWhole(int port, String path, byte[] file) throws IOException, InterruptedException {
    URI uri = URI.create("http://localhost:" + port + path);
    HttpResponse<byte[]> r = HTTP.send(HttpRequest.newBuilder(uri).header("Accept-Encoding", "gzip").build(),
        HttpResponse.BodyHandlers.ofByteArray());
    assertThat(r.statusCode()).as(path).isEqualTo(200);
    boolean gzipped = r.headers().firstValue("Content-Encoding").filter("gzip"::equals).isPresent();
    assertThat(gzipped).as("%s gzipped (all but PNGs)", path).isEqualTo(!path.endsWith(".png"));
    byte[] body = gzipped ? new GZIPInputStream(new ByteArrayInputStream(r.body())).readAllBytes() : r.body();
    assertThat(body).as("%s byte for byte", path).isEqualTo(file);
    assertThat(r.headers().firstValue("Cache-Control")).as(path).hasValue("no-cache");
    String modified = r.headers().firstValue("Last-Modified").orElseThrow(() -> new AssertionError(path + ": no Last-Modified"));
    HttpResponse<byte[]> again = HTTP.send(HttpRequest.newBuilder(uri).header("If-Modified-Since", modified).build(),
        HttpResponse.BodyHandlers.ofByteArray());
    assertThat(again.statusCode()).as("%s revalidated", path).isEqualTo(304);
  }

  /** Every file under webroot/, by path from it. */
  private static List<String> files() throws IOException {
    try (Stream<Path> all = Files.walk(WEBROOT)) {
      return all.filter(Files::isRegularFile).map(f -> WEBROOT.relativize(f).toString().replace('\\', '/')).sorted().toList();
    }
  }

  /** The files sw.js keeps (its const SHELL). */
  private static List<String> shell(String sw) {
    Matcher block = Pattern.compile("const SHELL = \\[(.*?)\\];", Pattern.DOTALL).matcher(sw);
    assertThat(block.find()).isTrue();
    Matcher names = Pattern.compile("'([^']+)'").matcher(block.group(1));
    List<String> out = new ArrayList<>();
    while (names.find()) {
      out.add(names.group(1));
    }
    return out;
  }
}
