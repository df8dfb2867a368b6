package podium.schedules;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import podium.live.EventState;
import podium.live.Gzip;

/**
 * Each export is built once per event version (and format, language, selection) and shared by
 * every request, as the snapshot is: 10,000 phones polling cost one build per change. Only the
 * newest version of each event is kept; an answer's ETag changes with the version anyway.
 */
final class ExportCache {

  /**
   * A built export: the bytes every response shares (read, never change) and their gzip copy, both
   * made where it is built (a worker), and when the event last changed. lastModified: the header's
   * text, written once per export rather than per answer.
   */
  record Export(Buffer body, Buffer gzip, Instant modified, String lastModified) {

    Export(Buffer body, Instant modified) {
      this(body, Gzip.of(body), modified, DateTimeFormatter.RFC_1123_DATE_TIME.format(
          modified.atZone(ZoneOffset.UTC)));
    }
  }

  /** Attendees' starred calendars are many; past this many kinds per version, they are built per request. */
  static final int MAX_PER_VERSION = 2_000;

  private record Shelf(String epoch, long version, Map<String, Future<Export>> built) { }

  private final Map<Long, Shelf> shelves = new ConcurrentHashMap<>();

  Future<Export> get(long eventId, EventState.View view, String key, Supplier<Future<Export>> build) {
    Shelf shelf = shelves.compute(eventId, (id, s) -> s == null || !s.epoch().equals(view.epoch())
        || s.version() < view.version() ? new Shelf(view.epoch(), view.version(), new ConcurrentHashMap<>()) : s);
    if (shelf.version() != view.version() || !shelf.epoch().equals(view.epoch())) {
      return build.get(); // this request saw an older view than the newest one: not worth keeping
    }
    Future<Export> known = shelf.built().get(key);
    if (known != null) {
      return known;
    }
    if (shelf.built().size() >= MAX_PER_VERSION) {
      return build.get();
    }
    Future<Export> made = shelf.built().computeIfAbsent(key, k -> build.get());
    made.onFailure(e -> shelf.built().remove(key, made));
    return made;
  }
}
