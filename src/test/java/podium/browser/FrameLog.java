package podium.browser;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** live.js's log of the frames a page received (window.podiumLive.log), and the protocol's promise checked on it. */
public final class FrameLog {

  /** What a log shows: broken promises, the last version reached, and how many snapshots came. */
  public record Check(List<String> problems, Long last, int snapshots) { }

  private FrameLog() {
  }

  @SuppressWarnings("unchecked")
  public static List<Map<String, Object>> of(Browser page) {
    return (List<Map<String, Object>>) page.js("return window.podiumLive.log");
  }

  /**
   * From version {@code from} (null: from the first snapshot, or from the state the page came with,
   * live.js's {@code first-state} entry), each version once and in order, and a snapshot only right
   * after a welcome.
   */
  public static Check check(List<Map<String, Object>> log, Long from) {
    Long version = from;
    String previous = null;
    Set<Long> seen = new HashSet<>();
    List<String> problems = new ArrayList<>();
    int snapshots = 0;
    for (Map<String, Object> f : log) {
      String type = (String) f.get("type");
      Long v = f.get("version") == null ? null : ((Number) f.get("version")).longValue();
      if ("snapshot".equals(type)) {
        snapshots++;
        if (!"welcome".equals(previous)) {
          problems.add("snapshot " + v + " after " + previous);
        }
        version = v;
      } else if ("first-state".equals(type)) {
        version = v;
      } else if ("change".equals(type) || "skip".equals(type)) {
        if (version == null || v != version + 1) {
          problems.add(type + " " + v + " after " + version);
        }
        if (!seen.add(v)) {
          problems.add("version " + v + " twice");
        }
        version = v;
      }
      if (!"pong".equals(type)) {
        previous = type;
      }
    }
    return new Check(problems, version, snapshots);
  }
}
