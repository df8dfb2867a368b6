package podium.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.time.Duration;
import java.util.List;
import podium.Api;

/** What the screen tests share: URLs, commands through the API, waits on the page, the fit check. */
final class ScreenPages {

  static final Duration SOON = Duration.ofSeconds(6);
  static final String XSS = "<img src=x onerror=window.__xss=1>";

  private ScreenPages() {
  }

  static String url(int port, String query) {
    return "http://localhost:" + port + "/screen.html" + (query.isEmpty() ? "" : "?" + query);
  }

  static long command(Api api, JsonObject body) {
    HttpResponse<Buffer> r = api.command(body);
    assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(200);
    return r.bodyAsJsonObject().getLong("version");
  }

  /** The visible text of the page, all overlays included, read at once. */
  static String pageText(Browser b) {
    return String.valueOf(b.js("return document.body.innerText"));
  }

  static void awaitText(Browser b, String css, String expected) {
    b.until(SOON, css + " says '" + expected + "'", d -> b.text(css).contains(expected));
  }

  static void awaitVersion(Browser b, long version, Duration timeout) {
    b.until(timeout, "the page at version " + version,
        d -> Long.valueOf(version).equals(b.js("return window.podiumLive && window.podiumLive.version")));
  }

  static boolean visible(Browser b, String css) {
    return Boolean.TRUE.equals(b.js("const e = document.querySelector(arguments[0]);"
        + " return !!e && !e.classList.contains('hidden') && e.getBoundingClientRect().height > 0", css));
  }

  /**
   * Nothing overflows: the page has no scrollbars, and no box of the layout or an overlay holds more
   * than it shows (which would be text cut off at its edge).
   */
  @SuppressWarnings("unchecked")
  static void assertFits(Browser b, String what) {
    List<String> overflowing = (List<String>) b.js("""
        const out = [];
        const de = document.documentElement;
        if (de.scrollWidth > innerWidth || de.scrollHeight > innerHeight) out.push('page ' + de.scrollWidth + 'x' + de.scrollHeight);
        const boxes = document.querySelectorAll('#screen, #screen .top, #screen .board, #screen .panel, #screen .room-cell,'
          + ' #screen .layout-pairing, #screen .timer-count, #screen .timer-digits, #screen .timer-info, #screen .timer-next,'
          + ' #emergency, #reveal, #identify');
        for (const e of boxes) {
          if (e.offsetParent === null && getComputedStyle(e).position !== 'fixed') continue;
          if (getComputedStyle(e).display === 'none') continue;
          if (e.scrollWidth > e.clientWidth + 1 || e.scrollHeight > e.clientHeight + 1) {
            out.push((e.id || e.className) + ' ' + e.scrollWidth + 'x' + e.scrollHeight + ' in ' + e.clientWidth + 'x' + e.clientHeight);
          }
        }
        return out;""");
    assertThat(overflowing).as(what + ": boxes that overflow").isEmpty();
  }
}
