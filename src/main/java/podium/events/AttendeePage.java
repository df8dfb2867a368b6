package podium.events;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import podium.event.Audience;
import podium.live.EventState;
import podium.live.EventStates;
import podium.web.PageFiles;

/**
 * The attendee page with its event's state in it. {@code GET /?event=SLUG} (or
 * {@code /index.html?event=SLUG}) answers index.html with the event's public snapshot, the document
 * of GET /api/events/{slug}, inside the page's empty {@code <script type="application/json"
 * id="first-state">} block: the page draws the agenda as soon as its modules are here, without
 * waiting for its socket, and its hello resumes from that version (docs/BENCHMARKS.md, "Phone on
 * venue Wi-Fi"). The block is data, never run, so the CSP (script-src 'self') stays as it is.
 *
 * <p>Only a page that has that empty block is filled: any other page, one without {@code ?event=}
 * or with an event this node does not hold, and every request while the node starts go on to the
 * static files unchanged. So the service worker's copy of index.html (fetched without a query)
 * never holds a state that would go stale, and an older page is served as it was.
 *
 * <p>No user text can end the block: every {@code <}, {@code >} and {@code &} of the JSON is written
 * as its \\u escape, which JSON.parse reads back as the same character (UTF-8 bytes above 0x7f are
 * never these). The filled page is made once per version of the state and of the template, and goes
 * out with {@code Cache-Control: no-cache} and no validator, so a browser never reuses an old state.
 */
final class AttendeePage {

  static final String BLOCK = "<script type=\"application/json\" id=\"first-state\"></script>";
  private static final byte[] BLOCK_BYTES = BLOCK.getBytes(StandardCharsets.UTF_8);
  private static final int BLOCK_OPEN = BLOCK.indexOf('>') + 1;

  private final EventStates states;
  private final String webroot;
  /** slug → the last page made: the state's view, the template it was made from, the page. */
  private final Map<String, Filled> made = new ConcurrentHashMap<>();

  private record Filled(EventState.View view, Buffer template, Buffer page) { }

  AttendeePage(EventStates states, String webroot) {
    this.states = states;
    this.webroot = webroot;
  }

  void mount(Router router, Vertx vertx) {
    router.get("/").handler(ctx -> serve(ctx, vertx));
    router.get("/index.html").handler(ctx -> serve(ctx, vertx));
  }

  private void serve(RoutingContext ctx, Vertx vertx) {
    String slug = ctx.request().getParam("event");
    EventState state = slug == null || !states.loaded() ? null : states.bySlug(slug);
    if (state == null) {
      ctx.next();
      return;
    }
    EventState.View view = state.view();
    PageFiles.read(vertx, webroot, "index.html").onComplete(read -> {
      Buffer page = read.succeeded() ? page(slug, view, read.result()) : null;
      if (page == null) {
        ctx.next(); // no such file, or a page without the block: the static files answer as they would
        return;
      }
      ctx.response().putHeader("Content-Type", "text/html; charset=utf-8")
          .putHeader("Cache-Control", "no-cache")
          .putHeader("Vary", "Accept-Encoding")
          .end(page);
    });
  }

  /** The page for this view from this template, or null when the template has no empty block. */
  Buffer page(String slug, EventState.View view, Buffer template) {
    Filled last = made.get(slug);
    if (last != null && last.view() == view && last.template().equals(template)) {
      return last.page();
    }
    byte[] html = template.getBytes();
    int at = indexOf(html, BLOCK_BYTES);
    if (at < 0) {
      return null;
    }
    Buffer page = Buffer.buffer(html.length + view.bodyFor(Audience.PUBLIC).length() + 256)
        .appendBytes(html, 0, at + BLOCK_OPEN)
        .appendBuffer(escaped(view.bodyFor(Audience.PUBLIC)))
        .appendBytes(html, at + BLOCK_OPEN, html.length - at - BLOCK_OPEN);
    made.put(slug, new Filled(view, template, page));
    return page;
  }

  /** JSON text safe inside a script block: {@code < > &} as \\u escapes, every other byte as it was. */
  static Buffer escaped(Buffer json) {
    byte[] in = json.getBytes();
    Buffer out = Buffer.buffer(in.length + 64);
    int from = 0;
    for (int i = 0; i < in.length; i++) {
      String escape = switch (in[i]) {
        case '<' -> "\\u003c";
        case '>' -> "\\u003e";
        case '&' -> "\\u0026";
        default -> null;
      };
      if (escape != null) {
        out.appendBytes(in, from, i - from).appendString(escape);
        from = i + 1;
      }
    }
    return out.appendBytes(in, from, in.length - from);
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
