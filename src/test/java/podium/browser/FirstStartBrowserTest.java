package podium.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import podium.FreshHub;
import podium.TestNode;

/**
 * A newcomer's first start: the hub's own process on a fresh data directory, then the phone page.
 * The demo runs on its simulated clock from 08:28, two minutes before the opening, and its
 * doors-open cue (08:27) is due before that, so it fires as the hub starts: the page shows Now and
 * Next on the day and the cue's announcement. It stays so until the ceremony ends at 08:45 on that
 * clock, far past the generous wait here; how many seconds after the hub served the page was live
 * is printed (docs/RELIABILITY.md has a run's figure).
 */
@Tag("browser")
@Tag("faults")
class FirstStartBrowserTest {

  @Test
  void aFreshStartShowsTheDemoLiveOnThePhone(@TempDir Path dir) throws Exception {
    int port = TestNode.freePort();
    Process hub = FreshHub.start(dir, port, dir.resolve("hub.log"));
    long serving = System.nanoTime();
    Browser phone = Browser.start(390, 844);
    try {
      phone.open("http://localhost:" + port + "/");
      phone.until(Duration.ofSeconds(60), "Now and Next on the demo's day, and the doors-open announcement",
          d -> phone.text("#now-next").contains("Opening Ceremony") && phone.text("#now-next .over").isEmpty()
              && phone.text("#now-heading").equalsIgnoreCase("Now") && phone.text("#announcements").contains("take your seats"));
      System.out.println("first start: " + phone.text("#now-next").replace('\n', ' '));
      double seconds = (System.nanoTime() - serving) / 1e9;
      System.out.printf("first start: the phone page was live %.1f s after the hub served%n", seconds);
      assertThat(phone.text("#connection")).as("the page says it is live").doesNotContainIgnoringCase("offline");
      phone.screenshot("first-start-phone");
    } finally {
      phone.close();
      hub.destroy();
      hub.waitFor(20, TimeUnit.SECONDS);
    }
  }
}
