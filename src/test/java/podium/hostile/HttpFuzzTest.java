package podium.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import podium.TestNode;
import podium.event.Catalogue;
import podium.event.Role;

/**
 * 10,000 mutated HTTP requests over every route the node serves (read from its router) and every
 * page file: mutated bodies (every catalogue command, and every other route's body), headers,
 * credentials, path parameters, paths and query strings. No answer may be a 5xx; every API refusal
 * carries a code docs/API.md documents; a refusal (and any read) changes nothing in the database;
 * every accepted change is counted; the node answers its health probe after; the heap stays flat.
 * The seed is fixed (-Dpodium.fuzz.seed=N overrides it) and printed with any failure.
 */
@ExtendWith(VertxExtension.class)
@Tag("faults")
class HttpFuzzTest {

  static final long SEED = Long.getLong("podium.fuzz.seed", 20_230_816L);
  static final int REQUESTS = Integer.getInteger("podium.fuzz.requests", 10_000);
  private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);
  private static final List<HttpMethod> METHODS = List.of(HttpMethod.GET, HttpMethod.POST, HttpMethod.PUT,
      HttpMethod.PATCH, HttpMethod.DELETE, HttpMethod.HEAD, HttpMethod.OPTIONS, HttpMethod.TRACE,
      HttpMethod.valueOf("PROPFIND"));
  private static final List<String> CONTENT_TYPES = List.of("application/json", "application/json; charset=utf-8",
      "APPLICATION/JSON", "application/json; charset=utf-16", "text/plain", "application/x-www-form-urlencoded",
      "multipart/form-data; boundary=xyz", "application/xml", "text/html", "application/jsonx", "*/*", "");
  private static final List<String> TRAVERSALS = List.of("/../pom.xml", "/%2e%2e/pom.xml", "/js/../../conf/config.json",
      "//etc/passwd", "/index.html%00.js", "/%c0%ae%c0%ae/pom.xml", "/.git/config", "/js/%2e%2e%2f%2e%2e%2fpom.xml",
      "/WEB-INF/web.xml", "/index.html/", "/./index.html", "/js//live.js", "/INDEX.HTML", "/screen.html;x=1",
      "/api", "/api/", "/api/events/", "/live", "/health/", "/metrics?x=1", "/favicon.ico", "/%", "/%zz", "/a b");

  private final Tally tally = new Tally("http-fuzz");
  private Mutations m;
  private HostileHub hub;
  private final java.util.Deque<String> recent = new java.util.ArrayDeque<>();

  /** One request, as sent: enough to send it again by hand. */
  private record Request(String kind, HttpMethod method, String uri, MultiMap headers, byte[] body) {
    @Override
    public String toString() {
      String b = body == null ? "" : new String(body, StandardCharsets.UTF_8);
      return method + " " + shorten(uri) + " " + headers.entries() + (b.isEmpty() ? "" : " body " + shorten(b));
    }
  }

  private record Answer(int status, String contentType, String code) { }

  @Test
  void mutatedRequestsOnEveryRouteAreRefusedCleanlyAndChangeNothing(Vertx vertx) {
    try (HostileHub hub = HostileHub.start(vertx, "http-fuzz")) {
      this.hub = hub;
      m = new Mutations(SEED);
      List<Routes.Target> routes = Routes.api(hub.node());
      List<String> pages = Routes.pages(Path.of("webroot"));
      tally.note("routes", routes.size() + " " + routes);
      tally.note("page files", pages.size());
      assertThat(routes).as("the router's routes").hasSizeGreaterThan(10);
      Set<String> codes = DocumentedCodes.http();
      StateProbe probe = StateProbe.of(hub.node().pool());
      long heap = Heap.usedAfterGc();
      String quick = probe.quick();
      String whole = probe.whole();
      boolean acceptedInWindow = false;
      try {
        for (int i = 0; i < REQUESTS; i++) {
          Request request = m.chance(0.1) ? page(pages) : request(m.pick(routes));
          tally.tried(request.kind);
          Answer answer = send(request, m.chance(0.3));
          recent.addLast(i + ": " + request + " -> " + answer);
          if (recent.size() > 5) {
            recent.removeFirst();
          }
          if (i % 1000 == 0) {
            System.out.println("http fuzz: request " + i + ": " + request + " -> " + answer);
          }
          String where = "seed " + SEED + ", request " + i + ": " + request + " -> " + answer;
          tally.outcome(answer.status + (answer.code == null ? "" : " " + answer.code));
          assertThat(answer.status).as("no 5xx; " + where).isLessThan(500);
          if (answer.status >= 400 && request.method != HttpMethod.HEAD && answer.contentType != null
              && answer.contentType.startsWith("application/json")) {
            assertThat(codes).as("a documented code; " + where).contains(answer.code);
          }
          String now = probe.quick();
          boolean accepted = answer.status < 400 && !SAFE.contains(request.method) && !now.equals(quick);
          if (!accepted) {
            assertThat(now).as("a refusal or a read changes nothing; " + where + "; changed: "
                + StateProbe.difference(quick, now)).isEqualTo(quick);
          } else {
            tally.tried("accepted " + request.kind);
            acceptedInWindow = true;
            quick = now;
          }
          if (i % 100 == 99) {
            String wholeNow = probe.whole();
            if (!acceptedInWindow) {
              assertThat(wholeNow).as("nothing changed in requests %d to %d (seed %d): %s", i - 99, i, SEED,
                  StateProbe.difference(whole, wholeNow)).isEqualTo(whole);
            }
            whole = wholeNow;
            acceptedInWindow = false;
          }
        }
      } finally {
        tally.note("seed", SEED);
      }
      assertThat(hub.api.get("/health").statusCode()).as("the node answers its health probe").isEqualTo(200);
      assertThat(hub.api.get("/api/events/" + TestNode.SLUG).statusCode()).isEqualTo(200);
      long grown = Heap.usedAfterGc() - heap;
      tally.note("seed", SEED);
      tally.note("heap growth after GC (bytes)", grown);
      tally.report();
      assertThat(grown).as("heap growth after GC").isLessThan(48L << 20);
      assertThat(tally.total()).isEqualTo(REQUESTS);
    }
  }

  /**
   * Sends the request on a connection of its own, and now and then a health probe after it on the
   * same connection: a request must never leave its connection unusable. Answers as it came.
   */
  private Answer send(Request r, boolean probeAfter) {
    StringBuilder head = new StringBuilder(r.method.name()).append(' ').append(r.uri).append(" HTTP/1.1\r\n")
        .append("Host: localhost:").append(hub.port()).append("\r\n");
    r.headers.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
    byte[] body = r.body == null ? new byte[0] : r.body;
    if (r.body != null) {
      head.append("Content-Length: ").append(body.length).append("\r\n");
    }
    head.append("\r\n");
    byte[] start = head.toString().getBytes(StandardCharsets.UTF_8);
    byte[] probe = probeAfter ? "GET /health HTTP/1.1\r\nHost: localhost\r\n\r\n".getBytes(StandardCharsets.UTF_8)
        : new byte[0];
    byte[] all = new byte[start.length + body.length + probe.length];
    System.arraycopy(start, 0, all, 0, start.length);
    System.arraycopy(body, 0, all, start.length, body.length);
    System.arraycopy(probe, 0, all, start.length + body.length, probe.length);
    List<RawHttp.Response> answers = RawHttp.exchange(hub.port(), all,
        probeAfter ? List.of(r.method == HttpMethod.HEAD, false) : List.of(r.method == HttpMethod.HEAD), 20_000);
    if (answers.isEmpty()) {
      throw new AssertionError("seed " + SEED + ": " + r + " got no answer within 20 s; the requests before it:\n"
          + String.join("\n", recent));
    }
    RawHttp.Response first = answers.get(0);
    boolean closes = first.status() == 400 || first.status() == 414 || first.status() == 431
        || "close".equalsIgnoreCase(first.header("Connection"));
    if (probeAfter && !closes) {
      assertThat(answers).as("seed " + SEED + ": the connection still answers after " + r + " -> " + first.head())
          .hasSize(2);
      assertThat(answers.get(1).status()).isEqualTo(200);
      tally.tried("connection reused after it");
    }
    String type = first.header("Content-Type");
    String code = null;
    if (type != null && type.startsWith("application/json") && !first.body().isEmpty() && first.status() >= 400) {
      JsonObject error = new JsonObject(first.body()).getJsonObject("error");
      code = error == null ? "(no error object)" : error.getString("code");
    }
    return new Answer(first.status(), type, code);
  }

  /** A page file, or a path around them: traversals, odd spellings, random ones. */
  private Request page(List<String> pages) {
    String path = m.chance(0.6) ? m.pick(pages) : m.chance(0.7) ? m.pick(TRAVERSALS) : "/" + encode(m.string());
    HttpMethod method = m.chance(0.85) ? HttpMethod.GET : m.pick(METHODS);
    MultiMap headers = headers(method, false);
    return new Request("page " + (pages.contains(path) ? "file" : "other"), method, path + query(List.of("lang", "room",
        "layout", "at")), headers, method == HttpMethod.GET ? null : m.bytes(new JsonObject().put("x", m.value())));
  }

  private Request request(Routes.Target route) {
    List<String> kinds = new ArrayList<>();
    HttpMethod method = route.methods().isEmpty() || m.chance(0.1) ? m.pick(METHODS) : m.pick(List.copyOf(route.methods()));
    if (!route.methods().isEmpty() && !route.methods().contains(method)) {
      kinds.add("method");
    }
    String path = path(route, kinds);
    String query = "";
    if (m.chance(0.4)) {
      kinds.add("query");
      query = query(List.of("dryRun", "after", "sessions", "lang", "format", "replace", "force", "slug", "limit"));
    }
    byte[] body = null;
    boolean takesBody = !SAFE.contains(method);
    if (takesBody) {
      JsonObject valid = validBody(route.path());
      if (m.chance(0.15)) {
        body = valid.encode().getBytes(StandardCharsets.UTF_8);
        kinds.add("body.valid");
      } else {
        body = m.bytes(m.mutate(valid, route.path().endsWith("/commands") ? Samples.commandTypes() : List.of()));
        kinds.add("body");
      }
    }
    MultiMap headers = headers(method, true);
    if (headers.contains("X-Fuzz")) {
      kinds.add("headers");
      headers.remove("X-Fuzz");
    }
    return new Request(method.name() + " " + route.path() + " [" + String.join(",", kinds) + "]", method, path + query,
        headers, body);
  }

  private JsonObject validBody(String path) {
    if (path.endsWith("/commands")) {
      return Samples.command(m.pick(List.copyOf(Catalogue.entries())));
    }
    return Samples.body(path);
  }

  /** The route's path with its parameters filled in: mostly real values, now and then hostile ones. */
  private String path(Routes.Target route, List<String> kinds) {
    String path = route.path();
    if (route.prefix()) {
      kinds.add("path");
      return path + encode(m.string()) + (m.chance(0.3) ? "/" + encode(m.string()) : "");
    }
    for (String name : route.params()) {
      String value = switch (name) {
        case "slug" -> m.chance(0.7) ? TestNode.SLUG : m.chance(0.3) ? HostileHub.OTHER : null;
        case "login" -> m.chance(0.5) ? "nobody" : null;
        case "name" -> m.chance(0.5) ? "t-nothing" : null;
        case "file" -> m.chance(0.5) ? "keynote-gan-yong.ics" : null;
        default -> m.chance(0.4) ? "1" : null;
      };
      if (value == null) {
        kinds.add("path");
        value = m.chance(0.8) ? encode(m.string()) : m.pick(List.of("..", "%2e%2e", "a/b", "%2F", "%00", "admin%20"));
      }
      // The one credential everything else needs is never withdrawn by the fuzzer.
      if (name.equals("name") && value.equals("admin")) {
        value = "t-nothing";
      }
      path = path.replace(":" + name, value);
    }
    if (m.chance(0.05)) {
      kinds.add("path");
      path = m.pick(List.of(path + "/", path.replaceFirst("/api/", "/api//"), path.toUpperCase(), path + "%20",
          path + ";a=b", path.replaceFirst("/api/", "/api/./"), path + "/..", path + "#frag"));
    }
    return path;
  }

  private String query(List<String> names) {
    StringBuilder q = new StringBuilder();
    for (int n = 1 + m.random().nextInt(3); n > 0; n--) {
      q.append(q.length() == 0 ? "?" : "&");
      q.append(m.chance(0.8) ? m.pick(names) : encode(m.string())).append('=');
      q.append(m.chance(0.3) ? m.pick(List.of("true", "false", "0", "-1", "1", "9".repeat(30), "")) : encode(m.string()));
    }
    if (m.chance(0.03)) {
      q.append("&pad=").append("x".repeat(6_000 + m.random().nextInt(6_000)));
    }
    return q.toString();
  }

  /** Credentials of every kind (mostly the admin's, to get past them) and hostile headers. */
  private MultiMap headers(HttpMethod method, boolean api) {
    MultiMap h = MultiMap.caseInsensitiveMultiMap();
    int auth = m.random().nextInt(100);
    if (auth < 55) {
      h.add("Authorization", "Bearer " + TestNode.ADMIN_TOKEN);
    } else if (auth < 70) {
      h.add("Authorization", "Bearer " + hub.tokens.get(m.pick(List.of(Role.values()))));
    } else if (auth < 75) {
      h.add("Authorization", "Bearer " + hub.screenToken);
    } else if (auth < 85) {
      h.add("Authorization", m.pick(List.of("Bearer", "Bearer ", "Basic YWRtaW46YWRtaW4=", "bearer " + TestNode.ADMIN_TOKEN,
          "Bearer " + TestNode.ADMIN_TOKEN + "x", "Bearer " + "A".repeat(300), "Bearer ' or 1=1--", "Token x")));
    } else if (auth < 92) {
      h.add("Cookie", "podium_session=" + header(m.string()) + (m.chance(0.3) ? "; podium_session=x" : ""));
      if (m.chance(0.5)) {
        h.add("X-CSRF-Token", header(m.string()));
      }
    }
    if (method != HttpMethod.GET && method != HttpMethod.HEAD) {
      h.add("Content-Type", m.chance(0.75) ? "application/json" : m.pick(CONTENT_TYPES));
    }
    if (m.chance(0.3)) {
      h.add("X-Fuzz", "1");
      for (int n = 1 + m.random().nextInt(3); n > 0; n--) {
        String name = m.pick(List.of("Idempotency-Key", "Origin", "If-None-Match", "X-Forwarded-Proto", "X-Forwarded-For",
            "Accept", "Accept-Encoding", "Range", "X-CSRF-Token", "Referer", "Accept-Language", "X-Requested-With"));
        h.set(name, m.chance(0.2) ? "x".repeat(m.random().nextInt(7_000)) : header(m.string()));
      }
    }
    return h;
  }

  /** A string as a header may carry it: printable ASCII (the client refuses CR, LF and other controls). */
  private static String header(String s) {
    StringBuilder b = new StringBuilder();
    for (char c : s.toCharArray()) {
      b.append(c >= 0x20 && c < 0x7f ? c : '?');
    }
    return b.toString();
  }

  /** Percent-encodes every byte outside the unreserved set, so any string is a path segment or query value. */
  static String encode(String s) {
    StringBuilder b = new StringBuilder();
    for (byte x : s.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (x & 0xff);
      if (c < 0x80 && (Character.isLetterOrDigit(c) || "-._~".indexOf(c) >= 0)) {
        b.append(c);
      } else {
        b.append('%').append(String.format("%02X", x & 0xff));
      }
    }
    return b.toString();
  }

  private static String shorten(String s) {
    return s.length() > 300 ? s.substring(0, 300) + "… (" + s.length() + " chars)" : s;
  }
}
