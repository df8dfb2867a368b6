package podium.live;

import io.vertx.core.json.JsonObject;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import podium.LiveClient;
import podium.TestNode;

/**
 * A phone on a bad connection: a WebSocket on a plain TCP socket with a small receive window,
 * whose reading can stop or go at a set rate, so the hub's side of it fills exactly as a stuck or
 * slow phone's does. Sending never depends on reading (a stuck download still pings). It records
 * every text frame and whether the hub ended the connection.
 */
public final class SlowPhone implements AutoCloseable {

  /** Reads as fast as the hub writes. */
  public static final long FULL_SPEED = Long.MAX_VALUE;

  public final List<JsonObject> frames = new CopyOnWriteArrayList<>();
  public final List<String> problems = new CopyOnWriteArrayList<>();
  private final Socket socket;
  private final OutputStream out;
  private final Thread reader;
  private volatile long bytesPerSecond;
  private volatile long bigFrameRate = -1;
  private volatile boolean ended;
  private volatile long version = -1;
  private volatile long endedAtNanos;

  private SlowPhone(Socket socket, long bytesPerSecond) throws IOException {
    this.socket = socket;
    this.out = socket.getOutputStream();
    this.bytesPerSecond = bytesPerSecond;
    InputStream in = socket.getInputStream();
    upgrade(in);
    DataInputStream frames = new DataInputStream(new Throttled(in));
    reader = new Thread(() -> read(frames), "slow-phone-" + socket.getLocalPort());
    reader.setDaemon(true);
    reader.start();
  }

