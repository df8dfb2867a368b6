package podium.live;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** The events this node serves, by id and slug, and who wants to hear of each new delta. */
public final class EventStates {

  private final Map<Long, EventState> byId = new ConcurrentHashMap<>();
  private final Map<String, EventState> bySlug = new ConcurrentHashMap<>();
  private final List<Consumer<Delta>> deltaListeners = new CopyOnWriteArrayList<>();
  private final List<Consumer<EventState>> resetListeners = new CopyOnWriteArrayList<>();
  private final Promise<Void> loaded = Promise.promise();

  /** True once the feed has loaded every event; before that a starting node only holds its clients. */
  public boolean loaded() {
    return loaded.future().isComplete();
  }

  /** Completes, on the feed's thread, when every event is loaded. */
  public Future<Void> whenLoaded() {
    return loaded.future();
  }

  void markLoaded() {
    loaded.tryComplete();
  }

  public EventState bySlug(String slug) {
    return bySlug.get(slug);
  }

  public EventState byId(long id) {
    return byId.get(id);
  }

  public List<EventState> all() {
    return byId.values().stream().sorted((a, b) -> Long.compare(a.id(), b.id())).toList();
  }

  /** Called on the feed's thread for every delta, in version order per event. */
  public Runnable onDelta(Consumer<Delta> listener) {
    deltaListeners.add(listener);
    return () -> deltaListeners.remove(listener);
  }

  /** Called when an event was reloaded whole (a new epoch, or a gap the feed could not close). */
  public Runnable onReset(Consumer<EventState> listener) {
    resetListeners.add(listener);
    return () -> resetListeners.remove(listener);
  }

  void put(EventState state) {
    EventState old = byId.put(state.id(), state);
    if (old != null && !old.slug().equals(state.slug())) {
      bySlug.remove(old.slug());
    }
    bySlug.put(state.slug(), state);
    if (old != null) {
      resetListeners.forEach(l -> l.accept(state));
    }
  }

  void published(Delta delta) {
    deltaListeners.forEach(l -> l.accept(delta));
  }
}
