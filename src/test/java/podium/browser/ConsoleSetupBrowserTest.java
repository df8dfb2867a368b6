package podium.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static podium.browser.ConsolePages.SOON;
import static podium.browser.ConsolePages.awaitAgenda;
import static podium.browser.ConsolePages.click;
import static podium.browser.ConsolePages.dialog;

import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import podium.TestNode;
import podium.store.SetupTokens;

/** The way in on a hub with no account yet: the one-time setup link, then logging out and in again. */
@ExtendWith(VertxExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("browser")
class ConsoleSetupBrowserTest {

  private static final String PASSWORD = "first-admin-pass";

  private TestNode.Running hub;
  private Browser b;

  @BeforeAll
  void start(Vertx vertx) {
    hub = TestNode.startSeeded(vertx, "console-setup");
    b = Browser.start(1366, 768);
  }

  @AfterAll
  void stop() {
    try {
      Browser.closeAll(b);
    } finally {
      hub.stop();
    }
  }

  @Test
  void theSetupLinkMakesTheFirstAdminWhoLogsOutAndInAgain() {
    String token = SetupTokens.create(hub.node().pool()).await();
    b.open(ConsolePages.url(hub.port()) + "#setup=" + token);
    b.until(SOON, "the setup form", d -> b.text(".gate-form").contains("Set up the first admin"));
    b.find("input[name=name]").sendKeys("Lin Hua");
    b.find("input[name=username]").sendKeys("lin");
    b.find("input[name=password]").sendKeys("too-short");
    b.find("input[name=password-again]").sendKeys("too-short", Keys.ENTER);
    b.until(SOON, "the length refused before sending", d -> b.text(".gate-message").contains("at least 10 characters"));
    b.find("input[name=password]").clear();
    b.find("input[name=password]").sendKeys(PASSWORD);
    b.find("input[name=password-again]").clear();
    b.find("input[name=password-again]").sendKeys(PASSWORD);
    b.screenshot("console-setup-1366");
    Accessibility.assertNoSeriousViolations(b, "console-setup");
    b.find("input[name=password-again]").sendKeys(Keys.ENTER);
    awaitAgenda(b);
    assertThat(b.driver.getCurrentUrl()).doesNotContain("setup=");
    assertThat(b.text("#me")).contains("Lin Hua").contains("Admin");

    click(b, "#me");
    dialog(b).findElement(By.cssSelector("[data-action='logout']")).click();
    b.until(SOON, "the login form after logging out", d -> b.text(".gate-form").contains("Log in"));
    assertThat(String.valueOf(b.js("return Object.keys(localStorage).filter(k => k.endsWith('.staff')).join()"))).isEmpty();

    b.find("input[name=username]").sendKeys("lin");
    b.find("input[name=password]").sendKeys("not-the-password", Keys.ENTER);
    b.until(SOON, "the refusal", d -> b.text(".gate-message").contains("Wrong login or password"));
    // A wrong password is answered 401, which the browser logs as a failed request: that one only.
    assertThat(b.takePageErrors()).singleElement().asString().contains("/api/login").contains("status of 401");
    b.find("input[name=password]").clear();
    b.find("input[name=password]").sendKeys(PASSWORD, Keys.ENTER);
    awaitAgenda(b);
  }
}