  /** Connected to /live with this receive buffer, reading at full speed until told otherwise. */
  public static SlowPhone connect(int port, int receiveBuffer) {
    try {
      Socket s = new Socket();
      s.setReceiveBufferSize(receiveBuffer);
      s.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
      return new SlowPhone(s, FULL_SPEED);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void upgrade(InputStream in) throws IOException {
    byte[] key = new byte[16];
    ThreadLocalRandom.current().nextBytes(key);
    String request = "GET /live HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
        + "Sec-WebSocket-Key: " + java.util.Base64.getEncoder().encodeToString(key) + "\r\n"
        + "Sec-WebSocket-Version: 13\r\n\r\n";
    out.write(request.getBytes(StandardCharsets.US_ASCII));
    out.flush();
    StringBuilder head = new StringBuilder();
    while (!head.toString().endsWith("\r\n\r\n")) {
      int b = in.read();
      if (b < 0) {
        throw new EOFException("closed during the upgrade: " + head);
      }
      head.append((char) b);
    }
    if (!head.toString().startsWith("HTTP/1.1 101")) {
      throw new IOException("not upgraded: " + head);
    }
  }

  /** Stops reading: the kernel's windows fill, then the hub's queue. */
  public SlowPhone stop() {
    bytesPerSecond = 0;
    return this;
  }

  public SlowPhone readAt(long rate) {
    bytesPerSecond = rate;
    return this;
  }

  /** Reads at full speed until a frame of over 64 KiB begins (a big snapshot), then at this rate. */
  public SlowPhone slowOnBigFrames(long rate) {
    bigFrameRate = rate;
    return this;
  }

  public SlowPhone hello() {
    return hello(new JsonObject());
  }

  public SlowPhone hello(JsonObject fields) {
    return send(new JsonObject().put("type", "hello").put("event", TestNode.SLUG).mergeIn(fields));
  }

  public SlowPhone send(JsonObject frame) {
    return frame(0x1, frame.encode().getBytes(StandardCharsets.UTF_8));
  }

  /** A WebSocket ping control frame (at most 125 bytes), which the hub's WebSocket layer answers itself. */
  public SlowPhone wsPing(int payloadBytes) {
    return frame(0x9, new byte[Math.min(125, payloadBytes)]);
  }

  /** False once the hub has cut the connection (the write then fails). */
  public boolean trySend(JsonObject frame) {
    try {
      send(frame);
      return true;
    } catch (UncheckedIOException e) {
      return false;
    }
  }

  private synchronized SlowPhone frame(int opcode, byte[] payload) {
    try {
      byte[] mask = new byte[4];
      ThreadLocalRandom.current().nextBytes(mask);
      out.write(0x80 | opcode);
      if (payload.length < 126) {
        out.write(0x80 | payload.length);
      } else if (payload.length < 65_536) {
        out.write(0x80 | 126);
        out.write(payload.length >> 8);
        out.write(payload.length & 0xff);
      } else {
        out.write(0x80 | 127);
        for (int i = 7; i >= 0; i--) {
          out.write((int) ((long) payload.length >> (8 * i)) & 0xff);
        }
      }
      out.write(mask);
      byte[] masked = new byte[payload.length];
      for (int i = 0; i < payload.length; i++) {
        masked[i] = (byte) (payload[i] ^ mask[i & 3]);
      }
      out.write(masked);
      out.flush();
      return this;
    } catch (IOException e) {
      // A write fails once the hub has reset the connection, even while this phone reads nothing.
      markEnded();
      throw new UncheckedIOException(e);
    }
  }

  private void read(DataInputStream in) {
    java.io.ByteArrayOutputStream message = new java.io.ByteArrayOutputStream();
    try {
      while (true) {
        int first = in.readUnsignedByte();
        int second = in.readUnsignedByte();
        long length = second & 0x7f;
        if (length == 126) {
          length = in.readUnsignedShort();
        } else if (length == 127) {
          length = in.readLong();
        }
        if (length > 65_536 && bigFrameRate >= 0) {
          bytesPerSecond = bigFrameRate;
        }
        byte[] payload = new byte[(int) length];
        in.readFully(payload);
        int opcode = first & 0x0f;
        boolean fin = (first & 0x80) != 0;
        if (opcode == 0x1 || opcode == 0x0) {
          // The plain wire splits a message over 64 KiB into a text frame and continuations.
          message.write(payload);
          if (fin) {
            received(new JsonObject(message.toString(StandardCharsets.UTF_8)));
            message.reset();
          }
        } else if (opcode == 0x9) {
          frame(0xA, payload); // a pong, as a browser answers the hub's ping once it reads it
        } else if (opcode == 0x8) {
          int code = payload.length >= 2 ? ((payload[0] & 0xff) << 8) | (payload[1] & 0xff) : 1005;
          frames.add(new JsonObject().put("type", "(close)").put("code", code));
        }
      }
    } catch (IOException e) {
      // The hub closed or cut the connection (EOF, or reset).
    } finally {
      markEnded();
    }
  }

  private void markEnded() {
    if (!ended) {
      endedAtNanos = System.nanoTime();
      ended = true;
    }
  }

  private void received(JsonObject f) {
    frames.add(f);
    String type = f.getString("type");
    if ("snapshot".equals(type)) {
      version = f.getLong("version");
    } else if ("change".equals(type) || "skip".equals(type)) {
      long v = f.getLong("version");
      if (version >= 0 && v != version + 1) {
        problems.add("got version " + v + " after " + version);
      }
      version = v;
    }
  }

  public long version() {
    return version;
  }

  /** True once the connection has ended: the reader saw EOF or a reset, or a write failed. */
  public boolean ended() {
    return ended;
  }

  public long endedAtNanos() {
    return endedAtNanos;
  }

  /** This phone's own port: the hub's side of the connection is the socket whose remote port it is. */
  public int localPort() {
    return socket.getLocalPort();
  }

  public List<JsonObject> ofType(String type) {
    List<JsonObject> out = new ArrayList<>();
    frames.stream().filter(f -> type.equals(f.getString("type"))).forEach(out::add);
    return out;
  }

  public void awaitVersion(long target, Duration timeout) {
    long until = System.nanoTime() + timeout.toNanos();
    while (version < target && System.nanoTime() < until) {
      LiveClient.sleep(5);
    }
    if (version < target) {
      throw new AssertionError("phone on port " + localPort() + " stuck at version " + version + ", wanted " + target
          + (ended ? " (the connection ended)" : ""));
    }
  }

  public JsonObject awaitType(String type, Duration timeout) {
    long until = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < until) {
      for (JsonObject f : frames) {
        if (type.equals(f.getString("type"))) {
          return f;
        }
      }
      LiveClient.sleep(5);
    }
    throw new AssertionError("no " + type + " frame within " + timeout + " on port " + localPort());
  }

  /** True when the connection ended within the timeout. */
  public boolean awaitEnded(Duration timeout) {
    long until = System.nanoTime() + timeout.toNanos();
    while (!ended && System.nanoTime() < until) {
      LiveClient.sleep(10);
    }
    return ended;
  }

  @Override
  public void close() {
    try {
      socket.close();
    } catch (IOException e) {
      // already gone
    }
  }

  /** Reads no faster than bytesPerSecond; not at all while it is 0. */
  private final class Throttled extends FilterInputStream {

    Throttled(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      while (bytesPerSecond == 0) {
        if (socket.isClosed()) {
          throw new EOFException("closed");
        }
        LiveClient.sleep(10);
      }
      long rate = bytesPerSecond;
      if (rate == FULL_SPEED) {
        return super.read(b, off, len);
      }
      // 50 reads a second, each at most a fiftieth of the rate.
      int n = super.read(b, off, (int) Math.max(1, Math.min(len, rate / 50)));
      LiveClient.sleep(20);
      return n;
    }
  }
}
