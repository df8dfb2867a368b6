package podium.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import podium.Api;
import podium.Await;
import podium.TestNode;

/**
 * What goes out compressed, and how: the pages' files by the server's gzip with Last-Modified for a
 * 304 next time; PNGs as they are; the snapshot gzipped once per version from memory, with a weak
 * ETag; the exports the same way, gzipped once where each is built; every other API answer as it was
 * built, never compressed per request.
 */
@ExtendWith(VertxExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("node")
class CompressionTest {

  private static final String SNAPSHOT = "/api/events/" + TestNode.SLUG;

  private TestNode.Running node;
  private Api api;

  @BeforeAll
  void start(Vertx vertx) {
    node = TestNode.startSeeded(vertx, "gzip");
    api = new Api(vertx, node.port());
  }

  @AfterAll
  void stop() {
    api.close();
    node.stop();
  }

  @Test
  void theSnapshotIsGzippedForWhoAsksAndPlainForTheRest() {
    HttpResponse<Buffer> plain = api.get(SNAPSHOT);
    assertThat(plain.getHeader("Content-Encoding")).as("identity is not sent on the wire").isNull();
    assertThat(plain.getHeader("Vary")).contains("Accept-Encoding");

    HttpResponse<Buffer> gz = api.get(SNAPSHOT, "Accept-Encoding", "gzip, deflate, br");
    assertThat(gz.getHeader("Content-Encoding")).isEqualTo("gzip");
    assertThat(gz.body().length()).as("a fraction of the document").isLessThan(plain.body().length() / 3);
    assertThat(gunzip(gz.body())).isEqualTo(plain.body());
    assertThat(gz.getHeader("ETag")).isEqualTo("W/" + plain.getHeader("ETag"));
    assertThat(api.get(SNAPSHOT, "Accept-Encoding", "gzip").body()).as("the same bytes again").isEqualTo(gz.body());

    assertThat(api.get(SNAPSHOT, "Accept-Encoding", "gzip", "If-None-Match", gz.getHeader("ETag")).statusCode()).isEqualTo(304);
    assertThat(api.get(SNAPSHOT, "If-None-Match", gz.getHeader("ETag")).statusCode()).as("either tag, either encoding")
        .isEqualTo(304);
    assertThat(api.get(SNAPSHOT, "If-None-Match", "\"other\", " + plain.getHeader("ETag")).statusCode()).isEqualTo(304);

    HttpResponse<Buffer> refused = api.get(SNAPSHOT, "Accept-Encoding", "gzip;q=0, deflate");
    assertThat(refused.getHeader("Content-Encoding")).as("no gzip, and no deflate made per request").isNull();
    assertThat(refused.body()).isEqualTo(plain.body());

    long version = delay();
    HttpResponse<Buffer> next = api.get(SNAPSHOT, "Accept-Encoding", "gzip");
    assertThat(new JsonObject(gunzip(next.body())).getLong("version")).as("a new version, a new copy").isEqualTo(version);
  }

  @Test
  void theExportsAreGzippedOncePerVersionAndOtherApiAnswersGoOutAsBuilt() {
    String path = SNAPSHOT + "/schedule.ics";
    HttpResponse<Buffer> plain = api.get(path);
    assertThat(plain.getHeader("Content-Encoding")).isNull();
    assertThat(plain.getHeader("Vary")).isEqualTo("Accept-Encoding");
    assertThat(plain.bodyAsString()).startsWith("BEGIN:VCALENDAR");

    HttpResponse<Buffer> gz = api.get(path, "Accept-Encoding", "gzip");
    assertThat(gz.statusCode()).isEqualTo(200);
    assertThat(gz.getHeader("Content-Encoding")).isEqualTo("gzip");
    assertThat(gz.body().length()).as("a fraction of the calendar").isLessThan(plain.body().length() / 3);
    assertThat(gunzip(gz.body())).isEqualTo(plain.body());
    assertThat(gz.getHeader("ETag")).isEqualTo("W/" + plain.getHeader("ETag"));
    assertThat(gz.getHeader("Access-Control-Allow-Origin")).isEqualTo("*");
    assertThat(api.get(path, "Accept-Encoding", "gzip").body()).as("the same bytes again").isEqualTo(gz.body());
    assertThat(api.get(path, "Accept-Encoding", "gzip", "If-None-Match", gz.getHeader("ETag")).statusCode())
        .isEqualTo(304);
    assertThat(api.get(path, "If-None-Match", gz.getHeader("ETag")).statusCode()).as("either tag, either encoding")
        .isEqualTo(304);

    HttpResponse<Buffer> starred = api.get(SNAPSHOT + "/schedule.ics?sessions=opening-ceremony", "Accept-Encoding",
        "gzip");
    assertThat(gunzip(starred.body()).toString()).contains("BEGIN:VEVENT").contains("TZID:Asia/Shanghai");
    HttpResponse<Buffer> json = api.get(SNAPSHOT + "/schedule.json?lang=zh", "Accept-Encoding", "gzip");
    assertThat(new JsonObject(gunzip(json.body())).getJsonObject("schedule").getString("version")).isNotBlank();

    long version = delay();
    HttpResponse<Buffer> next = api.get(SNAPSHOT + "/schedule.json", "Accept-Encoding", "gzip");
    assertThat(new JsonObject(gunzip(next.body())).getJsonObject("schedule").getString("version"))
        .as("a new version, a new copy").isEqualTo(String.valueOf(version));

    HttpResponse<Buffer> refused = api.get(path, "Accept-Encoding", "gzip;q=0, deflate");
    assertThat(refused.getHeader("Content-Encoding")).as("no gzip, and no deflate made per request").isNull();
    assertThat(api.get("/api/events", "Accept-Encoding", "gzip").getHeader("Content-Encoding"))
        .as("a small answer built per request is not deflated per request").isNull();
  }

  @Test
  void thePagesFilesAreGzippedAndRevalidated() throws IOException {
    HttpResponse<Buffer> js = api.get("/js/live.js", "Accept-Encoding", "gzip");
    assertThat(js.getHeader("Content-Encoding")).isEqualTo("gzip");
    assertThat(js.getHeader("Cache-Control")).isEqualTo("no-cache");
    assertThat(gunzip(js.body()).getBytes()).isEqualTo(Files.readAllBytes(Path.of("webroot/js/live.js")));
    String modified = js.getHeader("Last-Modified");
    assertThat(modified).isNotNull();
    assertThat(api.get("/js/live.js", "Accept-Encoding", "gzip", "If-Modified-Since", modified).statusCode()).isEqualTo(304);

    HttpResponse<Buffer> png = api.get("/icons/icon-192.png", "Accept-Encoding", "gzip");
    assertThat(png.getHeader("Content-Encoding")).as("a PNG is compressed already").isNull();
    assertThat(png.body().getBytes()).isEqualTo(Files.readAllBytes(Path.of("webroot/icons/icon-192.png")));

    assertThat(api.get("/sw.js").getHeader("Content-Type")).startsWith("text/javascript");
  }

  @Test
  void acceptEncodingIsReadAsHttpSaysAndIfNoneMatchComparesWeakly() {
    assertThat(podium.web.Negotiation.acceptsGzip("gzip")).isTrue();
    assertThat(podium.web.Negotiation.acceptsGzip("deflate, GZIP;q=0.5")).isTrue();
    assertThat(podium.web.Negotiation.acceptsGzip("*")).isTrue();
    assertThat(podium.web.Negotiation.acceptsGzip("gzip;q=0")).isFalse();
    assertThat(podium.web.Negotiation.acceptsGzip("gzip; q=0.0, br")).isFalse();
    assertThat(podium.web.Negotiation.acceptsGzip("br, deflate")).isFalse();
    assertThat(podium.web.Negotiation.acceptsGzip(null)).isFalse();
    assertThat(podium.web.Negotiation.matches("W/\"e-1\"", "\"e-1\"")).isTrue();
    assertThat(podium.web.Negotiation.matches("\"e-2\", W/\"e-1\"", "\"e-1\"")).isTrue();
    assertThat(podium.web.Negotiation.matches("*", "\"e-1\"")).isTrue();
    assertThat(podium.web.Negotiation.matches("\"e-11\"", "\"e-1\"")).isFalse();
    assertThat(podium.web.Negotiation.matches(null, "\"e-1\"")).isFalse();
  }

  private static Buffer gunzip(Buffer gz) {
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gz.getBytes()))) {
      return Buffer.buffer(in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A delay, once the node has applied it (it learns its own change through LISTEN, like every node). */
  private long delay() {
    HttpResponse<Buffer> r = api.command(new JsonObject().put("type", "session.delay").put("session", "keynote-gan-yong")
        .put("minutes", 5));
    assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(200);
    long version = r.bodyAsJsonObject().getLong("version");
    Await.version("the node's snapshot", () -> api.snapshot().getLong("version"), version);
    return version;
  }
}
