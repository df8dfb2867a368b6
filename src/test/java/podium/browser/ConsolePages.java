package podium.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import podium.TestNode;

/** What the console tests share: accounts made through the API, the login form, views and dialogs. */
final class ConsolePages {

  static final Duration SOON = Duration.ofSeconds(10);

  private ConsolePages() {
  }

  static String url(int port) {
    return "http://localhost:" + port + "/console.html";
  }

  /** A staff account, made as the admin token (POST /api/staff). */
  static void createStaff(Vertx vertx, int port, String login, String name, String role, String password) {
    WebClient web = WebClient.create(vertx);
    try {
      HttpResponse<Buffer> r = web.post(port, "localhost", "/api/staff")
          .putHeader("Authorization", "Bearer " + TestNode.ADMIN_TOKEN)
          .sendJsonObject(new JsonObject().put("login", login).put("name", name).put("role", role).put("password", password))
          .await();
      assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(201);
    } finally {
      web.close();
    }
  }

  /** GET as the admin token. */
  static JsonObject getAsAdmin(Vertx vertx, int port, String path) {
    WebClient web = WebClient.create(vertx);
    try {
      HttpResponse<Buffer> r = web.get(port, "localhost", path).putHeader("Authorization", "Bearer " + TestNode.ADMIN_TOKEN)
          .send().await();
      assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(200);
      return r.bodyAsJsonObject();
    } finally {
      web.close();
    }
  }

  /** Opens the console, logs in through its form and waits for the live agenda. */
  static void logIn(Browser b, int port, String login, String password) {
    b.open(url(port));
    b.until(SOON, "the login form", d -> !d.findElements(By.name("username")).isEmpty());
    b.find("input[name=username]").sendKeys(login);
    b.find("input[name=password]").sendKeys(password, Keys.ENTER);
    awaitAgenda(b);
  }

  static void awaitAgenda(Browser b) {
    b.until(SOON, "the live agenda", d -> Boolean.TRUE.equals(b.js(
        "return !!document.querySelector('.session-card') && !!window.podiumLive && window.podiumLive.status.online")));
  }

  /** Clicks the first match; again when the page re-drew it between finding and clicking. */
  static void click(Browser b, String css) {
    b.until(SOON, "a click on " + css, d -> {
      d.findElement(By.cssSelector(css)).click();
      return true;
    });
  }

  static void view(Browser b, String view) {
    click(b, "[data-view='" + view + "']");
    b.until(SOON, "the " + view + " view", d -> b.classes("[data-view='" + view + "']").contains("active"));
  }

  static WebElement dialog(Browser b) {
    return b.until(SOON, "an open dialog", d -> {
      List<WebElement> open = d.findElements(By.cssSelector("dialog[open]"));
      return open.isEmpty() ? null : open.get(0);
    });
  }

  static void awaitNoDialog(Browser b) {
    b.until(SOON, "the dialog closed", d -> d.findElements(By.cssSelector("dialog[open]")).isEmpty());
  }

  /** Clicks the open dialog's confirm button once it is enabled. */
  static void confirm(Browser b) {
    WebElement button = dialog(b).findElement(By.cssSelector("[data-action=confirm]"));
    b.until(SOON, "the confirm button enabled", d -> button.isEnabled());
    button.click();
  }

  static void type(Browser b, String css, String text) {
    WebElement input = dialog(b).findElement(By.cssSelector(css));
    input.clear();
    input.sendKeys(text);
  }

  static void choose(Browser b, String css, String value) {
    new Select(dialog(b).findElement(By.cssSelector(css))).selectByValue(value);
  }

  static void awaitToast(Browser b, String text) {
    b.until(SOON, "a toast saying '" + text + "'", d -> b.text("#toasts").contains(text));
  }

  static long version(Browser b) {
    return ((Number) b.js("return window.podiumLive.version")).longValue();
  }
}
