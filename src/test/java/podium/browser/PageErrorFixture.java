package podium.browser;

import static org.junit.jupiter.api.extension.ConditionEvaluationResult.disabled;
import static org.junit.jupiter.api.extension.ConditionEvaluationResult.enabled;

import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Not a test of its own: PageErrorsBrowserTest runs it through the JUnit test kit, with the
 * project's junit-platform.properties, to see that a test whose page threw fails although the test
 * itself checks nothing, and that a clean one passes. Run any other way, it does nothing.
 */
@ExtendWith(PageErrorFixture.OnlyForTheKit.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Tag("browser")
class PageErrorFixture {

  static final String RUN = "podium.pageErrorFixture";
  static final String ERROR = "fixture: thrown by a timer nobody checks";

  private static Browser browser;

  @BeforeAll
  static void start() {
    browser = Browser.start(400, 300);
  }

  @AfterAll
  static void stop() {
    Browser.closeAll(browser);
  }

  @Test
  @Order(1)
  void leavesAnError() {
    browser.open("about:blank");
    browser.js("setTimeout(() => { throw new Error(arguments[0]); }, 0)", ERROR);
    // Done once the timer has thrown; the test itself asserts nothing about the page.
    browser.js("return new Promise(done => setTimeout(() => done(true), 100))");
  }

  @Test
  @Order(2)
  void leavesNone() {
    browser.open("about:blank");
    browser.js("return new Promise(done => setTimeout(() => done(console.warn('fixture: only a warning')), 100))");
  }

  static final class OnlyForTheKit implements ExecutionCondition {
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
      return context.getConfigurationParameter(RUN).map(Boolean::parseBoolean).orElse(false)
          ? enabled("run by PageErrorsBrowserTest") : disabled("a fixture that PageErrorsBrowserTest runs");
    }
  }
}
