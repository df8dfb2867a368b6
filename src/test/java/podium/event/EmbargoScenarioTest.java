package podium.event;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import podium.GoldenScenario;

/**
 * Through every kind of change (results entered, revealed, tied, withdrawn, undone), no frame
 * data nor snapshot that the public or a non-awards role gets holds a result that is not revealed
 * at that moment; the embargo audience gets every result.
 */
@Tag("unit")
class EmbargoScenarioTest {

  @Test
  void noUnrevealedResultEverReachesAnAudienceThatMayNotSeeIt() {
    int embargoedSeen = 0;
    for (GoldenScenario.Step step : GoldenScenario.run()) {
      Agenda after = step.after();
      for (Audience audience : List.of(Audience.PUBLIC, Audience.STAFF)) {
        List<JsonObject> shown = new ArrayList<>();
        if (audience.sees(step.change().audience())) {
          results(ChangeCodec.encode(step.change(), audience), shown);
        }
        results(after.toJson(audience), shown);
        for (JsonObject r : shown) {
          assertThat(revealed(after, r)).as("version %d, %s: %s", step.version(), audience, r).isTrue();
        }
      }
      List<JsonObject> all = new ArrayList<>();
      results(after.toJson(Audience.EMBARGO), all);
      embargoedSeen += (int) all.stream().filter(r -> r.getValue("revealedAt") == null).count();
    }
    assertThat(embargoedSeen).as("the scenario has embargoed results for the test to hide").isPositive();
  }

  private static boolean revealed(Agenda agenda, JsonObject r) {
    return r.getValue("revealedAt") != null && agenda.award(r.getString("award")).orElseThrow().results().stream()
        .anyMatch(x -> x.revealed() && x.rank() == r.getInteger("rank") && x.nominee().equals(r.getString("nominee")));
  }

  /** Every object anywhere in the JSON that is a result (it has a rank and a nominee). */
  private static void results(Object json, List<JsonObject> out) {
    if (json instanceof JsonObject o) {
      if (o.containsKey("rank") && o.containsKey("nominee")) {
        out.add(o);
      }
      o.forEach(e -> results(e.getValue(), out));
    } else if (json instanceof JsonArray a) {
      a.forEach(v -> results(v, out));
    }
  }
}
