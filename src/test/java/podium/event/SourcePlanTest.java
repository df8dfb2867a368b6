package podium.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import podium.DemoEvent;

/**
 * A followed schedule's releases against the demo forum: what moves, what is held because Podium
 * changed it on the day, and that a release applied twice changes nothing the second time.
 */
@Tag("unit")
class SourcePlanTest {

  private static final Instant DURING = SessionRulesTest.at("2023-08-16T07:00");
  private final Agenda demo = DemoEvent.agenda();
  /** Every session of the demo came from the source. */
  private final Set<String> owned = demo.sessions().stream().map(Session::id).collect(Collectors.toSet());

  /** The demo as the source has it, with one session changed. */
  private Agenda source(String id, UnaryOperator<Session> change) {
    List<Session> sessions = new ArrayList<>();
    for (Session s : demo.sessions()) {
      Session changed = s.id().equals(id) ? change.apply(s) : s;
      if (changed != null) {
        sessions.add(changed);
      }
    }
    return new Agenda(demo.event(), demo.rooms(), sessions, demo.speakers(), List.of(), null, List.of(), List.of());
  }

  private Agenda sourceWith(Session added) {
    List<Session> sessions = new ArrayList<>(demo.sessions());
    sessions.add(added);
    return new Agenda(demo.event(), demo.rooms(), sessions, demo.speakers(), List.of(), null, List.of(), List.of());
  }

  private static Agenda applied(Agenda agenda, SourcePlan.Result r) {
    Agenda now = agenda;
    for (Change c : r.changes()) {
      now = now.apply(c);
    }
    return now;
  }

  private static Map<String, SourcePlan.Kind> kinds(SourcePlan.Result r) {
    Map<String, SourcePlan.Kind> kinds = new HashMap<>();
    r.steps().stream().filter(s -> s.kind() != SourcePlan.Kind.UNCHANGED).forEach(s -> kinds.put(s.session(), s.kind()));
    return kinds;
  }

  private static Agenda command(Agenda agenda, String json) {
    return agenda.apply(Catalogue.parse(new JsonObject(json)).decide(agenda, new Facts(DURING, "t1")));
  }

  @Test
  void aRetimedTalkIsReplannedAMovedOneMovedARemovedOneCancelledAndANewOneAdded() {
    Session keynote = demo.session("keynote-gan-yong").orElseThrow();
    Agenda release = source("keynote-gan-yong", s -> s.replanned(s.room(), s.start().plusSeconds(600), s.end().plusSeconds(600)));
    SourcePlan.Result r = SourcePlan.follow(demo, release, Map.of(), owned);
    assertThat(kinds(r)).containsExactly(Map.entry("keynote-gan-yong", SourcePlan.Kind.RETIMED));
    Session after = applied(demo, r).session("keynote-gan-yong").orElseThrow();
    assertThat(after.start()).isEqualTo(keynote.start().plusSeconds(600));
    assertThat(after.plannedStart()).as("a new plan, not a delay: screens do not say 'delayed'").isEqualTo(after.start());
    assertThat(r.changes()).extracting(c -> c.kind().wire()).containsExactly("session.updated");

    String otherRoom = demo.rooms().stream().map(Room::id).filter(id -> !id.equals(keynote.room())).findFirst().orElseThrow();
    SourcePlan.Result moved = SourcePlan.follow(demo, source("keynote-gan-yong", s -> s.replanned(otherRoom, s.start(),
        s.end())), Map.of(), owned);
    assertThat(moved.changes()).extracting(c -> c.kind().wire()).containsExactly("session.moved");
    assertThat(applied(demo, moved).session("keynote-gan-yong").orElseThrow().room()).isEqualTo(otherRoom);

    SourcePlan.Result removed = SourcePlan.follow(demo, source("keynote-gan-yong", s -> null), Map.of(), owned);
    assertThat(kinds(removed)).containsExactly(Map.entry("keynote-gan-yong", SourcePlan.Kind.CANCELLED));
    Session cancelled = applied(demo, removed).session("keynote-gan-yong").orElseThrow();
    assertThat(cancelled.status()).isEqualTo(Session.Status.CANCELLED);
    assertThat(cancelled.reason()).isEqualTo(SourcePlan.REMOVED);

    Session fresh = new Session("late-night-talk", Session.Type.SPEECH, keynote.room(), keynote.room(),
        new Text("Late night", "深夜"), Text.EMPTY, keynote.start().plus(Duration.ofHours(12)),
        keynote.start().plus(Duration.ofHours(13)), keynote.start().plus(Duration.ofHours(12)),
        keynote.start().plus(Duration.ofHours(13)), Session.Status.SCHEDULED, List.of(), Text.EMPTY, null, null);
    SourcePlan.Result added = SourcePlan.follow(demo, sourceWith(fresh), Map.of(), owned);
    assertThat(kinds(added)).containsExactly(Map.entry("late-night-talk", SourcePlan.Kind.ADDED));
    assertThat(applied(demo, added).session("late-night-talk")).contains(fresh);
  }

  @Test
  void theSameReleaseTwiceChangesNothingTheSecondTime() {
    Agenda release = source("keynote-gan-yong", s -> s.replanned(s.room(), s.start().plusSeconds(600), s.end().plusSeconds(600)));
    SourcePlan.Result first = SourcePlan.follow(demo, release, Map.of(), owned);
    Agenda after = applied(demo, first);
    SourcePlan.Result second = SourcePlan.follow(after, release, first.marks(), owned);
    assertThat(second.changes()).isEmpty();
    assertThat(kinds(second)).isEmpty();
  }

