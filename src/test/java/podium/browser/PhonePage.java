package podium.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import podium.Api;
import podium.TestNode;

/** The attendee page (index.html) as its tests drive it: its URL, its views, its words. */
final class PhonePage {

  static final Duration SOON = Duration.ofSeconds(5);
  static final String[] VIEWS = {"home", "agenda", "changes", "starred"};

  private PhonePage() {
  }

  static String url(int port, String query, String view) {
    return "http://localhost:" + port + "/index.html?event=" + TestNode.SLUG + query + (view == null ? "" : "#" + view);
  }

  /** Goes to a view by its tab, as a tap would, and waits until it is the one shown. */
  static void go(Browser b, String view) {
    b.find("#tabs [data-tab='" + view + "']").click();
    b.until(SOON, "the " + view + " view", d -> b.classes("#" + view).contains("current"));
  }

  static void awaitSessions(Browser b, int sessions) {
    b.until(SOON, sessions + " sessions in the agenda", d -> ((Number) b.js(
        "return document.querySelectorAll('#agenda .session').length")).intValue() == sessions);
  }

  static long command(Api api, JsonObject body) {
    HttpResponse<Buffer> r = api.command(body);
    assertThat(r.statusCode()).as(body.getString("type") + ": " + r.bodyAsString()).isEqualTo(200);
    return r.bodyAsJsonObject().getLong("version");
  }

  /** The session as the snapshot has it. */
  static JsonObject session(Api api, String id) {
    return api.snapshot().getJsonArray("sessions").stream().map(JsonObject.class::cast)
        .filter(s -> id.equals(s.getString("id"))).findFirst().orElseThrow();
  }

  /**
   * Every text a person can see or hear on the page now: visible text nodes (screen-reader-only
   * ones included), accessible names and titles, and the document title; text marked as being in
   * another language (the language toggle) is left out.
   */
  @SuppressWarnings("unchecked")
  static List<String> visibleTexts(Browser b) {
    return (List<String>) b.js("const out = [document.title];"
        + "const own = e => { const l = e.closest('[lang]'); return !l || l === document.documentElement; };"
        + "const w = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);"
        + "while (w.nextNode()) { const n = w.currentNode, e = n.parentElement; const s = n.textContent.trim();"
        + "  if (s && e.checkVisibility({ visibilityProperty: true }) && own(e)) out.push(s); }"
        + "for (const e of document.querySelectorAll('[aria-label], [title]')) {"
        + "  if (e.checkVisibility({ visibilityProperty: true }) && own(e)) out.push(e.getAttribute('aria-label') || e.title); }"
        + "return out;");
  }

  /** A page-wide watch: the first time (Date.now()) an element matching css has text containing text. */
  static void watch(Browser b, String name, String css, String text) {
    b.js("window.__seen = window.__seen || {};"
        + "const [name, css, text] = [arguments[0], arguments[1], arguments[2]];"
        + "const check = () => { const e = document.querySelector(css);"
        + "  if (!window.__seen[name] && e && e.textContent.includes(text)) window.__seen[name] = Date.now(); };"
        + "new MutationObserver(check).observe(document.body, { subtree: true, childList: true, characterData: true });"
        + "check();", name, css, text);
  }

  static Long seenAt(Browser b, String name) {
    Object at = b.js("return (window.__seen || {})[arguments[0]] || null", name);
    return at == null ? null : ((Number) at).longValue();
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> layoutShift(Browser b) {
    return (Map<String, Object>) b.js("return { total: window.__shift || 0, count: window.__shifts || 0 }");
  }

  /** Starts summing layout shifts (not caused by input) from now on. */
  static void measureLayoutShift(Browser b) {
    b.js("window.__shift = 0; window.__shifts = 0;"
        + "if (!window.__shiftObserver) { window.__shiftObserver = new PerformanceObserver(list => {"
        + "  for (const e of list.getEntries()) if (!e.hadRecentInput) { window.__shift += e.value; window.__shifts++; } });"
        + "  window.__shiftObserver.observe({ type: 'layout-shift' }); }");
  }
}
