package podium.browser;

import io.vertx.core.Vertx;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetSocket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TCP relay in front of a hub that counts the bytes each way, as a phone's radio would see them:
 * HTTP heads, compressed bodies, WebSocket frames and the service worker's own fetches, all of it.
 * Closing it takes the hub away from the browser while the hub itself keeps running.
 */
final class CountingProxy implements AutoCloseable {

  private final Vertx vertx;
  private final int port;
  private final int target;
  private final NetClient client;
  private final Set<NetSocket> open = ConcurrentHashMap.newKeySet();
  private final AtomicLong down = new AtomicLong();
  private final AtomicLong up = new AtomicLong();
  private NetServer server;

  CountingProxy(Vertx vertx, int port, int target) {
    this.vertx = vertx;
    this.port = port;
    this.target = target;
    this.client = vertx.createNetClient();
  }

  CountingProxy start() {
    server = vertx.createNetServer().connectHandler(this::relay).listen(port, "localhost").await();
    return this;
  }

  private void relay(NetSocket browser) {
    open.add(browser);
    browser.pause();
    client.connect(target, "localhost").onComplete(r -> {
      if (r.failed()) {
        browser.close();
        return;
      }
      NetSocket hub = r.result();
      open.add(hub);
      hub.handler(b -> {
        down.addAndGet(b.length());
        browser.write(b);
      });
      browser.handler(b -> {
        up.addAndGet(b.length());
        hub.write(b);
      });
      hub.closeHandler(v -> {
        open.remove(hub);
        browser.close();
      });
      browser.closeHandler(v -> {
        open.remove(browser);
        hub.close();
      });
      browser.resume();
    });
  }

  /** Bytes from the hub to the browser. */
  long down() {
    return down.get();
  }

  /** Bytes from the browser to the hub. */
  long up() {
    return up.get();
  }

  @Override
  public void close() {
    if (server != null) {
      server.close().await();
      server = null;
    }
    open.forEach(NetSocket::close);
    open.clear();
  }
}
