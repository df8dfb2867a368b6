package podium.event;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.function.Function;

/**
 * The one JSON form of every change: the `data` of a change frame and the payload of the changes
 * table. docs/PROTOCOL.md ("Applying a change") describes it; golden tests hold it byte for byte.
 */
public final class ChangeCodec {

  private ChangeCodec() {
  }

  /** The data in full, as the changes table keeps it (what the embargo audience gets). */
  public static JsonObject encode(Change change) {
    return encode(change, Audience.EMBARGO);
  }

  /** The data as an audience that sees this change gets it: award results projected for it. */
  public static JsonObject encode(Change change, Audience audience) {
    return change.accept(new Encoder(audience));
  }

  public static Change decode(ChangeKind kind, JsonObject d) {
    String session = d.getString("session");
    return switch (kind) {
      case SESSION_DELAYED -> new Change.SessionDelayed(session, sessions(d), d.getInteger("minutes"),
          d.getBoolean("cascade", false));
      case SESSION_MOVED -> new Change.SessionMoved(session, sessions(d), d.getString("from"), d.getString("to"));
      case SESSION_UPDATED, SESSION_CANCELLED, SESSION_RESTORED, SESSION_STARTED, SESSION_ENDED, SESSION_ADDED ->
          new Change.SessionChanged(kind, session, sessions(d));
      case SPEAKER_ON_STAGE -> new Change.OnStage(session, d.getString("speaker"), d.getString("next"), sessions(d));
      case ANNOUNCEMENT_POSTED -> new Change.AnnouncementPosted(
          Announcement.fromJson(d.getJsonArray("announcements").getJsonObject(0)));
      case ANNOUNCEMENT_CLEARED -> new Change.AnnouncementCleared(d.getString("announcement"));
      case NOTICE_EMERGENCY -> new Change.EmergencyPosted(Notice.fromJson(d.getJsonObject("notice")));
      case NOTICE_CLEARED -> new Change.EmergencyCleared();
      case AWARD_RESULT_SET -> d.containsKey("awards") ? award(kind, d) : new Change.ResultSet(d.getString("award"), results(d));
      case AWARD_ADDED, AWARD_UPDATED, AWARD_WITHDRAWN -> award(kind, d);
      case AWARD_REVEALED -> new Change.Revealed(d.getString("award"), results(d), d.getLong("showAt"));
      case SCREEN_ASSIGNED -> new Change.ScreenAssigned(Screen.fromJson(d.getJsonObject("assignment")));
      case SCREEN_RELOAD -> new Change.ScreenSignal(kind, d.getString("screen"), null);
      case SCREEN_IDENTIFY -> new Change.ScreenSignal(kind, d.getString("screen"), Text.fromJson(d.getJsonObject("name")));
      case CLOCK_SET -> new Change.ClockSet(Event.fromJson(d.getJsonObject("event")));
      case EVENT_UPDATED -> new Change.EventUpdated(Event.fromJson(d.getJsonObject("event")));
      case ROOM_ADDED, ROOM_UPDATED, STAGE_MESSAGE, STAGE_FLASHED, STAGE_BLACKOUT, ROOM_RUNNING_LATE ->
          new Change.RoomChanged(kind, Room.fromJson(d.getJsonArray("rooms").getJsonObject(0)));
      case SPEAKER_ADDED, SPEAKER_UPDATED -> new Change.SpeakerChanged(kind,
          Speaker.fromJson(d.getJsonArray("speakers").getJsonObject(0)));
      case CUE_SAVED, CUE_FIRED -> new Change.CueChanged(kind, Cue.fromJson(d.getJsonArray("cues").getJsonObject(0)), null);
      case CUE_REMOVED -> new Change.CueChanged(kind, null, d.getString("cue"));
      case CHANGE_UNDONE -> new Change.Undone(d.getLong("undoes"), ChangeKind.parse(d.getString("undid")),
          Spelling.parse(Audience.class, d.getString("seenBy")), TouchedCodec.decode(d));
    };
  }

  private static Change award(ChangeKind kind, JsonObject d) {
    return new Change.AwardChanged(kind, Award.fromJson(d.getJsonArray("awards").getJsonObject(0)),
        d.getJsonArray("ranks", new JsonArray()).stream().map(r -> ((Number) r).intValue()).toList());
  }

  private static List<Session> sessions(JsonObject d) {
    return list(d.getJsonArray("sessions"), Session::fromJson);
  }

  private static List<Award.Result> results(JsonObject d) {
    return list(d.getJsonArray("results"), Award.Result::fromJson);
  }

