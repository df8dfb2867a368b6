package podium.browser;

import java.util.Map;

/** The viewport of an open browser set to a tablet's (or back), as Browser.start sets it. */
final class Tablets {

  private Tablets() {
  }

  static void resize(Browser b, int width, int height) {
    b.driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", height,
        "deviceScaleFactor", 1, "mobile", false));
  }
}
