package podium.screens;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import podium.store.DeliveryReports;

/**
 * Which screens the delivery report names as lagging, read at a server time given here rather than
 * waited for: an online screen that has not applied a change, once the change is more than 3 s old.
 */
@Tag("unit")
class DeliverySummaryTest {

  /** When version 7 was committed, ms. */
  private static final long MADE = 1_692_149_400_000L;

  @Test
  void anOnlineScreenWithoutTheChangeIsNamedOnceTheChangeIsThreeSecondsOld() {
    assertThat(lagging(MADE + 500)).as("half a second after the change").isEmpty();
    assertThat(lagging(MADE + 2_999)).as("just under 3 s after").isEmpty();
    assertThat(lagging(MADE + 3_001)).as("just over 3 s after").containsExactly("tv", "new");
    assertThat(lagging(MADE + 600_000)).as("ten minutes after, still without it").containsExactly("tv", "new");
  }

  /** The ids of the screens named on version 7 at server time now. */
  private static List<String> lagging(long now) {
    JsonArray rows = new JsonArray()
        .add(new JsonObject().put("version", DeliveryReports.CONNECTED).put("report", new JsonObject()
            .put("connected", new JsonObject().put("main-hall|screen", 3))))
        .add(new JsonObject().put("version", 7L).put("kind", "session.delayed").put("at", MADE)
            .put("report", new JsonObject().put("reached", new JsonObject().put("main-hall|screen", 1))
                .put("buckets", new JsonArray().add(1))));
    JsonArray screens = new JsonArray()
        .add(screen("wall", true, 7L))
        .add(screen("tv", true, 6L))
        .add(screen("new", true, null))
        .add(screen("dark", false, 5L));
    JsonObject version = DeliveryApi.summary(7, rows, screens, now).getJsonArray("versions").getJsonObject(0);
    assertThat(version.getLong("version")).isEqualTo(7L);
    return version.getJsonArray("lagging").stream().map(s -> ((JsonObject) s).getString("screen")).toList();
  }

  private static JsonObject screen(String id, boolean online, Long versionShown) {
    return new JsonObject().put("screen", id).put("name", new JsonObject().put("en", id)).put("room", "main-hall")
        .put("online", online).put("versionShown", versionShown);
  }
}