  private static <T> List<T> list(JsonArray array, Function<JsonObject, T> read) {
    return array == null ? List.of() : array.stream().map(o -> read.apply((JsonObject) o)).toList();
  }

  private static <T> JsonArray array(List<T> items, Function<T, JsonObject> write) {
    return new JsonArray(items.stream().map(write).toList());
  }

  private static JsonObject sessionData(String session, List<Session> sessions) {
    return new JsonObject().put("session", session).put("sessions", array(sessions, Session::toJson));
  }

  private static final class Encoder implements Change.Visitor<JsonObject> {

    private final Audience audience;

    Encoder(Audience audience) {
      this.audience = audience;
    }

    public JsonObject sessionDelayed(Change.SessionDelayed c) {
      return sessionData(c.session(), c.sessions()).put("minutes", c.minutes()).put("cascade", c.cascade());
    }

    public JsonObject sessionMoved(Change.SessionMoved c) {
      return sessionData(c.session(), c.sessions()).put("from", c.from()).put("to", c.to());
    }

    public JsonObject sessionChanged(Change.SessionChanged c) {
      return sessionData(c.session(), c.sessions());
    }

    public JsonObject onStage(Change.OnStage c) {
      return new JsonObject().put("session", c.session()).put("speaker", c.speaker()).put("next", c.next())
          .put("sessions", array(c.sessions(), Session::toJson));
    }

    public JsonObject announcementPosted(Change.AnnouncementPosted c) {
      return new JsonObject().put("announcement", c.announcement().id())
          .put("announcements", new JsonArray().add(c.announcement().toJson()));
    }

    public JsonObject announcementCleared(Change.AnnouncementCleared c) {
      return new JsonObject().put("announcement", c.announcement())
          .put("clearedAnnouncements", new JsonArray().add(c.announcement()));
    }

    public JsonObject emergencyPosted(Change.EmergencyPosted c) {
      return new JsonObject().put("notice", c.notice().toJson());
    }

    public JsonObject emergencyCleared(Change.EmergencyCleared c) {
      return new JsonObject().putNull("notice");
    }

    public JsonObject resultSet(Change.ResultSet c) {
      return new JsonObject().put("award", c.award()).put("results", array(c.results(), Award.Result::toJson));
    }

    public JsonObject revealed(Change.Revealed c) {
      return new JsonObject().put("award", c.award()).put("results", array(c.results(), Award.Result::toJson))
          .put("showAt", c.showAt());
    }

    public JsonObject screenAssigned(Change.ScreenAssigned c) {
      return new JsonObject().put("screen", c.screen()).put("assignment", c.assignment().toJson())
          .put("screens", new JsonArray().add(c.assignment().toJson()));
    }

    public JsonObject screenSignal(Change.ScreenSignal c) {
      JsonObject d = new JsonObject().put("screen", c.screen());
      return c.name() == null ? d : d.put("name", c.name().toJson());
    }

    public JsonObject clockSet(Change.ClockSet c) {
      return new JsonObject().put("clock", c.event().clock().toJson()).put("event", c.event().toJson());
    }

    public JsonObject eventUpdated(Change.EventUpdated c) {
      return new JsonObject().put("event", c.event().toJson());
    }

    public JsonObject roomChanged(Change.RoomChanged c) {
      return new JsonObject().put("room", c.room().id()).put("rooms", new JsonArray().add(c.room().toJson()));
    }

    public JsonObject speakerChanged(Change.SpeakerChanged c) {
      return new JsonObject().put("speaker", c.speaker().id())
          .put("speakers", new JsonArray().add(c.speaker().toJson()));
    }

    public JsonObject awardChanged(Change.AwardChanged c) {
      JsonObject d = new JsonObject().put("award", c.award().id())
          .put("awards", new JsonArray().add(c.award().toJson(audience)));
      return c.kind() == ChangeKind.AWARD_WITHDRAWN ? d.put("ranks", new JsonArray(c.ranks())) : d;
    }

    public JsonObject cueChanged(Change.CueChanged c) {
      return c.removed() != null
          ? new JsonObject().put("cue", c.removed()).put("removedCues", new JsonArray().add(c.removed()))
          : new JsonObject().put("cue", c.cue().id()).put("cues", new JsonArray().add(c.cue().toJson()));
    }

    public JsonObject undone(Change.Undone c) {
      return new JsonObject().put("undoes", c.undoes()).put("undid", c.undid().wire()).put("seenBy", c.seenBy().wire())
          .mergeIn(TouchedCodec.encode(c.restored(), audience));
    }
  }
}
