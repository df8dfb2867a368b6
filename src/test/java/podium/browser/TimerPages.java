package podium.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.util.Map;
import javax.imageio.ImageIO;

/** What the speaker timer tests read off the page: its digits and clock at one moment, its phase, its pixels. */
final class TimerPages {

  private TimerPages() {
  }

  static String url(int port, String room, String lang) {
    return ScreenPages.url(port, "room=" + room + "&layout=timer&lang=" + lang);
  }

  /** The timer's clock, digits and classes, read in one step (so from one picture). */
  record Reading(String clock, String digits, String classes) {

    /** The digits as seconds left: negative past the end ("+02:13" is -133). */
    long secondsLeft() {
      boolean over = digits.startsWith("+");
      long seconds = 0;
      for (String part : digits.replace("+", "").split(":")) {
        seconds = seconds * 60 + Long.parseLong(part);
      }
      return over ? -seconds : seconds;
    }

    boolean phase(String phase) {
      return (" " + classes + " ").contains(" phase-" + phase + " ");
    }
  }

  @SuppressWarnings("unchecked")
  static Reading read(Browser b) {
    Map<String, Object> r = (Map<String, Object>) b.js("const q = s => { const e = document.querySelector(s);"
        + " return e ? e.textContent : ''; }; const l = document.querySelector('#screen .layout-timer');"
        + " return { clock: q('#screen .timer-clock'), digits: q('#screen .digits'), classes: l ? l.className : '' };");
    return new Reading(String.valueOf(r.get("clock")), String.valueOf(r.get("digits")), String.valueOf(r.get("classes")));
  }

  /**
   * The digits say the time from the clock the page shows to `target` (venue-local), within the
   * second that lies between the two roundings (the digits count whole seconds to the end, the clock
   * shows whole seconds gone).
   */
  static void assertCountsTo(Reading r, LocalTime target) {
    long expected = Duration.between(LocalTime.parse(r.clock()), target).toSeconds();
    assertThat(r.secondsLeft()).as("the digits %s at %s, counting to %s", r.digits(), r.clock(), target)
        .isBetween(expected - 1, expected + 1);
  }

  /** The brightest channel of any pixel in the picture: 0 when nothing at all is lit. */
  static int brightest(Path png) {
    try {
      BufferedImage image = ImageIO.read(png.toFile());
      int max = 0;
      for (int y = 0; y < image.getHeight(); y++) {
        for (int x = 0; x < image.getWidth(); x++) {
          int rgb = image.getRGB(x, y);
          max = Math.max(max, Math.max((rgb >> 16) & 0xff, Math.max((rgb >> 8) & 0xff, rgb & 0xff)));
        }
      }
      return max;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
