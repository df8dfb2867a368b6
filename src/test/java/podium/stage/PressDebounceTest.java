package podium.stage;

import static org.assertj.core.api.Assertions.assertThat;
import static podium.stage.Deck.count;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import podium.LiveClient;
import podium.Node;
import podium.TestNode;

/**
 * A stage button pressed twice within a second applies once, and both presses get the first one's
 * answer: pressed at once on two nodes behind one database (as behind nginx), pressed again 200 ms
 * later on one, and for a button whose second press would otherwise be refused (GO, END). A second
 * later it is a new press; another token's press is its own.
 */
@Tag("node")
@ExtendWith(VertxExtension.class)
class PressDebounceTest {

  private Node a;
  private Node b;
  private Deck crewOnA;
  private Deck crewOnB;
  private Deck sessionsOnA;
  private Deck admin;
  private Pool pool;
  private int portA;

  @BeforeEach
  void start(Vertx vertx) {
    PgConnectOptions db = TestNode.seededDatabase(vertx);
    portA = TestNode.freePort();
    int portB = TestNode.freePort();
    a = TestNode.start(vertx, db, portA, "press-a");
    b = TestNode.start(vertx, db, portB, "press-b");
    pool = a.pool();
    String crew = Deck.token(vertx, portA, "deck-crew", "announcer");
    crewOnA = new Deck(vertx, portA, crew);
    crewOnB = new Deck(vertx, portB, crew);
    sessionsOnA = new Deck(vertx, portA, Deck.token(vertx, portA, "deck-sessions", "editor"));
    admin = new Deck(vertx, portA, TestNode.ADMIN_TOKEN);
    admin.command("{\"type\":\"clock.set\",\"at\":\"2023-08-16T08:35\",\"paused\":true}");
  }

  @AfterEach
  void stop() {
    for (Deck d : List.of(crewOnA, crewOnB, sessionsOnA, admin)) {
      d.close();
    }
    b.stop().await();
    a.stop().await();
  }

  /** Both answered 200 with one body, exactly one of them marked as the repeat. */
  private static JsonObject sameAnswer(HttpResponse<Buffer> first, HttpResponse<Buffer> second) {
    assertThat(first.statusCode()).as(first.bodyAsString()).isEqualTo(200);
    assertThat(second.statusCode()).as(second.bodyAsString()).isEqualTo(200);
    assertThat(second.bodyAsJsonObject()).isEqualTo(first.bodyAsJsonObject());
    assertThat(List.of(first, second)).as("one of them is the repeat")
        .filteredOn(r -> "true".equals(r.getHeader("Podium-Debounced"))).hasSize(1);
    return first.bodyAsJsonObject();
  }

  private static List<HttpResponse<Buffer>> together(Future<HttpResponse<Buffer>> one, Future<HttpResponse<Buffer>> two) {
    Future.join(one, two).await();
    return List.of(one.result(), two.result());
  }

  @Test
  void twoPressesRacingOnTwoNodesApplyOnceAndAnswerAlike() {
    for (int round = 1; round <= 3; round++) {
      List<HttpResponse<Buffer>> both = together(crewOnA.pressAsync("/rooms/main-hall/flash", "{}"),
          crewOnB.pressAsync("/rooms/main-hall/flash", "{}"));
      sameAnswer(both.get(0), both.get(1));
      assertThat(count(pool, "stage.flashed")).as("round %d", round).isEqualTo(round);
      LiveClient.sleep(1_200); // the next round is a new press
    }
  }

  @Test
  void aSecondPress200MsLaterIsTheFirstOne() {
    Future<HttpResponse<Buffer>> first = crewOnA.pressAsync("/rooms/main-hall/flash", "{}");
    LiveClient.sleep(200);
    Future<HttpResponse<Buffer>> second = crewOnA.pressAsync("/rooms/main-hall/flash", "{}");
    List<HttpResponse<Buffer>> both = together(first, second);
    sameAnswer(both.get(0), both.get(1));
    assertThat(count(pool, "stage.flashed")).isEqualTo(1);
    assertThat(admin.press("/rooms/main-hall/flash").statusCode()).as("another token's press is its own").isEqualTo(200);
    assertThat(crewOnA.press("/rooms/forum-a/flash").statusCode()).as("another room is another target").isEqualTo(200);
    assertThat(count(pool, "stage.flashed")).isEqualTo(3);
  }

  @Test
  void aRepeatThatWouldBeRefusedOnItsOwnGetsTheFirstPressesAnswer() {
    admin.command("{\"type\":\"cue.save\",\"cue\":\"doors\",\"name\":\"Doors open\",\"commands\":"
        + "[{\"type\":\"announcement.post\",\"announcement\":\"doors\",\"text\":\"Please take your seats\"}]}");
    crewOnB.board(board -> board.getValue("cue") != null);
    List<HttpResponse<Buffer>> go = together(crewOnA.pressAsync("/go", "{}"), crewOnB.pressAsync("/go", "{}"));
    assertThat(sameAnswer(go.get(0), go.get(1)).getString("kind")).isEqualTo("cue.fired");
    assertThat(count(pool, "cue.fired")).isEqualTo(1);

    assertThat(sessionsOnA.press("/rooms/main-hall/start").statusCode()).isEqualTo(200);
    crewOnA.board(board -> Deck.room(board, "main-hall").getValue("session") != null);
    HttpResponse<Buffer> ended = sessionsOnA.press("/rooms/main-hall/end");
    crewOnA.board(board -> Deck.room(board, "main-hall").getValue("session") == null);
    HttpResponse<Buffer> again = sessionsOnA.press("/rooms/main-hall/end");
    JsonObject answer = sameAnswer(ended, again);
    assertThat(answer.getString("kind")).as("nothing is live now, yet the repeat is the first END")
        .isEqualTo("session.ended");
    assertThat(count(pool, "session.ended")).isEqualTo(1);
  }

  @Test
  void everyPressIsCountedBySourceActionAndResult() {
    List<HttpResponse<Buffer>> both = together(crewOnA.pressAsync("/rooms/main-hall/flash", "{}"),
        crewOnA.pressAsync("/rooms/main-hall/flash", "{}"));
    sameAnswer(both.get(0), both.get(1));
    crewOnA.press("/rooms/main-hall/start");
    String metrics = admin.send(HttpMethod.GET, "/metrics", null).await().bodyAsString();
    assertThat(metrics).contains("podium_presses_total{action=\"flash\",result=\"ok\",source=\"http\"} 1.0",
        "podium_presses_total{action=\"flash\",result=\"repeat\",source=\"http\"} 1.0",
        "podium_presses_total{action=\"start\",result=\"forbidden\",source=\"http\"} 1.0",
        "podium_commands_total{result=\"ok\",type=\"stage.flash\"} 1.0",
        "podium_commands_total{result=\"replayed\",type=\"stage.flash\"} 1.0");
  }
}
