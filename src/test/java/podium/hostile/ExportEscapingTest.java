package podium.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.w3c.dom.Document;
import podium.Await;
import podium.TestNode;

/**
 * Markup, XML breakers and calendar line breaks in session texts, speakers and rooms come out of
 * every export escaped: JSON and XML parse with the texts as text and no element made of them,
 * iCalendar keeps every event whole (no line the input made), and each is served with its own
 * content type and X-Content-Type-Options: nosniff, so no browser reads it as a page.
 */
@ExtendWith(VertxExtension.class)
@Tag("node")
class ExportEscapingTest {

  static final String TITLE = "<script>window.__xss=1</script>]]><b data-xss=1>&amp;</b>\r\nBEGIN:VEVENT\r\nSUMMARY:evil";
  static final String SPEAKER = "\"/><evil xmlns=\"x\"/>\\n;,:\u2028";

  @Test
  void everyExportEscapesHostileTextAndIsServedAsWhatItIs(Vertx vertx) throws Exception {
    try (HostileHub hub = HostileHub.start(vertx, "exports")) {
      String slug = TestNode.SLUG;
      String path = "/api/events/" + slug + "/commands";
      hub.admin(HttpMethod.POST, path, new JsonObject().put("type", "session.update").put("session", "keynote-gan-yong")
          .put("title", TITLE).put("description", TITLE), 200);
      hub.admin(HttpMethod.POST, path, new JsonObject().put("type", "speaker.update").put("speaker", "gan-yong")
          .put("name", SPEAKER), 200);
      long v = hub.admin(HttpMethod.POST, path, new JsonObject().put("type", "room.update").put("room", "main-hall")
          .put("name", TITLE), 200).getLong("version");
      Await.version("the node's snapshot", hub::version, v);
      String base = "/api/events/" + slug + "/";
      HttpResponse<Buffer> json = hub.api.get(base + "schedule.json");
      assertThat(json.getHeader("Content-Type")).startsWith("application/json");
      assertThat(json.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
      assertThat(InjectionTest.strings(new JsonObject(json.bodyAsString()))).as("schedule.json holds the title as text")
          .anyMatch(s -> s.contains("<script>window.__xss=1</script>"));

      HttpResponse<Buffer> xml = hub.api.get(base + "schedule.xml");
      assertThat(xml.getHeader("Content-Type")).matches("(application|text)/xml.*");
      assertThat(xml.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      Document doc = f.newDocumentBuilder().parse(new ByteArrayInputStream(xml.body().getBytes()));
      for (String element : List.of("script", "b", "evil")) {
        assertThat(doc.getElementsByTagName(element).getLength()).as("an element <%s> in schedule.xml", element).isZero();
      }
      assertThat(doc.getDocumentElement().getTextContent()).contains("<script>window.__xss=1</script>]]>");

      for (String ics : List.of(base + "schedule.ics", base + "sessions/keynote-gan-yong.ics")) {
        HttpResponse<Buffer> cal = hub.api.get(ics);
        assertThat(cal.statusCode()).as(ics).isEqualTo(200);
        assertThat(cal.getHeader("Content-Type")).as(ics).startsWith("text/calendar");
        assertThat(cal.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
        String text = cal.body().toString(StandardCharsets.UTF_8);
        assertThat(text.lines()).as(ics + ": no line made by the input").noneMatch(l -> l.startsWith("SUMMARY:evil"));
        long begins = text.lines().filter(l -> l.equals("BEGIN:VEVENT")).count();
        long ends = text.lines().filter(l -> l.equals("END:VEVENT")).count();
        assertThat(begins).as(ics + ": events stay whole").isEqualTo(ends).isPositive();
        String disposition = cal.getHeader("Content-Disposition");
        if (disposition != null) {
          assertThat(disposition).doesNotContain("\r").doesNotContain("\n");
        }
      }
    }
  }
}
