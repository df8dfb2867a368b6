package podium.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import podium.TestNode;
import podium.event.Catalogue;
import podium.event.Role;

/** Commands sent at once still get versions 1, 2, 3 …: never the same one twice, never a hole. */
@ExtendWith(VertxExtension.class)
@Tag("node")
class GaplessVersionTest {

  @Test
  void parallelCommandsGetConsecutiveVersions(Vertx vertx) {
    PgConnectOptions db = TestNode.seededDatabase(vertx);
    Pool pool = Database.pool(vertx, db, 8, "gapless");
    CommandStore store = new CommandStore(pool, Clock.systemUTC());
    String[] sessions = {"keynote-gan-yong", "industry-report-release", "academic-conference-1", "matchmaking-meeting-1"};
    List<Future<CommandStore.Outcome>> sent = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      JsonObject body = new JsonObject().put("type", "session.delay").put("session", sessions[i % 4])
          .put("minutes", 1);
      sent.add(store.execute(new CommandStore.Request(TestNode.SLUG, Catalogue.parse(body), "h" + i, "test", Role.ADMIN, null, null, false)));
    }
    Future.join(sent).await();
    List<Long> versions = sent.stream().map(f -> f.result().version()).sorted().toList();
    assertThat(versions).hasSize(40).doesNotHaveDuplicates();
    assertThat(versions.get(0)).isEqualTo(1);
    assertThat(versions.get(39)).isEqualTo(40);

    List<Long> logged = new ArrayList<>();
    for (Row r : pool.query("select version from changes order by version").execute().await()) {
      logged.add(r.getLong(0));
    }
    assertThat(logged).isEqualTo(versions);
    assertThat(pool.query("select version from events").execute().await().iterator().next().getLong(0)).isEqualTo(40);
    pool.close().await();
  }

  /**
   * The writes and COMMIT go out together: when one write fails, the command must leave nothing
   * behind (no version, no state, no retry key), and the same connection must serve the next one.
   */
  @Test
  void aWriteThatFailsLeavesNothingAndTheNextCommandGoesThrough(Vertx vertx) {
    PgConnectOptions db = TestNode.seededDatabase(vertx);
    Pool pool = Database.pool(vertx, db, 1, "atomic");
    CommandStore store = new CommandStore(pool, Clock.systemUTC());
    // The change log's append is the third of the five writes: the first two have already run.
    pool.query("create function refuse() returns trigger language plpgsql as $$ begin"
        + " if new.actor = 'refused' then raise exception 'refused by test'; end if; return new; end $$").execute().await();
    pool.query("create trigger refuse before insert on changes for each row execute function refuse()").execute().await();
    JsonObject delay = new JsonObject().put("type", "session.delay").put("session", "keynote-gan-yong").put("minutes", 5);
    String before = pool.query("select start_at::text from sessions where id = 'keynote-gan-yong'").execute().await()
        .iterator().next().getString(0);

    assertThatThrownBy(() -> store.execute(new CommandStore.Request(TestNode.SLUG, Catalogue.parse(delay), "h1", "refused", Role.ADMIN, "key-1", null, false))
        .await()).hasMessageContaining("refused by test");

    assertThat(pool.query("select version from events").execute().await().iterator().next().getLong(0)).isZero();
    assertThat(pool.query("select start_at::text from sessions where id = 'keynote-gan-yong'").execute().await()
        .iterator().next().getString(0)).isEqualTo(before);
    assertThat(pool.query("select count(*) from command_keys").execute().await().iterator().next().getLong(0)).isZero();

    CommandStore.Outcome next = store.execute(new CommandStore.Request(TestNode.SLUG, Catalogue.parse(delay), "h1", "staff", Role.ADMIN, "key-1", null, false)).await();
    assertThat(next.version()).isEqualTo(1);
    assertThat(next.replayed()).isFalse();
    assertThat(pool.query("select count(*) from changes").execute().await().iterator().next().getLong(0)).isEqualTo(1);
    pool.close().await();
  }
}
