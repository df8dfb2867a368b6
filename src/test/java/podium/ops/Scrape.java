package podium.ops;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import podium.Api;

/** Reads one sample out of GET /metrics (Prometheus text format). */
public final class Scrape {

  private final String text;

  private Scrape(String text) {
    this.text = text;
  }

  public static Scrape of(Api api) {
    return new Scrape(api.get("/metrics").bodyAsString());
  }

  public String text() {
    return text;
  }

  /**
   * The value of the first sample of that name whose labels contain every given label (k="v");
   * NaN when there is none.
   */
  public double value(String name, String... labels) {
    Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name) + "(\\{[^}]*\\})? (\\S+)$").matcher(text);
    while (m.find()) {
      String have = m.group(1) == null ? "" : m.group(1);
      boolean all = true;
      for (String l : labels) {
        all &= have.contains(l);
      }
      if (all) {
        return Double.parseDouble(m.group(2));
      }
    }
    return Double.NaN;
  }

  /** The sum of every sample of that name whose labels contain every given label. */
  public double sum(String name, String... labels) {
    Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name) + "(\\{[^}]*\\})? (\\S+)$").matcher(text);
    double sum = 0;
    while (m.find()) {
      String have = m.group(1) == null ? "" : m.group(1);
      boolean all = true;
      for (String l : labels) {
        all &= have.contains(l);
      }
      if (all) {
        sum += Double.parseDouble(m.group(2));
      }
    }
    return sum;
  }
}
