package podium.interop;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import podium.GoldenScenario;
import podium.event.Agenda;

/**
 * schedule.json and schedule.xml validate against the C3VOC schemas for the demo as shipped and
 * after every command of golden/commands.jsonl, in both languages; and the validators do reject.
 */
@Tag("unit")
class ExportSchemaTest {

  private static final String BASE = "https://podium.example.org";

  @Test
  void theValidatorsRefuseWhatTheSchemasForbid() {
    String valid = ScheduleJson.write(PublicAgenda.of(GoldenScenario.start()), 0, "en", BASE, "test");
    assertThat(Schemas.jsonErrors(valid)).isEmpty();
    JsonObject broken = new JsonObject(valid);
    broken.getJsonObject("schedule").getJsonObject("conference").getJsonArray("days").getJsonObject(0)
        .getJsonObject("rooms").getJsonArray("Main Hall").getJsonObject(0).put("guid", "not-a-uuid");
    assertThat(Schemas.jsonErrors(broken.encode())).as("format: uuid is asserted").isNotEmpty();
    String xml = ScheduleXml.write(PublicAgenda.of(GoldenScenario.start()), 0, "en", BASE, "test");
    assertThat(Schemas.xmlError(xml)).isNull();
    assertThat(Schemas.xmlError(xml.replaceFirst("<duration>[^<]*</duration>", "<duration>45 min</duration>")))
        .isNotNull();
  }

  @Test
  void everyExportValidatesAfterEveryKindOfChange() {
    check(GoldenScenario.start(), 0);
    for (GoldenScenario.Step step : GoldenScenario.run()) {
      check(step.after(), step.version());
    }
  }

  private static void check(Agenda agenda, long version) {
    for (String lang : new String[] {"en", "zh"}) {
      String json = ScheduleJson.write(PublicAgenda.of(agenda), version, lang, BASE, "test");
      assertThat(Schemas.jsonErrors(json)).as("schedule.json at %d in %s", version, lang).isEmpty();
      String xml = ScheduleXml.write(PublicAgenda.of(agenda), version, lang, BASE, "test");
      assertThat(Schemas.xmlError(xml)).as("schedule.xml at %d in %s", version, lang).isNull();
      String ics = CalendarExport.write(PublicAgenda.of(agenda), new Revisions(Map.of(), Map.of(), 0, null,
          Instant.EPOCH), lang, BASE, null);
      assertThat(biweekly.Biweekly.parse(ics).first().validate(biweekly.ICalVersion.V2_0).isEmpty())
          .as("schedule.ics at %d in %s", version, lang).isTrue();
    }
  }
}
