package podium.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import podium.Api;
import podium.Await;
import podium.TestNode;
import podium.event.Audience;
import podium.live.EventState;

/**
 * What a node holds in memory after every kind of command is exactly what PostgreSQL holds. The
 * write path relies on it: a command checks its rules against the in-memory agenda when that is at
 * the locked version.
 */
@ExtendWith(VertxExtension.class)
@Tag("node")
class AgendaParityTest {

  @Test
  void memoryAndDatabaseAgreeAfterEveryKindOfCommand(Vertx vertx) {
    TestNode.Running node = TestNode.startSeeded(vertx, "parity");
    WebClient web = WebClient.create(vertx);
    try (Api api = new Api(vertx, node.port())) {
      String code = web.post(node.port(), "localhost", "/api/screens").send().await().bodyAsJsonObject().getString("code");
      List<String> commands = List.of(
          "{\"type\":\"session.delay\",\"session\":\"keynote-gan-yong\",\"minutes\":15,\"cascade\":true}",
          "{\"type\":\"session.move\",\"session\":\"matchmaking-meeting-2\",\"room\":\"main-hall\"}",
          "{\"type\":\"session.cancel\",\"session\":\"academic-conference-2\",\"reason\":{\"en\":\"Weather\",\"zh\":\"天气\"}}",
          "{\"type\":\"session.start\",\"session\":\"opening-ceremony\"}",
          "{\"type\":\"session.start\",\"session\":\"welcome-speech\"}",
          "{\"type\":\"session.end\",\"session\":\"welcome-speech\"}",
          "{\"type\":\"session.update\",\"session\":\"rare-earth-expo\",\"title\":\"Expo\",\"speakers\":[\"gan-yong\"]}",
          "{\"type\":\"session.add\",\"session\":\"press\",\"kind\":\"meeting\",\"room\":\"forum-b\",\"title\":\"Press\","
              + "\"start\":\"2023-08-16T12:00\",\"end\":\"2023-08-16T12:30\"}",
          "{\"type\":\"speaker.on_stage\",\"session\":\"keynote-gan-yong\",\"speaker\":\"gan-yong\",\"next\":\"wang-haizhou\"}",
          "{\"type\":\"announcement.post\",\"announcement\":\"lunch\",\"text\":\"Lunch at noon\",\"expiresInMinutes\":60}",
          "{\"type\":\"announcement.clear\",\"announcement\":\"lunch\"}",
          "{\"type\":\"announcement.post\",\"announcement\":\"lunch\",\"text\":\"Lunch at 12:30\"}",
          "{\"type\":\"notice.emergency\",\"text\":{\"en\":\"Stay seated\",\"zh\":\"请留在座位上\"}}",
          "{\"type\":\"notice.clear\"}",
          "{\"type\":\"notice.emergency\",\"text\":\"Exit by door B\"}",
          "{\"type\":\"award.set_results\",\"award\":\"leading-enterprises\",\"results\":[{\"rank\":1,"
              + "\"nominee\":\"demo-enterprise-c\"},{\"rank\":1,\"nominee\":\"demo-enterprise-b\"},{\"rank\":3,"
              + "\"nominee\":\"demo-enterprise-a\"}]}",
          "{\"type\":\"award.reveal\",\"award\":\"leading-enterprises\",\"rank\":1}",
          "{\"type\":\"award.unreveal\",\"award\":\"leading-enterprises\",\"rank\":1}",
          "{\"type\":\"award.add\",\"award\":\"young\",\"session\":\"awards-ceremony\",\"name\":\"Young\"}",
          "{\"type\":\"award.nominee\",\"award\":\"young\",\"nominee\":\"y-a\",\"name\":\"Y A\"}",
          "{\"type\":\"award.set_results\",\"award\":\"young\",\"results\":[{\"rank\":1,\"nominee\":\"y-a\"}]}",
          "{\"type\":\"room.add\",\"room\":\"press-room\",\"name\":\"Press room\"}",
          "{\"type\":\"room.update\",\"room\":\"press-room\",\"position\":0}",
          "{\"type\":\"speaker.add\",\"speaker\":\"li-ming\",\"name\":\"Li Ming\"}",
          "{\"type\":\"speaker.update\",\"speaker\":\"li-ming\",\"title\":\"Professor\"}",
          "{\"type\":\"event.update\",\"venue\":\"Baotou Expo Centre\"}",
          "{\"type\":\"clock.set\",\"at\":\"2023-08-16T10:00\",\"speed\":2}",
          "{\"type\":\"session.cancel\",\"session\":\"matchmaking-meeting-1\"}",
          "{\"type\":\"session.restore\",\"session\":\"matchmaking-meeting-1\"}",
          "{\"type\":\"award.reveal\",\"award\":\"leading-enterprises\",\"rank\":3}",
          "{\"type\":\"screen.pair\",\"code\":\"" + code + "\",\"room\":\"forum-a\",\"layout\":\"room\"}");
      long version = 0;
      for (String c : commands) {
        var answer = api.command(new JsonObject(c));
        assertThat(answer.statusCode()).as(c + " -> " + answer.bodyAsString()).isEqualTo(200);
        version = answer.bodyAsJsonObject().getLong("version");
      }
      EventState state = node.node().states().bySlug(TestNode.SLUG);
      Await.version("the node's memory", () -> state.view().version(), version);
      JsonObject inMemory = state.view().agenda().toJson(Audience.STAFF);
      JsonObject inDatabase = EventImport.load(node.node().pool(), state.id()).await().agenda().toJson(Audience.STAFF);
      assertThat(inMemory.encodePrettily()).isEqualTo(inDatabase.encodePrettily());
      assertThat(inMemory.getJsonObject("notice")).isNotNull();
      assertThat(inMemory.getJsonArray("screens")).hasSize(1);
    } finally {
      web.close();
      node.stop();
    }
  }
}
