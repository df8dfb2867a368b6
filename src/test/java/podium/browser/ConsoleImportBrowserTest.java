package podium.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static podium.browser.ConsolePages.SOON;
import static podium.browser.ConsolePages.awaitAgenda;
import static podium.browser.ConsolePages.awaitNoDialog;
import static podium.browser.ConsolePages.awaitToast;
import static podium.browser.ConsolePages.choose;
import static podium.browser.ConsolePages.click;
import static podium.browser.ConsolePages.confirm;
import static podium.browser.ConsolePages.dialog;
import static podium.browser.ConsolePages.logIn;
import static podium.browser.ConsolePages.type;
import static podium.browser.ConsolePages.view;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import io.vertx.pgclient.PgConnectOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import podium.Await;
import podium.Node;
import podium.TestNode;
import podium.store.Hashes;

/**
 * An organiser's own programme, from the console (1366x768) to an attendee's phone (390x844),
 * against a real node and PostgreSQL: the DemoCon pretalx file (src/test/resources/imports)
 * imported into a new event after its preview; its edited release replacing the agenda after the
 * diff; a file that is no schedule refused with every problem and nothing made; and a published
 * schedule followed from the Event view, served by a local HTTP server (with ETags), whose next
 * release reaches an open phone as highlighted changes at once, or after staff approve it, a
 * session held because Podium changed it released first. axe-core runs on each dialog and panel.
 */
