package podium;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * webroot/sw.js keeps the attendee page for offline use under a VERSION made from the files it
 * keeps. A file edited without a new VERSION would never reach a phone that has the old copy, so
 * this holds VERSION to the files, and the list to what the page loads.
 */
@Tag("unit")
class ServiceWorkerShellTest {

  private static final Path WEBROOT = Path.of("webroot");

  @Test
  void versionIsTheHashOfTheShellFiles() throws IOException, NoSuchAlgorithmException {
    String sw = Files.readString(WEBROOT.resolve("sw.js"));
    MessageDigest sha = MessageDigest.getInstance("SHA-256");
    for (String name : shell(sw)) {
      sha.update(Files.readAllBytes(WEBROOT.resolve(name)));
    }
    String expected = HexFormat.of().formatHex(sha.digest()).substring(0, 12);
    Matcher version = Pattern.compile("const VERSION = '([0-9a-f]{12})';").matcher(sw);
    assertThat(version.find()).as("sw.js declares const VERSION = '<12 hex digits>'").isTrue();
    assertThat(version.group(1)).as("a shell file changed: run bin/sw-version (VERSION in webroot/sw.js should be '%s')", expected)
        .isEqualTo(expected);
  }

  @Test
  void theShellHoldsEveryModuleThePageLoads() throws IOException {
    List<String> shell = shell(Files.readString(WEBROOT.resolve("sw.js")));
    List<String> needed = new ArrayList<>(List.of("index.html", "css/agenda.css", "manifest.webmanifest", "favicon.svg"));
    needed.addAll(modules("js/agenda.js", new ArrayList<>()));
    assertThat(shell).containsAll(needed);
    try (Stream<Path> js = Files.list(WEBROOT.resolve("js"))) {
      List<String> screenOnly = js.map(p -> "js/" + p.getFileName()).filter(n -> n.startsWith("js/screen")).toList();
      assertThat(shell).as("the screens are not the attendee page's to keep").doesNotContainAnyElementsOf(screenOnly);
    }
  }

  /** The module and every module it imports, statically or with import(), by relative path from the webroot. */
  private static List<String> modules(String name, List<String> seen) throws IOException {
    if (seen.contains(name)) {
      return seen;
    }
    seen.add(name);
    // Static imports and the dynamic ones (agenda.js loads most of its modules with import()).
    Matcher m = Pattern.compile("(?:from |import\\()'\\./([a-z0-9-]+\\.js)'").matcher(Files.readString(WEBROOT.resolve(name)));
    while (m.find()) {
      modules("js/" + m.group(1), seen);
    }
    return seen;
  }

  private static List<String> shell(String sw) {
    Matcher block = Pattern.compile("const SHELL = \\[(.*?)\\];", Pattern.DOTALL).matcher(sw);
    assertThat(block.find()).as("sw.js lists its files in const SHELL = [...]").isTrue();
    Matcher names = Pattern.compile("'([^']+)'").matcher(block.group(1));
    List<String> out = new ArrayList<>();
    while (names.find()) {
      out.add(names.group(1));
    }
    return out;
  }
}
