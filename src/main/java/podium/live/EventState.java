package podium.live;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReferenceArray;
import podium.event.Agenda;
import podium.event.Audience;
import podium.event.Change;

/**
 * The read model of one event on this node: the agenda at the last applied version, its snapshot
 * encoded once per audience, and a ring of recent deltas for resuming clients. Only the change
 * feed writes it; hubs on any thread read the published view.
 */
public final class EventState {

  /**
   * Everything a reader needs at one version; swapped whole. Its snapshots are encoded on first
   * use, once per audience: most versions are never asked for whole, and a delta should not wait
   * for two encodings of the agenda before it goes out.
   */
  public static final class View {
    private final long version;
    private final String epoch;
    private final Agenda agenda;
    private final AtomicReferenceArray<Snapshot> snapshots = new AtomicReferenceArray<>(Audience.values().length);
    private final AtomicReferenceArray<Buffer> gzips = new AtomicReferenceArray<>(Audience.values().length);

    View(long version, String epoch, Agenda agenda) {
      this.version = version;
      this.epoch = epoch;
      this.agenda = agenda;
    }

    public long version() {
      return version;
    }

    public String epoch() {
      return epoch;
    }

    public Agenda agenda() {
      return agenda;
    }

    public SharedFrame snapshotFor(Audience audience) {
      return snapshot(audience).frame();
    }

    /**
     * The snapshot document of GET /api/events/{slug}, UTF-8, made once and shared by every
     * response (each writes its own slice of it): read it, never change it.
     */
    public Buffer bodyFor(Audience audience) {
      return snapshot(audience).body();
    }

    /**
     * The same document gzip-compressed, made once per version on first use and shared like
     * {@link #bodyFor}: a thousand phones asking cost one compression, not a thousand.
     */
    public Buffer gzipFor(Audience audience) {
      Buffer gz = gzips.get(audience.ordinal());
      if (gz == null) {
        gz = Gzip.of(bodyFor(audience));
        gzips.set(audience.ordinal(), gz);
      }
      return gz;
    }

    // Two threads may both encode the first time; they make the same bytes, and one is kept.
    private Snapshot snapshot(Audience audience) {
      Snapshot s = snapshots.get(audience.ordinal());
      if (s == null) {
        String body = new JsonObject().put("version", version).put("epoch", epoch)
            .mergeIn(agenda.toJson(audience)).encode();
        s = new Snapshot(Buffer.buffer(body.getBytes(StandardCharsets.UTF_8)), Frames.snapshot(version, epoch, body));
        snapshots.set(audience.ordinal(), s);
      }
      return s;
    }
  }

  private record Snapshot(Buffer body, SharedFrame frame) { }

  public static final int RING_SIZE = 1024;

  private final long id;
  private final AtomicReferenceArray<Delta> ring = new AtomicReferenceArray<>(RING_SIZE);
  private volatile View view;

  EventState(long id, long version, String epoch, Agenda agenda) {
    this.id = id;
    this.view = new View(version, epoch, agenda);
  }

  public long id() {
    return id;
  }

  public String slug() {
    return view.agenda().event().slug();
  }

  public View view() {
    return view;
  }

  /** Applies the next change; the ring slot is written before the new view is published. */
  Delta apply(long version, Change change, long committedAtMs) {
    View current = view;
    if (version != current.version() + 1) {
      throw new IllegalStateException("event " + id + " at " + current.version() + " got version " + version);
    }
    Delta delta = Frames.delta(this, version, change, committedAtMs);
    ring.set((int) (version % RING_SIZE), delta);
    view = new View(version, current.epoch(), current.agenda().apply(change));
    return delta;
  }

  /** Keeps a delta that was committed before this node loaded the event, for resuming clients. */
  void remember(long version, Change change, long committedAtMs) {
    ring.set((int) (version % RING_SIZE), Frames.delta(this, version, change, committedAtMs));
  }

  /** The deltas after a version up to the current one, or null when the ring no longer has them all. */
  Delta[] since(long version, View at) {
    long count = at.version() - version;
    if (version < 0 || count < 0 || count >= RING_SIZE) {
      return null;
    }
    Delta[] out = new Delta[(int) count];
    for (int i = 0; i < count; i++) {
      Delta d = ring.get((int) ((version + 1 + i) % RING_SIZE));
      if (d == null || d.version() != version + 1 + i) {
        return null;
      }
      out[i] = d;
    }
    return out;
  }

}
