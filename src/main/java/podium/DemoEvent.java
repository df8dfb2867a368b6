package podium;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import podium.event.Agenda;
import podium.event.AgendaImport;
import podium.store.EventImport;

/** The demo event that ships with Podium: the 15th China Baotou Rare Earth Industry Forum. */
public final class DemoEvent {

  public static final String SLUG = "baotou-2023";
  private static final String RESOURCE = "/seed/baotou-2023.json";

  private DemoEvent() {
  }

  /** The demo as seeded now: its simulated clock starts a few minutes before the opening ceremony. */
  public static Agenda agenda() {
    return agenda(Instant.now());
  }

  public static Agenda agenda(Instant seededAt) {
    try (InputStream in = DemoEvent.class.getResourceAsStream(RESOURCE)) {
      return AgendaImport.read(new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8)), seededAt);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Seeds the demo event when the database holds no event at all; true when it did. */
  public static Future<Boolean> seedIfEmpty(Pool pool) {
    return pool.query("select count(*) from events").execute()
        .compose(rows -> rows.iterator().next().getLong(0) > 0 ? Future.succeededFuture(false)
            : EventImport.create(pool, agenda()).map(true));
  }
}