@ExtendWith(VertxExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Tag("browser")
class ConsoleImportBrowserTest {

  private static final String PASSWORD = "chief-password-1";
  private static final Path FIXTURES = Path.of("src/test/resources/imports");
  private static final Duration POLLED = Duration.ofSeconds(20);
  /** A followed copy of DemoCon. */
  private static final String LIVE = "democon-live";
  private static final String MOVED = "accessible-venue-signage";
  private static final String RETIMED = "offline-first-phones-on-venue-wi-fi";
  private static final String RETITLED = "the-economics-of-small-conferences";
  private static final String REMOVED = "badge-printing-horror-stories";
  private static final String ADDED = "ask-the-organisers";

  private Vertx vertx;
  private int port;
  private Node node;
  private WebClient web;
  private Browser console;
  private Browser phone;
  private HttpServer source;
  private int sourcePort;
  private final AtomicReference<byte[]> release = new AtomicReference<>();
  private final AtomicInteger served = new AtomicInteger();
  private final AtomicInteger notModified = new AtomicInteger();
  private final List<String> a11y = new ArrayList<>();

  @BeforeAll
  void start(Vertx vertx) throws IOException {
    this.vertx = vertx;
    PgConnectOptions db = TestNode.seededDatabase(vertx);
    port = TestNode.freePort();
    // A followed schedule on this machine's loopback: refused in production, allowed here.
    node = TestNode.start(vertx, db, port, "import", options -> options.withFollow(true));
    web = WebClient.create(vertx);
    ConsolePages.createStaff(vertx, port, "chief", "Chief Organiser", "admin", PASSWORD);
    release.set(fixture("democon.json"));
    sourcePort = TestNode.freePort();
    source = vertx.createHttpServer().requestHandler(req -> {
      byte[] body = release.get();
      String etag = "\"" + Hashes.sha256(body).substring(0, 16) + "\"";
      if (etag.equals(req.getHeader("If-None-Match"))) {
        notModified.incrementAndGet();
        req.response().setStatusCode(304).putHeader("ETag", etag).end();
        return;
      }
      served.incrementAndGet();
      req.response().putHeader("Content-Type", "application/json").putHeader("ETag", etag).end(Buffer.buffer(body));
    }).listen(sourcePort, "127.0.0.1").await();
    console = Browser.start(1366, 768);
    phone = Browser.start(390, 844);
  }

  @AfterAll
  void stop() {
    try {
      Browser.closeAll(console, phone);
    } finally {
      web.close();
      if (source != null) {
        source.close().await();
      }
      if (node != null) {
        node.stop().await();
      }
    }
  }

  @Test
  @Order(1)
  void aPretalxFileIsPreviewedThenImportedIntoANewEventThatThePhoneShowsLive() {
    logIn(console, port, "chief", PASSWORD);
    // A newcomer looks under "Events…" first: it leads an admin to where events are imported.
    click(console, "#event-switch");
    console.until(SOON, "the switcher's way to importing",
        d -> console.text("dialog[open] [data-action='manage-events']").equals("Import or create an event…"));
    click(console, "dialog[open] [data-action='manage-events']");
    awaitNoDialog(console);
    console.until(SOON, "the Event view", d -> console.find("#events-h").isDisplayed());
    console.screenshot("console-events-from-switcher-1366");
    click(console, "[data-action='import-schedule']");
    dialog(console);
    console.until(SOON, "the drop zone", d -> console.text("[data-drop]").contains("Drop the schedule file here"));
    assertThat(console.find("dialog[open] [data-action=confirm]").isEnabled()).as("nothing to confirm before a file").isFalse();
    console.screenshot("console-import-empty-1366");
    check(console, "the import dialog, empty");

    upload("democon.json");
    console.until(SOON, "what the file holds", d -> console.text("[data-fact='sessions']").equals("25"));
    assertThat(console.text("[data-fact='format']")).contains("pretalx schedule.json");
    assertThat(console.text("[data-fact='generator']")).isEqualTo("pretalx 2024.3.1");
    assertThat(console.text("[data-fact='days']")).isEqualTo("3");
    assertThat(console.text("[data-fact='rooms']")).isEqualTo("4");
    assertThat(console.text("[data-fact='speakers']")).isEqualTo("18");
    assertThat(console.find("dialog[open] [data-mode='create']").isSelected()).isTrue();
    assertThat(console.find("dialog[open] input[name='import-slug']").getAttribute("value")).isEqualTo("democon");
    assertThat(console.text("[data-slug-note]")).isEqualTo("A new event “democon” will be made.");
    assertThat(console.text("dialog[open] [data-action=confirm]")).isEqualTo("Create the event");
    assertThat(events()).as("a preview writes nothing").doesNotContain("democon");
    console.screenshot("console-import-preview-1366");
    check(console, "the import dialog, the file read");

    confirm(console);
    awaitNoDialog(console);
    awaitToast(console, "Imported: event democon created with 25 sessions");
    console.until(SOON, "the new event in the list", d -> console.text("[data-event='democon']").contains("just imported"));
    assertThat(sessionsOf("democon")).isEqualTo(25);
    console.screenshot("console-event-imported-1366");

    phone.open(phoneUrl("democon"));
    PhonePage.awaitSessions(phone, 9);
    assertThat(phone.text(session(MOVED))).contains("Accessible Venue Signage").contains("Room Turing");
    assertThat(phone.text(session(RETITLED))).contains("The Economics of Small Conferences");
    phone.screenshot("phone-import-democon-390");
    assertNone();
  }

  @Test
  @Order(2)
  void itsEditedReleaseReplacesTheAgendaAfterTheDiffIsShown() {
    click(console, "[data-action='import-schedule']");
    dialog(console);
    upload("democon-edited.json");
    // The file's own event exists: replacing it is offered at once, with what it would change.
    console.until(SOON, "the diff", d -> console.text("[data-import-diff] [data-count='unchanged']").contains("21"));
    assertThat(console.find("dialog[open] [data-mode='replace']").isSelected()).isTrue();
    assertThat(console.find("dialog[open] select[name='import-target']").getAttribute("value")).isEqualTo("democon");
    assertThat(count("moved")).isEqualTo("1");
    assertThat(count("retimed")).isEqualTo("1");
    assertThat(count("updated")).isEqualTo("1");
    assertThat(count("removed")).isEqualTo("1");
    assertThat(count("added")).isEqualTo("1");
    assertThat(console.text(step(MOVED) + " .plan-before")).contains("Room Turing");
    assertThat(console.text(step(MOVED) + " .plan-after")).contains("Main Stage");
    assertThat(console.text(step(MOVED) + " .plan-after .differs")).isEqualTo("Main Stage");
    // Times in the event's zone (Europe/Berlin), whatever zone the browser is in.
    assertThat(console.text(step(RETIMED) + " .plan-before")).contains("14:30–15:15");
    assertThat(console.text(step(RETIMED) + " .plan-after")).contains("15:00–15:45");
    assertThat(console.text(step(REMOVED) + " .plan-after")).isEqualTo("—");
    assertThat(console.text(step(ADDED) + " .plan-before")).isEqualTo("—");
    assertThat(console.text(step(RETITLED))).contains("Revisited");
    assertThat(console.find("[data-under-way]").isDisplayed()).as("DemoCon is next year: not under way").isFalse();
    assertThat(console.text("dialog[open] [data-action=confirm]")).isEqualTo("Replace the agenda");
    // Chosen again by hand, the event gives the same diff.
    choose(console, "select[name='import-target']", "democon");
    console.until(SOON, "the diff again", d -> console.text("[data-import-diff] [data-count='moved']").contains("1"));
    console.screenshot("console-import-diff-1366");
    check(console, "the import dialog, the diff of a replace");

    confirm(console);
    awaitNoDialog(console);
    awaitToast(console, "the agenda of democon replaced, 25 sessions");
    phone.until(SOON, "the moved talk on the phone", d -> phone.text(session(MOVED)).contains("Main Stage"));
    phone.until(SOON, "the added talk on the phone", d -> phone.text(session(ADDED)).contains("Ask the Organisers"));
    assertThat(phone.text(session(RETITLED))).contains("The Economics of Small Conferences, Revisited");
    assertThat(phone.text(session(RETIMED))).contains("15:00");
    phone.screenshot("phone-import-replaced-390");
    assertNone();
  }

  @Test
  @Order(3)
  void aFileThatIsNoScheduleIsRefusedWithEveryProblemAndNothingIsMade() throws IOException {
    List<String> before = events();
    click(console, "[data-action='import-schedule']");
    dialog(console);
    // A PNG dropped on the zone, as a drag from the desktop would.
    console.js("const bytes = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);"
        + "const dt = new DataTransfer(); dt.items.add(new File([bytes], 'logo.png', { type: 'image/png' }));"
        + "document.querySelector('dialog[open] [data-drop]').dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));");
    awaitRefusal();
    assertThat(console.text("[data-import-refusal] [data-problem]")).contains("file").contains("not a schedule");
    assertThat(console.text("[data-import-refusal]")).contains("Nothing was imported.");
    assertThat(console.find("[data-import-summary]").isDisplayed()).isFalse();
    assertThat(console.find("[data-import-choice]").isDisplayed()).isFalse();
    assertThat(console.find("dialog[open] [data-action=confirm]").isEnabled()).isFalse();
    // The refusal is the point: the browser logs the 422 as a failed request, and only it.
    assertThat(console.takePageErrors()).singleElement().asString().contains("status of 422");
    console.screenshot("console-import-refused-png-1366");
    check(console, "the import dialog, a PNG refused");

    Path html = Files.createTempFile("podium-page-", ".html");
    Files.writeString(html, "<!doctype html><html><head><title>Programme</title></head><body><p>See you there<br></body></html>");
    try {
      upload(html);
      console.until(SOON, "the HTML page refused", d -> console.text("[data-import-refusal]").contains("not a schedule Podium can read")
          && console.text("[data-drop]").contains(html.getFileName().toString()));
      awaitRefusal();
    } finally {
      Files.delete(html);
    }
    assertThat(console.takePageErrors()).singleElement().asString().contains("status of 422");
    console.screenshot("console-import-refused-html-1366");
    click(console, "dialog[open] [data-action=cancel]");
    awaitNoDialog(console);

    // In Chinese: the same file, the same refusal, in the console's words.
    click(console, "#lang-toggle");
    click(console, "[data-action='import-schedule']");
    dialog(console);
    console.until(SOON, "the dialog in Chinese", d -> console.text("[data-drop]").contains("将日程文件拖放到这里"));
    upload("democon.json");
    console.until(SOON, "the file read, in Chinese", d -> console.text("[data-import-summary]").contains("日程项")
        && console.text("[data-fact='sessions']").equals("25"));
    assertThat(console.text("[data-import-choice]")).contains("替换现有活动的议程");
    console.screenshot("console-import-diff-zh-1366");
    check(console, "the import dialog in Chinese");
    click(console, "dialog[open] [data-action=cancel]");
    awaitNoDialog(console);
    click(console, "#lang-toggle");
    console.until(SOON, "the console in English", d -> console.text("[data-action='import-schedule']").equals("Import a schedule…"));
    assertThat(events()).as("nothing was made").isEqualTo(before);
    assertNone();
  }

  @Test
  @Order(4)
  void aLargeFileShowsItsUploadOnAProgressBarThenThatItIsBeingRead() throws IOException {
    // DemoCon padded to 2 MB (JSON allows the blanks), sent at 512 KB/s: the size of 38C3's file on a slow uplink.
    Path big = Files.createTempFile("democon-big-", ".json");
    byte[] file = fixture("democon.json");
    byte[] padded = java.util.Arrays.copyOf(file, 2 * 1024 * 1024);
    java.util.Arrays.fill(padded, file.length, padded.length, (byte) ' ');
    Files.write(big, padded);
    console.driver.executeCdpCommand("Network.enable", java.util.Map.of());
    console.driver.executeCdpCommand("Network.emulateNetworkConditions", java.util.Map.of("offline", false, "latency", 0,
        "downloadThroughput", -1, "uploadThroughput", 512 * 1024));
    try {
      click(console, "[data-action='import-schedule']");
      dialog(console);
      console.js("window.__upload = { values: [], reading: false };"
          + "new MutationObserver(() => {"
          + "  const p = document.querySelector('dialog[open] [data-upload]');"
          + "  if (p) window.__upload.values.push(Number(p.value));"
          + "  const status = document.querySelector('dialog[open] [data-import-status]');"
          + "  if (status && /Reading democon-big-/.test(status.textContent)) window.__upload.reading = true;"
          + "}).observe(document.querySelector('dialog[open]'), { subtree: true, childList: true, attributes: true, characterData: true });");
      upload(big);
      console.until(SOON, "the upload under way", d -> console.text("[data-import-status]").contains("Uploading democon-big-")
          && console.text("[data-import-status]").contains("2.0 MB"));
      console.until(SOON, "part of it sent", d -> ((Number) console.js(
          "const p = document.querySelector('dialog[open] [data-upload]'); return p ? p.value : 100")).intValue() > 0);
      console.screenshot("console-import-uploading-1366");
      console.until(POLLED, "the large file read", d -> console.text("[data-fact='sessions']").equals("25"));
      List<?> values = (List<?>) console.js("return window.__upload.values");
      assertThat(values.stream().map(v -> ((Number) v).intValue()))
          .as("the bar showed the upload part of the way").anyMatch(v -> v > 0 && v < 100);
      assertThat(console.js("return window.__upload.reading")).as("then said the file was being read").isEqualTo(true);
      click(console, "dialog[open] [data-action=cancel]");
      awaitNoDialog(console);
    } finally {
      console.driver.executeCdpCommand("Network.emulateNetworkConditions", java.util.Map.of("offline", false, "latency", 0,
          "downloadThroughput", -1, "uploadThroughput", -1));
      console.driver.executeCdpCommand("Network.disable", java.util.Map.of());
      Files.delete(big);
    }
  }

  @Test
  @Order(5)
  void aFollowedScheduleAppliesItsNextReleaseAndAnOpenPhoneHighlightsTheMovedTalk() throws IOException {
    importAsAdmin(LIVE, fixture("democon.json"));
    release.set(fixture("democon.json"));
    console.open(ConsolePages.url(port) + "?event=" + LIVE);
    awaitAgenda(console);
    view(console, "event");
    console.until(SOON, "the published schedule panel", d -> console.text("[data-follow-card]").contains("follows no published schedule"));
    click(console, "[data-action='follow-set']");
    dialog(console);
    type(console, "input[name='follow-url']", sourceUrl());
    choose(console, "select[name='follow-mode']", "apply");
    type(console, "input[name='follow-interval']", "1");
    check(console, "the follow dialog");
    confirm(console);
    awaitNoDialog(console);
    awaitToast(console, "Following the schedule");
    // The first release is the file the event was made from: read, and nothing to change.
    console.until(POLLED, "the first release read", d -> console.text("[data-follow-in-line]").contains("in line with the last release"));
    assertThat(console.text("[data-fact='url']")).isEqualTo(sourceUrl());
    assertThat(console.text("[data-fact='mode']")).isEqualTo("Applied at once");
    assertThat(console.text("[data-fact='last-poll']")).isNotEqualTo("never");
    assertThat(served.get()).isEqualTo(1);

    phone.open(phoneUrl(LIVE));
    PhonePage.awaitSessions(phone, 9);
    assertThat(phone.classes(session(MOVED))).doesNotContain("changed");
    release.set(fixture("democon-edited.json"));
    click(console, "[data-action='follow-poll']");
    phone.until(POLLED, "the moved talk highlighted on the phone", d -> phone.classes(session(MOVED)).contains("changed")
        && phone.text(session(MOVED)).contains("Main Stage"));
    phone.until(SOON, "the move in words", d -> phone.text("#change-list").contains("Accessible Venue Signage moved to Main Stage"));
    phone.until(SOON, "the added talk", d -> phone.text(session(ADDED)).contains("Ask the Organisers"));
    phone.js("document.querySelector(arguments[0]).scrollIntoView({ block: 'center' })", session(MOVED));
    phone.screenshot("phone-follow-moved-390");
    console.until(SOON, "the change in the panel", d -> !console.text("[data-fact='last-change']").equals("never")
        && console.text("[data-follow-in-line]").contains("in line"));
    showPanel();
    console.screenshot("console-follow-applied-1366");
    check(console, "the published schedule panel, following");
    assertNone();
  }

  @Test
  @Order(6)
  void inApprovalModeTheConsoleShowsTheReleaseAndAppliesItAfterAHeldSessionIsReleased() throws IOException {
    click(console, "[data-action='follow-set']");
    dialog(console);
    assertThat(console.find("dialog[open] input[name='follow-url']").getAttribute("value")).isEqualTo(sourceUrl());
    choose(console, "select[name='follow-mode']", "approve");
    confirm(console);
    awaitNoDialog(console);
    console.until(SOON, "approval mode", d -> console.text("[data-fact='mode']").equals("Held for approval here"));
    // Delayed in Podium on the day: the next release may not move it back until staff release it.
    command(LIVE, new JsonObject().put("type", "session.delay").put("session", RETIMED).put("minutes", 10).put("cascade", false));
    // The next release is the first one again: every edit taken back.
    release.set(fixture("democon.json"));
    click(console, "[data-action='follow-poll']");
    console.until(POLLED, "the release waiting for approval", d -> console.text("[data-follow-pending]").contains("waits for your approval"));
    assertThat(console.text("[data-follow-pending] [data-count='moved']")).contains("1");
    assertThat(console.text("[data-follow-pending] [data-count='updated']")).contains("1");
    assertThat(console.text("[data-follow-pending] [data-count='restored']")).contains("1");
    assertThat(console.text("[data-follow-pending] [data-count='cancelled']")).contains("1");
    assertThat(console.text("[data-follow-pending] " + step(MOVED) + " .plan-after")).contains("Room Turing");
    assertThat(console.text("[data-follow-held] " + step(RETIMED))).contains("changed in Podium");
    assertThat(phone.text(session(MOVED))).as("nothing applied before the approval").contains("Main Stage");
    showPanel();
    console.screenshot("console-follow-approve-1366");
    check(console, "the published schedule panel, a release waiting and a held session");
    click(console, "#lang-toggle");
    console.until(SOON, "the panel in Chinese", d -> console.text("[data-follow-card]").contains("新发布等待你批准")
        && console.text("[data-follow-held]").contains("已在 Podium 中更改"));
    showPanel();
    console.screenshot("console-follow-approve-zh-1366");
    check(console, "the published schedule panel in Chinese");
    click(console, "#lang-toggle");
    console.until(SOON, "the panel in English", d -> console.text("[data-follow-card]").contains("Published schedule"));

    click(console, "[data-follow-held] [data-release='" + RETIMED + "']");
    awaitToast(console, "1 session follows the published schedule again");
    console.until(SOON, "the released session in the release", d -> console.text("[data-follow-held]").isEmpty()
        && console.text("[data-follow-pending] [data-count='retimed']").contains("1"));
    assertThat(phone.text(session(MOVED))).as("released, not applied").contains("Main Stage");

    click(console, "[data-action='follow-apply']");
    awaitToast(console, "Release applied");
    phone.until(SOON, "the talk moved back, highlighted", d -> phone.text(session(MOVED)).contains("Room Turing")
        && phone.classes(session(MOVED)).contains("changed"));
    phone.until(SOON, "the added talk cancelled", d -> phone.text(session(ADDED)).contains("Cancelled"));
    assertThat(phone.text(session(RETIMED))).contains("14:30");
    console.until(SOON, "the panel in line", d -> console.text("[data-follow-in-line]").contains("in line"));
    assertThat(notModified.get() + served.get()).as("the source was read on each poll").isGreaterThanOrEqualTo(3);
    phone.screenshot("phone-follow-approved-390");
    showPanel();
    console.screenshot("console-follow-approved-1366");

    click(console, "[data-action='follow-stop']");
    dialog(console);
    confirm(console);
    awaitNoDialog(console);
    console.until(SOON, "no longer following", d -> console.text("[data-follow-card]").contains("follows no published schedule"));
    assertNone();
  }

  @Test
  @Order(7)
  void anEditorSeesTheFollowAndMayPollButNotChooseWhatIsFollowedNorImport() {
    HttpResponse<Buffer> r = web.put(port, "localhost", "/api/events/" + LIVE + "/follow")
        .putHeader("Authorization", "Bearer " + TestNode.ADMIN_TOKEN)
        .sendJsonObject(new JsonObject().put("url", sourceUrl()).put("mode", "approve")).await();
    assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(200);
    ConsolePages.createStaff(vertx, port, "desk", "Programme Desk", "editor", "desk-password-1");
    Browser editor = Browser.start(1366, 768);
    try {
      logIn(editor, port, "desk", "desk-password-1");
      editor.open(ConsolePages.url(port) + "?event=" + LIVE);
      awaitAgenda(editor);
      view(editor, "event");
      editor.until(POLLED, "the follow as an editor sees it", d -> editor.text("[data-fact='mode']").equals("Held for approval here")
          && !editor.text("[data-fact='last-poll']").equals("never"));
      assertThat(editor.driver.findElements(By.cssSelector("[data-action='follow-poll']"))).hasSize(1);
      assertThat(editor.driver.findElements(By.cssSelector("[data-action='follow-set'], [data-action='follow-stop']"))).isEmpty();
      assertThat(editor.driver.findElements(By.cssSelector("[data-action='import-schedule']"))).isEmpty();
      editor.js("document.querySelector('[data-follow-card]').scrollIntoView({ block: 'start' }); document.scrollingElement.scrollTop = 0;");
      editor.screenshot("console-follow-editor-1366");
      check(editor, "the published schedule panel, as an editor");
    } finally {
      editor.close();
    }
    assertNone();
  }

  private void upload(String fixture) {
    upload(FIXTURES.resolve(fixture));
  }

  private void upload(Path file) {
    WebElement input = dialog(console).findElement(By.cssSelector("input[type=file]"));
    input.sendKeys(file.toAbsolutePath().toString());
  }

  private void showPanel() {
    console.js("document.querySelector('[data-follow-card]').scrollIntoView({ block: 'start' });"
        + " document.scrollingElement.scrollTop = 0;");
  }

  private void awaitRefusal() {
    console.until(SOON, "the refusal", d -> console.text("[data-import-refusal]").contains("This file is not a schedule Podium can read.")
        && console.text("[data-import-status]").isEmpty());
  }

  private String count(String kind) {
    return console.text("[data-import-diff] [data-count='" + kind + "'] .plan-n");
  }

  private static String step(String session) {
    return "[data-step='" + session + "']";
  }

  private static String session(String id) {
    return "#agenda [data-session='" + id + "']";
  }

  private String phoneUrl(String slug) {
    return "http://localhost:" + port + "/index.html?event=" + slug + "#agenda";
  }

  private String sourceUrl() {
    return "http://127.0.0.1:" + sourcePort + "/democon/schedule/export/schedule.json";
  }

  private static byte[] fixture(String name) throws IOException {
    return Files.readAllBytes(FIXTURES.resolve(name));
  }

  private List<String> events() {
    return web.get(port, "localhost", "/api/events").send().await().bodyAsJsonObject().getJsonArray("events").stream()
        .map(e -> ((JsonObject) e).getString("slug")).sorted().toList();
  }

  private int sessionsOf(String slug) {
    return web.get(port, "localhost", "/api/events/" + slug).send().await().bodyAsJsonObject().getJsonArray("sessions").size();
  }

  private void importAsAdmin(String slug, byte[] file) {
    HttpResponse<Buffer> r = web.post(port, "localhost", "/api/events/import?slug=" + slug)
        .putHeader("Authorization", "Bearer " + TestNode.ADMIN_TOKEN).putHeader("Content-Type", "application/json")
        .sendBuffer(Buffer.buffer(file)).await();
    assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(201);
    // The node serves a new event once its change feed has loaded it (within a second).
    Await.until("the node serves " + slug, () -> web.get(port, "localhost", "/api/events/" + slug).send().await().statusCode(),
        status -> status == 200);
  }

  private void command(String slug, JsonObject body) {
    HttpResponse<Buffer> r = web.post(port, "localhost", "/api/events/" + slug + "/commands")
        .putHeader("Authorization", "Bearer " + TestNode.ADMIN_TOKEN).sendJsonObject(body).await();
    assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(200);
  }

  private void check(Browser b, String what) {
    List<Accessibility.Violation> found = Accessibility.serious(b);
    if (!found.isEmpty()) {
      a11y.add(Accessibility.describe(what, found));
    }
  }

  private void assertNone() {
    List<String> failures = List.copyOf(a11y);
    a11y.clear();
    assertThat(failures).as("serious or critical axe-core violations").isEmpty();
  }
}
