package podium.imports;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.sqlclient.Pool;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import podium.event.Catalogue;
import podium.event.Command;
import podium.event.CommandRejected;
import podium.event.ErrorCode;
import podium.event.Role;
import podium.event.SourceMark;
import podium.event.SourcePlan;
import podium.interop.Hints;
import podium.interop.Imported;
import podium.interop.ScheduleReader;
import podium.store.CommandStore;
import podium.store.EventImport;
import podium.store.Hashes;

/**
 * A followed schedule's release, read into its event as the event stands (sessions matched by
 * guid, rooms by name), and either shown (plan) or applied: one command on the ordinary write
 * path, as the actor "schedule-follow", whose changes and the marks they set commit together.
 */
final class FollowSync {

  static final String ACTOR = "schedule-follow";

  /** A release read against the event: what it says, and what the event's follow knows. */
  record Read(EventImport.Found found, Imported imported, Map<String, SourceMark> marks, Set<String> owned) {

    SourcePlan.Result plan() {
      return SourcePlan.follow(found.existing().agenda(), imported.agenda(), marks, owned);
    }
  }

  private final Vertx vertx;
  private final Pool pool;
  private final CommandStore commands;
  /** Releases read lately, by their hash and the event version they were read into (a few at most). */
  private final Map<String, Imported> readings = java.util.Collections.synchronizedMap(
      new java.util.LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Imported> eldest) {
          return size() > 4;
        }
      });

  FollowSync(Vertx vertx, Pool pool, CommandStore commands) {
    this.vertx = vertx;
    this.pool = pool;
    this.commands = commands;
  }

  /** Fails with ScheduleRefused when the release is not a schedule Podium can read. */
  Future<Read> read(String slug, Buffer body) {
    return EventImport.existing(pool, slug).compose(found -> {
      if (found == null) {
        return Future.failedFuture(CommandRejected.unknown(ErrorCode.UNKNOWN_EVENT, slug));
      }
      return FollowTable.marks(pool, found.eventId()).compose(marks -> vertx.executeBlocking(() -> {
        EventImport.Existing existing = found.existing();
        // The same release read into the same version reads the same: consoles ask every few seconds.
        String key = Hashes.sha256(body.getBytes()) + "@" + found.version();
        Imported imported = readings.get(key);
        if (imported == null) {
          imported = ScheduleReader.build(ScheduleReader.parse(body.getBytes()), slug,
              Hints.following(existing.agenda(), existing.guids()), Instant.now(), (done, total) -> { });
          readings.put(key, imported);
        }
        return new Read(found, imported, marks, existing.guids().keySet());
      }, false));
    });
  }

  /** Applies the release (hash: its SHA-256); answers how many changes it made (0: none were needed). */
  Future<Integer> apply(String slug, Buffer body, String hash) {
    return read(slug, body).compose(read -> {
      Command.Follow command = new Command.Follow(read.imported().agenda(), read.marks(), read.owned());
      AtomicInteger made = new AtomicInteger();
      CommandStore.Request request = new CommandStore.Request(slug, Catalogue.follow(command), hash, ACTOR,
          Role.EDITOR, null, null, false);
      return commands.execute(request, (tx, eventId, before, changes) -> {
        made.set(changes.size());
        SourcePlan.Result done = SourcePlan.follow(before, command.source(), command.marks(), command.owned());
        Map<String, String> added = new HashMap<>();
        done.steps().stream().filter(s -> s.kind() == SourcePlan.Kind.ADDED)
            .forEach(s -> added.put(s.session(), read.imported().guids().get(s.session())));
        added.values().removeIf(guid -> guid == null);
        return Future.all(FollowTable.applied(tx, eventId, hash, done.marks(), true),
            EventImport.rememberGuids(tx, eventId, added));
      }).map(outcome -> made.get()).recover(e -> e instanceof CommandRejected r && r.code() == ErrorCode.INVALID_STATE
          ? FollowTable.applied(pool, read.found().eventId(), hash, Map.of(), false).map(0)
          : Future.failedFuture(e));
    });
  }
}
