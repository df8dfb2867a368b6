package podium.hostile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts of what a hostile test tried and what came back, printed at the end and written to
 * target/hostile/NAME.txt, which docs/RELIABILITY.md quotes.
 */
final class Tally {

  private final String name;
  private final Map<String, AtomicLong> tried = new ConcurrentHashMap<>();
  private final Map<String, AtomicLong> outcomes = new ConcurrentHashMap<>();
  private final Map<String, String> notes = new TreeMap<>();

  Tally(String name) {
    this.name = name;
  }

  void tried(String kind) {
    tried.computeIfAbsent(kind, k -> new AtomicLong()).incrementAndGet();
  }

  void outcome(String outcome) {
    outcomes.computeIfAbsent(outcome, k -> new AtomicLong()).incrementAndGet();
  }

  void note(String key, Object value) {
    notes.put(key, String.valueOf(value));
  }

  long total() {
    return outcomes.values().stream().mapToLong(AtomicLong::get).sum();
  }

  long tried(String kind, boolean prefix) {
    return tried.entrySet().stream().filter(e -> prefix ? e.getKey().startsWith(kind) : e.getKey().equals(kind))
        .mapToLong(e -> e.getValue().get()).sum();
  }

  /** Prints the counts and writes them to target/hostile/NAME.txt. */
  String report() {
    StringBuilder s = new StringBuilder(name).append(": ").append(total()).append(" inputs\n");
    s.append("tried:\n");
    new TreeMap<>(tried).forEach((k, v) -> s.append("  ").append(k).append(": ").append(v).append('\n'));
    s.append("outcomes:\n");
    new TreeMap<>(outcomes).forEach((k, v) -> s.append("  ").append(k).append(": ").append(v).append('\n'));
    notes.forEach((k, v) -> s.append(k).append(": ").append(v).append('\n'));
    try {
      Path dir = Path.of("target", "hostile");
      Files.createDirectories(dir);
      Files.writeString(dir.resolve(name + ".txt"), s);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    System.out.println(s);
    return s.toString();
  }
}
