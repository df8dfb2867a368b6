package podium.hostile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The refusal codes docs/API.md and docs/PROTOCOL.md list: every refusal must carry one of them. */
final class DocumentedCodes {

  private static final Pattern CODE = Pattern.compile("`([a-z_]+)`");

  private DocumentedCodes() {
  }

  /** The codes of the HTTP API's refusal table (rows "| 4xx | `code`, `code` | …"). */
  static Set<String> http() {
    return codes(read("API.md"), Pattern.compile("(?m)^\\| (\\d{3}) \\| ([^|]+) \\|"), 2);
  }

  /** The codes of the protocol's error table (rows "| `code` | …" under "## Error codes"). */
  static Set<String> protocol() {
    String text = read("PROTOCOL.md");
    int from = text.indexOf("## Error codes");
    int to = text.indexOf("\n## ", from + 1);
    return codes(text.substring(from, to < 0 ? text.length() : to), Pattern.compile("(?m)^\\| `([a-z_]+)` \\| "), 1);
  }

  private static String read(String doc) {
    try {
      return Files.readString(Path.of("docs", doc));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Set<String> codes(String text, Pattern rows, int group) {
    Set<String> codes = new TreeSet<>();
    Matcher row = rows.matcher(text);
    while (row.find()) {
      Matcher code = CODE.matcher(group == 1 ? "`" + row.group(1) + "`" : row.group(group));
      while (code.find()) {
        codes.add(code.group(1));
      }
    }
    return codes;
  }
}
