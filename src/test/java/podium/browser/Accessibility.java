package podium.browser;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * axe-core, the accessibility engine, run in a page as it is now. It comes from npm
 * (src/test/js/package.json and its lock; bin/test installs it with npm ci) and is injected with
 * executeScript, so the page's own CSP does not apply to it.
 */
public final class Accessibility {

  static final Path AXE = Path.of("src", "test", "js", "node_modules", "axe-core", "axe.min.js");
  private static final Set<String> SERIOUS = Set.of("serious", "critical");
  private static String axe;

  private Accessibility() {
  }

  /** One rule that failed, and where: each node's CSS target and what axe says is wrong with it. */
  public record Violation(String id, String impact, String help, String helpUrl, List<String> nodes) {
    @Override
    public String toString() {
      return id + " (" + impact + "): " + help + " <" + helpUrl + ">\n      "
          + String.join("\n      ", nodes);
    }
  }

  /** Every violation axe finds on the page, of any impact (after checking that axe 4 ran its rules there). */
  public static List<Violation> violations(Browser b) {
    Object version = b.js(source() + "\n;return window.axe.version");
    if (!String.valueOf(version).startsWith("4.")) {
      throw new IllegalStateException("expected axe-core 4.x, got " + version);
    }
    String json = (String) b.js("return window.axe.run(document, { resultTypes: ['violations'] })"
        + ".then(r => JSON.stringify({ violations: r.violations, passed: r.passes.length }))");
    JsonObject result = new JsonObject(json);
    if (result.getInteger("passed") == 0) {
      throw new IllegalStateException("axe passed no rule at all on " + b.driver.getCurrentUrl() + ": it did not run");
    }
    return result.getJsonArray("violations").stream().map(v -> (JsonObject) v).map(v -> new Violation(v.getString("id"),
        v.getString("impact"), v.getString("help"), v.getString("helpUrl"),
        v.getJsonArray("nodes").stream().map(n -> (JsonObject) n)
            .map(n -> n.getJsonArray("target").encode() + ": "
                + String.valueOf(n.getString("failureSummary")).replace("\n", " / ")
                + " | " + n.getString("html"))
            .toList())).toList();
  }

  /** The violations of impact serious or critical. */
  public static List<Violation> serious(Browser b) {
    return violations(b).stream().filter(v -> SERIOUS.contains(v.impact())).toList();
  }

  /** Fails, listing each rule's id, help and the nodes, when the page has serious or critical violations. */
  public static void assertNoSeriousViolations(Browser b, String what) {
    List<Violation> found = serious(b);
    if (!found.isEmpty()) {
      throw new AssertionError(describe(what, found));
    }
  }

  static String describe(String what, List<Violation> found) {
    return what + ": " + found.size() + " serious or critical accessibility violation(s) (axe-core):\n  "
        + found.stream().map(Violation::toString).collect(Collectors.joining("\n  "));
  }

  private static synchronized String source() {
    if (axe == null) {
      if (!Files.isRegularFile(AXE)) {
        throw new IllegalStateException(AXE + " is missing: bin/test installs it (or run npm ci in src/test/js)");
      }
      try {
        axe = Files.readString(AXE);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return axe;
  }
}
