package podium.browser;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fails a test that left page errors in any open {@link Browser}: uncaught exceptions, unhandled
 * rejections, console.error, failed requests. JUnit loads it for every test through
 * META-INF/services and junit-platform.properties (extension autodetection), so no browser test can
 * leave it out; for a test without a browser it does nothing.
 */
public final class PageErrorCheck implements AfterEachCallback {

  @Override
  public void afterEach(ExtensionContext context) {
    List<String> report = new ArrayList<>();
    for (Browser b : Browser.open()) {
      List<String> errors = b.takePageErrors();
      if (!errors.isEmpty()) {
        report.add(Browser.describe(b, errors));
      }
    }
    if (!report.isEmpty()) {
      throw new AssertionError(context.getDisplayName() + " left page errors:\n" + String.join("\n", report));
    }
  }
}
