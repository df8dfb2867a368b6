package podium.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import podium.TestDatabase;
import podium.store.Database;

/** Every node signs with the one key pair in PostgreSQL, however many start at once. */
@ExtendWith(VertxExtension.class)
@Tag("node")
class PushKeysTest {

  @Test
  void nodesStartingAtOnceAllGetTheOneKeyThatWasStored(Vertx vertx) throws GeneralSecurityException {
    PgConnectOptions db = TestDatabase.fresh();
    List<Pool> nodes = List.of(Database.pool(vertx, db, 4, "node-a"), Database.pool(vertx, db, 4, "node-b"));
    List<Future<VapidKeys>> started = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      started.add(PushKeys.loadOrCreate(nodes.get(i % 2)));
    }
    Future.all(started).await();
    String key = started.get(0).result().applicationServerKey();
    assertThat(started).allSatisfy(f -> assertThat(f.result().applicationServerKey()).isEqualTo(key));
    assertThat(nodes.get(0).query("select count(*) from push_keys").execute().await().iterator().next().getLong(0))
        .isEqualTo(1);

    VapidKeys later = PushKeys.loadOrCreate(nodes.get(1)).await();
    assertThat(later.applicationServerKey()).as("a restart keeps the key").isEqualTo(key);
    // What one node signs, a push service verifies with the key the other node handed out.
    Instant now = Instant.now();
    String header = new VapidTokens(started.get(3).result(), "mailto:ops@example.org")
        .authorization("https://push.example.org/1", now);
    assertThat(VapidCheck.check(header, "https://push.example.org", now).key()).isEqualTo(key);
    for (Pool p : nodes) {
      p.close().await();
    }
  }
}
