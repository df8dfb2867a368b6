package podium.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import podium.Api;
import podium.Await;
import podium.Node;
import podium.TestNode;

/**
 * The attendee page as the hub serves it: with ?event= it carries that event's public snapshot in
 * its first-state block, escaped so that no text staff type can end the block; anything else (no
 * event, an unknown one, a page without the block) is the file as it is.
 */
@ExtendWith(VertxExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("node")
class AttendeePageTest {

  private static final String OPEN = "<script type=\"application/json\" id=\"first-state\">";
  private static final String HOSTILE = "</script><script>window.__xss=1</script><!--<b>&amp;</b>--></SCRIPT >";

  private TestNode.Running node;
  private Api api;
  private String file;

  @BeforeAll
  void start(Vertx vertx) throws IOException {
    node = TestNode.startSeeded(vertx, "page");
    api = new Api(vertx, node.port());
    file = Files.readString(Path.of("webroot/index.html"));
  }

  @AfterAll
  void stop() {
    api.close();
    node.stop();
  }

  @Test
  void withAnEventThePageCarriesItsSnapshot() {
    for (String path : new String[] {"/?event=" + TestNode.SLUG, "/index.html?event=" + TestNode.SLUG + "&lang=zh"}) {
      HttpResponse<Buffer> page = api.get(path);
      assertThat(page.statusCode()).isEqualTo(200);
      assertThat(page.getHeader("Content-Type")).isEqualTo("text/html; charset=utf-8");
      assertThat(page.getHeader("Cache-Control")).as("never reused without asking").isEqualTo("no-cache");
      assertThat(page.getHeader("ETag")).isNull();
      assertThat(page.getHeader("Last-Modified")).as("a 304 by the file's date would bring back an old state").isNull();
      assertThat(page.getHeader("Content-Security-Policy")).contains("script-src 'self';");
      assertThat(firstState(page.bodyAsString())).isEqualTo(api.snapshot());
      assertThat(page.bodyAsString().replaceFirst("(?s)" + OPEN + ".*?</script>", OPEN + "</script>")).as("the rest is the file")
          .isEqualTo(file);
    }
    assertThat(api.get("/?event=" + TestNode.SLUG, "Accept-Encoding", "gzip").getHeader("Content-Encoding")).isEqualTo("gzip");
  }

  @Test
  void withoutOneItIsTheFile() {
    for (String path : new String[] {"/", "/index.html", "/?event=no-such-event", "/index.html?lang=en"}) {
      HttpResponse<Buffer> page = api.get(path);
      assertThat(page.statusCode()).as(path).isEqualTo(200);
      assertThat(page.bodyAsString()).as(path).isEqualTo(file);
      assertThat(page.getHeader("Last-Modified")).as(path + ": served by the static files").isNotNull();
    }
  }

  @Test
  void noTextStaffTypeEndsTheBlockAndANewVersionMakesANewPage() {
    HttpResponse<Buffer> r = api.command(new JsonObject().put("type", "session.update").put("session", "keynote-gan-yong")
        .put("title", HOSTILE).put("description", HOSTILE));
    assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(200);
    long version = Await.version("the node's snapshot", () -> api.snapshot().getLong("version"),
        r.bodyAsJsonObject().getLong("version"));
    String html = api.get("/?event=" + TestNode.SLUG).bodyAsString();
    String block = html.substring(html.indexOf(OPEN) + OPEN.length(), html.indexOf("</script>", html.indexOf(OPEN)));
    assertThat(block).doesNotContain("<").doesNotContain(">").contains("\\u003c/script\\u003e").contains("\\u0026amp;");
    assertThat(html.split("</script>", -1)).as("the page's own two script elements end, and nothing else").hasSize(3);
    JsonObject state = new JsonObject(block);
    assertThat(state.getLong("version")).isEqualTo(version);
    assertThat(Api.session(state, "keynote-gan-yong").getJsonObject("title").getString("en")).isEqualTo(HOSTILE);
    assertThat(state).isEqualTo(api.snapshot());
  }

  @Test
  void aPageWithoutTheBlockIsServedAsItIs(Vertx vertx) throws IOException {
    Path webroot = Files.createTempDirectory("podium-webroot-");
    String older = file.replace(AttendeePage.BLOCK, "");
    assertThat(older).isNotEqualTo(file);
    Files.writeString(webroot.resolve("index.html"), older);
    int port = TestNode.freePort();
    Node other = TestNode.start(vertx, node.db(), port, "page-older",
        o -> new Node.Options(o.httpPort(), o.instances(), o.name(), webroot.toString(), o.poolSize(), o.wire()));
    try (Api there = new Api(vertx, port)) {
      assertThat(there.get("/?event=" + TestNode.SLUG).bodyAsString()).isEqualTo(older);
    } finally {
      other.stop().await();
    }
  }

  @Test
  void escapingKeepsTheJson() {
    JsonObject doc = new JsonObject().put("title", HOSTILE).put("zh", "开幕式 <&> é \u2028");
    String escaped = AttendeePage.escaped(Buffer.buffer(doc.encode())).toString();
    assertThat(escaped).doesNotContain("<").doesNotContain(">").doesNotContain("&").contains("开幕式");
    assertThat(new JsonObject(escaped)).isEqualTo(doc);
  }

  private static JsonObject firstState(String html) {
    int at = html.indexOf(OPEN);
    assertThat(at).as("the first-state block").isPositive();
    return new JsonObject(html.substring(at + OPEN.length(), html.indexOf("</script>", at)));
  }
}
