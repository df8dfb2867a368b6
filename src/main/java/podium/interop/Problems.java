package podium.interop;

import java.util.ArrayList;
import java.util.List;

/** Collects what is wrong with a file (it is then refused) and what was tolerated (warnings). */
final class Problems {

  static final int MAX = 100;

  private final List<ScheduleRefused.Problem> found = new ArrayList<>();
  private final List<String> warnings = new ArrayList<>();
  private int more;

  void add(String where, String field, String problem) {
    if (found.size() < MAX) {
      found.add(new ScheduleRefused.Problem(where, field, problem));
    } else {
      more++;
    }
  }

  void warn(String warning) {
    if (warnings.size() < MAX) {
      warnings.add(warning);
    } else if (warnings.size() == MAX) {
      warnings.add("… and more warnings like these");
    }
  }

  boolean any() {
    return !found.isEmpty();
  }

  List<String> warnings() {
    return List.copyOf(warnings);
  }

  /** Refuses the file if anything was found. */
  void refuseIfAny() {
    if (more > 0) {
      found.add(new ScheduleRefused.Problem("file", "*", "has " + more + " more problems like these"));
    }
    if (!found.isEmpty()) {
      throw new ScheduleRefused(found);
    }
  }
}