  @Test
  void aSessionDelayedInPodiumOnTheDayIsHeldButItsTextsStillFollow() {
    Agenda delayed = command(demo, "{\"type\":\"session.delay\",\"session\":\"keynote-gan-yong\",\"minutes\":15}");
    Agenda release = source("keynote-gan-yong", s -> s.replanned(s.room(), s.start().plusSeconds(1800),
        s.end().plusSeconds(1800)).withContent(s.type(), new Text("Renamed keynote", "新标题"), s.description(), s.speakers()));
    SourcePlan.Result r = SourcePlan.follow(delayed, release, Map.of(), owned);
    SourcePlan.Step step = r.steps().stream().filter(s -> s.session().equals("keynote-gan-yong")).findFirst().orElseThrow();
    assertThat(step.kind()).isEqualTo(SourcePlan.Kind.UPDATED);
    assertThat(step.held()).isEqualTo("changed in Podium");
    Session after = applied(delayed, r).session("keynote-gan-yong").orElseThrow();
    assertThat(after.start()).as("the delay wins").isEqualTo(delayed.session("keynote-gan-yong").orElseThrow().start());
    assertThat(after.title().en()).isEqualTo("Renamed keynote");
  }

  @Test
  void releasedTheSessionFollowsTheSourceAgain() {
    Agenda delayed = command(demo, "{\"type\":\"session.delay\",\"session\":\"keynote-gan-yong\",\"minutes\":15}");
    Agenda release = source("keynote-gan-yong", s -> s.replanned(s.room(), s.start().plusSeconds(1800), s.end().plusSeconds(1800)));
    assertThat(kinds(SourcePlan.follow(delayed, release, Map.of(), owned)))
        .containsExactly(Map.entry("keynote-gan-yong", SourcePlan.Kind.HELD));
    Map<String, SourceMark> released = Map.of("keynote-gan-yong",
        SourceMark.of(delayed.session("keynote-gan-yong").orElseThrow()));
    SourcePlan.Result r = SourcePlan.follow(delayed, release, released, owned);
    assertThat(kinds(r)).containsExactly(Map.entry("keynote-gan-yong", SourcePlan.Kind.RETIMED));
    assertThat(applied(delayed, r).session("keynote-gan-yong").orElseThrow().start())
        .isEqualTo(demo.session("keynote-gan-yong").orElseThrow().start().plusSeconds(1800));
  }

  @Test
  void aStartedSessionIsNeitherMovedNorCancelledAndAStaffCancelStays() {
    Agenda live = command(demo, "{\"type\":\"session.start\",\"session\":\"keynote-gan-yong\"}");
    SourcePlan.Result removed = SourcePlan.follow(live, source("keynote-gan-yong", s -> null), Map.of(), owned);
    assertThat(removed.changes()).isEmpty();
    assertThat(removed.steps()).filteredOn(s -> s.session().equals("keynote-gan-yong"))
        .extracting(SourcePlan.Step::held).containsExactly("started");

    Agenda cancelled = command(demo, "{\"type\":\"session.cancel\",\"session\":\"keynote-gan-yong\"}");
    Agenda release = source("keynote-gan-yong", s -> s.replanned(s.room(), s.start().plusSeconds(600), s.end().plusSeconds(600)));
    SourcePlan.Result r = SourcePlan.follow(cancelled, release, Map.of(), owned);
    assertThat(r.changes()).as("staff cancelled it on the day: the source does not bring it back").isEmpty();
  }

  @Test
  void aSessionTheSourceRemovedComesBackWhenItReturns() {
    SourcePlan.Result removed = SourcePlan.follow(demo, source("keynote-gan-yong", s -> null), Map.of(), owned);
    Agenda gone = applied(demo, removed);
    SourcePlan.Result back = SourcePlan.follow(gone, demo, removed.marks(), owned);
    assertThat(kinds(back)).containsExactly(Map.entry("keynote-gan-yong", SourcePlan.Kind.RESTORED));
    Session restored = applied(gone, back).session("keynote-gan-yong").orElseThrow();
    assertThat(restored.status()).isEqualTo(Session.Status.SCHEDULED);
    assertThat(restored.reason()).isEqualTo(Text.EMPTY);
  }

  @Test
  void aSessionMadeInPodiumIsNeverCancelledByTheSource() {
    SourcePlan.Result r = SourcePlan.follow(demo, source("keynote-gan-yong", s -> null), Map.of(),
        Set.of("opening-ceremony"));
    assertThat(r.changes()).isEmpty();
  }

  @Test
  void theRuleRefusesAReleaseThatChangesNothing() {
    Catalogue.Parsed<Command.Follow> follow = Catalogue.follow(new Command.Follow(demo, Map.of(), owned));
    assertThatThrownBy(() -> follow.decideAll(demo, new Facts(DURING, "t1")))
        .isInstanceOf(CommandRejected.class).extracting(e -> ((CommandRejected) e).code())
        .isEqualTo(ErrorCode.INVALID_STATE);
    assertThatThrownBy(() -> Catalogue.parse(new JsonObject().put("type", "schedule.follow")))
        .as("no body asks for it").isInstanceOf(CommandRejected.class);
  }

  @Test
  void aReplacePreviewSaysWhatHappensToEverySession() {
    String otherRoom = demo.rooms().get(1).id();
    Agenda incoming = source("keynote-gan-yong", s -> s.replanned(otherRoom, s.start(), s.end()));
    SourcePlan.Result r = SourcePlan.replace(demo, incoming);
    assertThat(kinds(r)).containsExactly(Map.entry("keynote-gan-yong", SourcePlan.Kind.MOVED));
    JsonObject json = r.toJson();
    assertThat(json.getJsonObject("counts").getInteger("unchanged")).isEqualTo(demo.sessions().size() - 1);
    assertThat(json.getJsonArray("steps")).hasSize(1);
  }
}
