package podium;

import ch.qos.logback.core.PropertyDefinerBase;

/**
 * Which appender logback.xml uses: "json" when PODIUM_LOG_FORMAT is json, else "plain", so that a
 * mistyped value still logs (as plain lines) instead of leaving the root logger with no appender.
 */
public final class LogFormat extends PropertyDefinerBase {

  @Override
  public String getPropertyValue() {
    return "json".equalsIgnoreCase(System.getenv().getOrDefault("PODIUM_LOG_FORMAT", "").trim()) ? "json" : "plain";
  }
}
