package podium.browser;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.openqa.selenium.devtools.Command;
import org.openqa.selenium.devtools.Connection;
import org.openqa.selenium.devtools.Event;
import org.openqa.selenium.devtools.SeleniumCdpConnection;
import org.openqa.selenium.devtools.idealized.target.model.SessionID;
import org.openqa.selenium.json.Json;

/**
 * What Web Push needs of Chromium's DevTools protocol, which ChromeDriver's own commands cannot
 * reach: the notifications permission, the service worker's registration (learnt from the
 * ServiceWorker domain's events), a push delivered to it as a push service would
 * (ServiceWorker.deliverPushMessage), and code run inside the worker. Raw protocol commands over
 * Selenium's connection, so no Chromium version is named.
 */
final class PushDevTools implements AutoCloseable {

  private static final Duration WAIT = Duration.ofSeconds(10);

  private final Browser browser;
  private final Connection cdp;
  private final SessionID page;
  /** scope URL → registration id, as the ServiceWorker domain reports them. */
  private final Map<String, String> registrations = new ConcurrentHashMap<>();

  PushDevTools(Browser browser) {
    this.browser = browser;
    this.cdp = SeleniumCdpConnection.create(browser.driver).orElseThrow(() -> new IllegalStateException("no DevTools"));
    cdp.addListener(new Event<Map<String, Object>>("ServiceWorker.workerRegistrationUpdated", in -> in.read(Json.MAP_TYPE)),
        (seq, update) -> {
          for (Object r : (List<?>) update.get("registrations")) {
            Map<?, ?> registration = (Map<?, ?>) r;
            if (Boolean.TRUE.equals(registration.get("isDeleted"))) {
              registrations.remove(String.valueOf(registration.get("scopeURL")));
            } else {
              registrations.put(String.valueOf(registration.get("scopeURL")), String.valueOf(registration.get("registrationId")));
            }
          }
        });
    Map<String, Object> attached = send(null, "Target.attachToTarget",
        Map.of("targetId", browser.driver.getWindowHandle(), "flatten", true));
    page = new SessionID(String.valueOf(attached.get("sessionId")));
    send(page, "ServiceWorker.enable", Map.of());
  }

  /** What "Allow" in the browser's prompt or settings gives the origin (http://host:port). */
  void allowNotifications(String origin) {
    browser.driver.executeCdpCommand("Browser.grantPermissions", Map.of("origin", origin, "permissions", List.of("notifications")));
  }

  /** Runs this script in every page before the page's own (Page.addScriptToEvaluateOnNewDocument). */
  void beforeEveryPage(String script) {
    browser.driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", script));
  }

  /** Delivers a push with this payload to the service worker registered for the scope, as its push service would. */
  void deliverPush(String scope, String payload) {
    String id = browser.until(WAIT, "the service worker registered for " + scope + " (known: " + registrations + ")",
        d -> registrations.get(scope));
    send(page, "ServiceWorker.deliverPushMessage", Map.of("origin", origin(scope), "registrationId", id, "data", payload));
  }

  /** Evaluates an expression inside the running service worker whose script is at this URL, awaiting a promise. */
  Object inWorker(String scriptUrl, String expression) {
    String target = browser.until(WAIT, "the service worker " + scriptUrl + " running", d -> {
      // A worker idle for a while is stopped: a message starts it again.
      browser.js("navigator.serviceWorker.ready.then(r => r.active.postMessage('wake'))");
      List<?> infos = (List<?>) send(null, "Target.getTargets", Map.of()).get("targetInfos");
      return infos.stream().map(i -> (Map<?, ?>) i)
          .filter(i -> "service_worker".equals(i.get("type")) && scriptUrl.equals(i.get("url")))
          .map(i -> String.valueOf(i.get("targetId"))).findFirst().orElse(null);
    });
    SessionID worker = new SessionID(String.valueOf(send(null, "Target.attachToTarget",
        Map.of("targetId", target, "flatten", true)).get("sessionId")));
    try {
      Map<String, Object> result = send(worker, "Runtime.evaluate", Map.of("expression", expression,
          "awaitPromise", true, "returnByValue", true));
      if (result.get("exceptionDetails") != null) {
        throw new AssertionError("in the service worker: " + result.get("exceptionDetails"));
      }
      return ((Map<?, ?>) result.get("result")).get("value");
    } finally {
      send(null, "Target.detachFromTarget", Map.of("sessionId", worker.toString()));
    }
  }

  private Map<String, Object> send(SessionID session, String method, Map<String, Object> params) {
    return cdp.sendAndWait(session, new Command<Map<String, Object>>(method, params, Json.MAP_TYPE), WAIT);
  }

  private static String origin(String scope) {
    java.net.URI u = java.net.URI.create(scope);
    return u.getScheme() + "://" + u.getAuthority();
  }

  @Override
  public void close() {
    cdp.close();
  }
}
