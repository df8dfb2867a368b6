package podium;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import podium.store.Migrations;

/**
 * A postmaster whose owner lives is left alone (a second hub is refused, an import attaches); one
 * whose owner was killed is stale and is stopped. Both have parent 1, so the lock tells them apart.
 */
@Tag("faults")
class DataDirOwnerTest {

  @Test
  void aLiveOwnersPostmasterIsAttachedNeverStoppedAndAKilledOnesIsStopped(@TempDir Path dir) throws Exception {
    Path data = dir.resolve("pg");
    Process owner = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), EmbeddedDatabaseTest.KilledRun.class.getName(), data.toString())
        .redirectErrorStream(true).start();
    try {
      awaitReady(owner);
      long postmaster = Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).get(0).trim());
      assertThat(ProcessHandle.of(postmaster).flatMap(p -> p.parent()).map(ProcessHandle::pid))
          .as("pg_ctl detaches the postmaster even from a live owner").hasValue(1L);

      assertThatThrownBy(() -> EmbeddedDatabase.start(data)).isInstanceOf(IOException.class)
          .hasMessageContaining("another hub uses this data directory").hasMessageContaining(String.valueOf(owner.pid()));
      try (EmbeddedDatabase attached = EmbeddedDatabase.startOrAttach(data)) {
        assertThat(attached.attached()).isTrue();
        assertThat(Migrations.migrate(attached.connectOptions())).as("it reaches the owner's migrated database").isZero();
      }
      assertThat(ProcessHandle.of(postmaster).map(ProcessHandle::isAlive)).as("left running").hasValue(true);

      owner.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      try (EmbeddedDatabase again = EmbeddedDatabase.start(data)) {
        assertThat(again.attached()).isFalse();
        assertThat(ProcessHandle.of(postmaster).map(ProcessHandle::isAlive).orElse(false))
            .as("the stale postmaster was stopped").isFalse();
      }
    } finally {
      owner.destroyForcibly();
    }
  }

  private static void awaitReady(Process p) throws IOException {
    BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream()));
    String line;
    while ((line = out.readLine()) != null && !line.equals("ready")) {
      // the child's log lines
    }
    assertThat(line).as("the owner started its database").isEqualTo("ready");
    // keep draining, or the child blocks on a full pipe
    Thread drain = new Thread(() -> {
      try {
        while (out.readLine() != null) {
          // nothing
        }
      } catch (IOException ignored) {
        // the child is gone
      }
    });
    drain.setDaemon(true);
    drain.start();
  }
}
