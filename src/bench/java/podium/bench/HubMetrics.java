package podium.bench;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A few of a hub's own meters, read from its /metrics as Prometheus would. */
final class HubMetrics {

  /** HTTP/1.1 as nginx and Prometheus speak to a hub (the JDK's default h2c upgrade is refused mid-answer). */
  private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(2)).build();

  private HubMetrics() {
  }

  /** Each named sample (with its labels, as written in the text) that the hub has; an error field if it did not answer. */
  static JsonObject read(int port, List<String> names) {
    JsonObject out = new JsonObject();
    try {
      String text = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics"))
          .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString()).body();
      for (String name : names) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name) + " (\\S+)$").matcher(text);
        if (m.find()) {
          out.put(name, Double.parseDouble(m.group(1)));
        }
      }
    } catch (IOException e) {
      out.put("error", e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return out;
  }
}
