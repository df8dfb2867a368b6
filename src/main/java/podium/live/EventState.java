package podium.live;

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

  /** Everything a reader needs at one version; immutable, swapped whole. */
  public record View(long version, String epoch, Agenda agenda, byte[] publicBody, byte[] staffBody,
      SharedFrame publicSnapshot, SharedFrame staffSnapshot) {

    public SharedFrame snapshotFor(Audience audience) {
      return audience == Audience.STAFF ? staffSnapshot : publicSnapshot;
    }

    /** The snapshot document of GET /api/events/{slug}, encoded (UTF-8) once per version. */
    public byte[] bodyFor(Audience audience) {
      return audience == Audience.STAFF ? staffBody : publicBody;
    }
  }

  public static final int RING_SIZE = 1024;

  private final long id;
  private final AtomicReferenceArray<Delta> ring = new AtomicReferenceArray<>(RING_SIZE);
  private volatile View view;

  EventState(long id, long version, String epoch, Agenda agenda) {
    this.id = id;
    this.view = viewOf(version, epoch, agenda);
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
  Delta apply(long version, Change change) {
    View current = view;
    if (version != current.version() + 1) {
      throw new IllegalStateException("event " + id + " at " + current.version() + " got version " + version);
    }
    Delta delta = Frames.delta(id, version, change);
    ring.set((int) (version % RING_SIZE), delta);
    view = viewOf(version, current.epoch(), current.agenda().apply(change));
    return delta;
  }

  /** Keeps a delta that was committed before this node loaded the event, for resuming clients. */
  void remember(long version, Change change) {
    ring.set((int) (version % RING_SIZE), Frames.delta(id, version, change));
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

  private static View viewOf(long version, String epoch, Agenda agenda) {
    String publicBody = body(agenda, Audience.PUBLIC, version, epoch);
    String staffBody = body(agenda, Audience.STAFF, version, epoch);
    return new View(version, epoch, agenda, publicBody.getBytes(StandardCharsets.UTF_8),
        staffBody.getBytes(StandardCharsets.UTF_8), Frames.snapshot(version, epoch, publicBody),
        Frames.snapshot(version, epoch, staffBody));
  }

  private static String body(Agenda agenda, Audience audience, long version, String epoch) {
    JsonObject state = new JsonObject().put("version", version).put("epoch", epoch);
    return state.mergeIn(agenda.toJson(audience)).encode();
  }
}
