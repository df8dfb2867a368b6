package podium.browser;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * One cold load of the attendee page on a phone: a fresh Chromium profile (empty cache, no service
 * worker) at 390x844, Chromium's network emulation at one of DevTools' presets, and the time from
 * navigation start to "the agenda shown live". The bench's phone mode (bin/bench --phone) and
 * PhoneColdLoadBrowserTest both load the page through this.
 *
 * <p><b>The agenda shown live</b>, read by a probe that runs before the page's own scripts (and so
 * reads any version of the page alike, today's and the baseline's): the first moment at which the
 * agenda's sessions are in the page ({@code #agenda .session}), the connection line says live
 * ({@code #connection.online}: the hub's welcome came) and the page holds the hub's version of the
 * state ({@code podiumLive.version >= podiumLive.status.hubVersion}). It is checked on every DOM
 * change and every 20 ms, in {@code performance.now()} time, whose zero is navigation start. The
 * probe also notes when the sessions were first in the page at all (the first paint of the agenda,
 * live or not), and each WebSocket's creation, open, first frame sent (hello) and first frames
 * received, beside the Resource Timing entries of every request the page made.
 */
public final class ColdLoad {

  /** Chromium DevTools' throttling presets (CDP Network.emulateNetworkConditions, bytes per second). */
  public enum Profile {
    UNTHROTTLED("unthrottled", 0, -1, -1),
    FAST_3G("fast-3g", 562.5, 1_600_000 / 8, 750_000 / 8),
    SLOW_3G("slow-3g", 2_000, 400_000 / 8, 400_000 / 8);

    public final String key;
    public final double latencyMs;
    public final double downBytesPerSecond;
    public final double upBytesPerSecond;

    Profile(String key, double latencyMs, double down, double up) {
      this.key = key;
      this.latencyMs = latencyMs;
      this.downBytesPerSecond = down;
      this.upBytesPerSecond = up;
    }
  }

  /** The probe: installed with Page.addScriptToEvaluateOnNewDocument, it runs before any script of the page. */
  static final String PROBE = """
      (() => {
        const probe = window.__coldLoad = { live: null, agenda: null, sockets: [] };
        const Native = window.WebSocket;
        window.WebSocket = class extends Native {
          constructor(...args) {
            super(...args);
            const rec = { created: performance.now(), open: null, sent: null, frames: [] };
            probe.sockets.push(rec);
            this.__rec = rec;
            this.addEventListener('open', () => { rec.open = performance.now(); });
            this.addEventListener('message', e => {
              if (rec.frames.length >= 6) return;
              let type = '?';
              try { type = JSON.parse(e.data).type; } catch (err) { /* not JSON */ }
              rec.frames.push({ type, at: performance.now(), bytes: String(e.data).length });
            });
          }
          send(data) {
            if (this.__rec && this.__rec.sent === null) this.__rec.sent = performance.now();
            return super.send(data);
          }
        };
        const check = () => {
          if (probe.live !== null) return;
          const now = performance.now();
          const sessions = document.querySelectorAll('#agenda .session').length;
          if (!sessions) return;
          if (probe.agenda === null) probe.agenda = now;
          const c = document.getElementById('connection');
          const l = window.podiumLive;
          if (c && c.classList.contains('online') && l && l.status && typeof l.status.hubVersion === 'number'
              && typeof l.version === 'number' && l.version >= l.status.hubVersion) {
            probe.live = now;
          }
        };
        new MutationObserver(check).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
        const timer = setInterval(() => { check(); if (probe.live !== null) clearInterval(timer); }, 20);
      })();
      """;

  /** What the page's timeline says, read once it is live. */
  private static final String COLLECT = """
      const p = window.__coldLoad;
      const nav = performance.getEntriesByType('navigation')[0];
      const paint = performance.getEntriesByName('first-contentful-paint')[0];
      const req = e => ({ name: e.name.replace(location.origin, ''), initiator: e.initiatorType,
        start: e.requestStart || e.startTime, fetchStart: e.fetchStart, responseStart: e.responseStart,
        end: e.responseEnd, bytes: e.transferSize, body: e.encodedBodySize, protocol: e.nextHopProtocol });
      return JSON.stringify({ live: p.live, agenda: p.agenda, fcp: paint ? paint.startTime : null,
        domContentLoaded: nav.domContentLoadedEventEnd, load: nav.loadEventEnd || null,
        requests: [req(nav)].concat(performance.getEntriesByType('resource').map(req)), sockets: p.sockets });
      """;

  private ColdLoad() {
  }

  /**
   * Loads the page at url cold under the profile and returns its figures: live_ms, agenda_ms (the
   * sessions first in the page), fcp_ms, the requests and sockets (ms from navigation start), the
   * round trips before live ({@link #roundTrips}) and any page errors. Fails when it is not live in time.
   */
  public static JsonObject measure(String url, Profile profile, Duration timeout) {
    Browser b = Browser.start(390, 844);
    try {
      b.driver.executeCdpCommand("Network.enable", Map.of());
      if (profile != Profile.UNTHROTTLED) {
        b.driver.executeCdpCommand("Network.emulateNetworkConditions", Map.of("offline", false,
            "latency", profile.latencyMs, "downloadThroughput", profile.downBytesPerSecond,
            "uploadThroughput", profile.upBytesPerSecond));
      }
      b.driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", PROBE));
      b.driver.manage().timeouts().pageLoadTimeout(timeout);
      b.open(url);
      b.until(timeout, "the agenda shown live at " + url + " (" + profile.key + ")",
          d -> b.js("return window.__coldLoad && window.__coldLoad.live"));
      JsonObject page = new JsonObject(String.valueOf(b.js(COLLECT)));
      JsonObject out = new JsonObject().put("profile", profile.key).put("url", url)
          .put("live_ms", round(page.getDouble("live"))).put("agenda_ms", round(page.getDouble("agenda")))
          .put("fcp_ms", round(page.getDouble("fcp"))).put("dom_content_loaded_ms", round(page.getDouble("domContentLoaded")))
          .put("requests", page.getJsonArray("requests")).put("sockets", page.getJsonArray("sockets"));
      out.put("round_trips_before_live", roundTrips(out));
      out.put("page_errors", new JsonArray(b.takePageErrors()));
      return out;
    } finally {
      b.takePageErrors();
      b.close();
    }
  }

  /**
   * The sequential round trips before live: the longest chain of exchanges that did not overlap,
   * each starting after the one before it ended (greedy by earliest end, which finds the longest).
   * The exchanges are every request that ended before live (from the request's start, after any wait
   * for a connection, to its last byte) and each socket's upgrade (created to open). Under Slow 3G
   * every one of them takes at least its 2 s of latency, so the count is the round trips the page
   * waited for one after another. Frames on an open socket (the hello and its welcome) are left out:
   * Chromium's emulation delays requests and upgrades by the latency, not those frames, so they cost
   * only their bytes here (the waterfall shows them).
   */
  public static int roundTrips(JsonObject load) {
    double live = load.getDouble("live_ms");
    List<double[]> spans = new ArrayList<>();
    for (Object o : load.getJsonArray("requests")) {
      JsonObject r = (JsonObject) o;
      Double start = r.getDouble("start");
      Double end = r.getDouble("end");
      if (start != null && end != null && end > 0 && end <= live) {
        spans.add(new double[] {start, end});
      }
    }
    for (Object o : load.getJsonArray("sockets")) {
      JsonObject s = (JsonObject) o;
      Double created = s.getDouble("created");
      Double open = s.getDouble("open");
      if (created != null && open != null && open <= live) {
        spans.add(new double[] {created, open});
      }
    }
    spans.sort(Comparator.comparingDouble(s -> s[1]));
    int count = 0;
    double free = Double.NEGATIVE_INFINITY;
    for (double[] s : spans) {
      if (s[0] >= free) {
        count++;
        free = s[1];
      }
    }
    return count;
  }

  private static Double round(Double ms) {
    return ms == null ? null : Math.round(ms * 10) / 10.0;
  }
}
