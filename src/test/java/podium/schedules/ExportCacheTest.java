package podium.schedules;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import java.lang.reflect.Constructor;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import podium.DemoEvent;
import podium.live.EventState;

/** An export is built once per version and key, however many ask; a new version builds again. */
@Tag("unit")
class ExportCacheTest {

  @Test
  void manyRequestsForOneVersionShareOneBuild() throws Exception {
    ExportCache cache = new ExportCache();
    AtomicInteger builds = new AtomicInteger();
    EventState.View v1 = view(1, "e1");
    for (int i = 0; i < 10_000; i++) {
      cache.get(7, v1, "json:en:*", () -> build(builds));
    }
    assertThat(builds).hasValue(1);
    cache.get(7, v1, "json:zh:*", () -> build(builds));
    assertThat(builds).as("another language is another export").hasValue(2);
    EventState.View v2 = view(2, "e1");
    cache.get(7, v2, "json:en:*", () -> build(builds));
    cache.get(7, v2, "json:en:*", () -> build(builds));
    assertThat(builds).as("a new version builds once more").hasValue(3);
    cache.get(7, v1, "json:en:*", () -> build(builds));
    assertThat(builds).as("an older view is built, not kept").hasValue(4);
    cache.get(7, view(2, "e2"), "json:en:*", () -> build(builds));
    assertThat(builds).as("a new epoch is a new history").hasValue(5);
  }

  private static Future<ExportCache.Export> build(AtomicInteger builds) {
    builds.incrementAndGet();
    return Future.succeededFuture(new ExportCache.Export(Buffer.buffer("x"), Instant.EPOCH));
  }

  /** A view as the feed would publish it (its constructor is the live package's own). */
  private static EventState.View view(long version, String epoch) throws Exception {
    Constructor<EventState.View> c = EventState.View.class.getDeclaredConstructor(long.class, String.class,
        podium.event.Agenda.class);
    c.setAccessible(true);
    return c.newInstance(version, epoch, DemoEvent.agenda());
  }
}
