package podium.live;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelOutboundBuffer;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.handler.ssl.SslHandler;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.http.impl.WebSocketImplBase;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.LoggerFactory;

/**
 * The fast path: one socket's Netty channel, which Podium's ready-made frames (see SharedFrame)
 * are written to. Every use of Vert.x and Netty internals is in this class, and WirePath only
 * loads it once FastWireProbe has found them in the shape used here.
 *
 * <p>On epoll, a frame goes straight to the socket's descriptor with one write() whenever nothing
 * waits in Netty's queue, which is nearly always: no buffer view, no queue entry, no flush. Only
 * what the kernel does not take (a phone that is not reading) is queued in Netty, and until that
 * queue drains every later frame queues behind it, so the order on the wire never changes.
 *
 * <p>Netty's queue is where everything waits, Vert.x's own frames (pings, pongs, the close frame)
 * included, so unsent() counts it all: its high-water mark is set far above Podium's bound, so
 * that Vert.x never keeps frames in a queue of its own that nothing counts.
 */
final class FastWire implements Wire {

  private static final AtomicBoolean WARNED = new AtomicBoolean();
  /** Far above any bound Podium uses: the channel never reads as unwritable, so Vert.x never queues. */
  private static final WriteBufferWaterMark NEVER_FULL = new WriteBufferWaterMark(32 << 20, 64 << 20);
  private static final Buffer PING = Buffer.buffer("p");

  private final ServerWebSocket socket;
  private final ChannelHandlerContext ctx;
  private final Channel channel;
  /** Set when frames may go straight to the descriptor: native epoll and no TLS in the pipeline. */
  private final EpollSocketChannel direct;
  private boolean closed;
  private long written;

  private FastWire(ServerWebSocket socket, ChannelHandlerContext ctx) {
    DirectWrites.give((WebSocketImplBase<?>) socket);
    this.socket = socket;
    this.ctx = ctx;
    this.channel = ctx.channel();
    this.direct = channel instanceof EpollSocketChannel epoll && ctx.pipeline().get(SslHandler.class) == null
        ? epoll : null;
    channel.config().setWriteBufferWaterMark(NEVER_FULL);
  }

  /** A socket that is not Vert.x's own implementation (the probe cannot see that) gets the plain path. */
  static Wire of(ServerWebSocket socket) {
    ChannelHandlerContext ctx = contextOf(socket);
    return ctx != null ? new FastWire(socket, ctx) : new PlainWire(socket, null);
  }

  /** What cuts this socket at once, for the plain path; null when it has no Netty channel to close. */
  static Runnable cutterOf(ServerWebSocket socket) {
    ChannelHandlerContext ctx = contextOf(socket);
    return ctx == null ? null : () -> cut(ctx);
  }

  private static ChannelHandlerContext contextOf(ServerWebSocket socket) {
    ChannelHandlerContext ctx = socket instanceof WebSocketImplBase<?> impl ? impl.channelHandlerContext() : null;
    if (ctx == null && WARNED.compareAndSet(false, true)) {
      LoggerFactory.getLogger(WirePath.class).warn("wire: a socket of {} has no Netty channel to write to;"
          + " such sockets use the plain path (Vert.x's public API), and a cut waits behind their backlog",
          socket.getClass().getName());
    }
    return ctx;
  }

  @Override
  public void send(SharedFrame frame) {
    if (closed) {
      return;
    }
    ByteBuf framed = frame.framed();
    written += framed.readableBytes();
    int sent = 0;
    if (direct != null && ctx.executor().inEventLoop() && framed.hasMemoryAddress() && channel.isActive()
        && unsent() == 0) {
      try {
        sent = direct.fd().writeAddress(framed.memoryAddress(), framed.readerIndex(), framed.writerIndex());
      } catch (IOException e) {
        sent = 0; // Netty's own write meets the same error and closes the channel its usual way
      }
      if (sent == framed.readableBytes()) {
        return;
      }
    }
    ctx.writeAndFlush(framed.duplicate().skipBytes(sent), ctx.voidPromise());
  }

  /** 0 once the channel is closed (send then never writes to its descriptor, which another socket may have). */
  @Override
  public long unsent() {
    ChannelOutboundBuffer queue = channel.unsafe().outboundBuffer();
    return queue == null ? 0 : queue.totalPendingWriteBytes();
  }

  @Override
  public long taken() {
    return Math.max(0, written - unsent());
  }

  @Override
  public void ping() {
    if (!closed) {
      socket.writePing(PING);
    }
  }

  @Override
  public Future<Void> close(short code, String reason) {
    closed = true;
    return socket.close(code, reason);
  }

  @Override
  public void cut() {
    closed = true;
    cut(ctx);
  }

  /**
   * From Vert.x's own handler context, so the close goes below Vert.x, which would first flush
   * what waits; with SO_LINGER 0 the kernel drops its send buffer too and resets the connection.
   */
  private static void cut(ChannelHandlerContext ctx) {
    if (ctx.channel().isOpen()) {
      ctx.channel().config().setOption(ChannelOption.SO_LINGER, 0);
      ctx.close();
    }
  }

  /**
   * Vert.x gives each connection a queue for writes made from other threads, whose first 1,025
   * slots (4 KiB) it allocates at once. On the fast path every write to a socket comes from its own
   * event loop (Podium's frames go to Netty directly; pings, pongs and the close frame from
   * Vert.x on the loop), so the connection gets the queue Vert.x uses in its strict thread mode,
   * which writes at once and holds nothing; the 4 KiB go (docs/BENCHMARKS.md, "Heap per idle
   * socket"). Where this Vert.x has other fields, sockets keep their queue: memory, not behaviour.
   */
  static final class DirectWrites {
    private static final java.lang.reflect.Field CONNECTION;
    private static final java.lang.reflect.Field QUEUE;
    private static final java.lang.reflect.Constructor<?> DIRECT;

    static {
      java.lang.reflect.Field connection = null;
      java.lang.reflect.Field queue = null;
      java.lang.reflect.Constructor<?> direct = null;
      try {
        connection = WebSocketImplBase.class.getDeclaredField("conn");
        queue = io.vertx.core.net.impl.VertxConnection.class.getDeclaredField("outboundMessageQueue");
        direct = Class.forName("io.vertx.core.net.impl.VertxConnection$DirectOutboundMessageQueue")
            .getDeclaredConstructor(io.vertx.core.net.impl.VertxConnection.class);
        connection.setAccessible(true);
        queue.setAccessible(true);
        direct.setAccessible(true);
      } catch (ReflectiveOperationException | RuntimeException e) {
        LoggerFactory.getLogger(WirePath.class).info("wire: sockets keep Vert.x's write queue ({})", e.toString());
        connection = null;
      }
      CONNECTION = connection;
      QUEUE = queue;
      DIRECT = direct;
    }

    private DirectWrites() {
    }

    /** Whether this Vert.x has the fields, so that sockets write without a queue. */
    static boolean available() {
      return CONNECTION != null;
    }

    /** Called on the socket's loop before anything is written to it. */
    static void give(WebSocketImplBase<?> socket) {
      if (CONNECTION == null) {
        return;
      }
      try {
        Object connection = CONNECTION.get(socket);
        QUEUE.set(connection, DIRECT.newInstance(connection));
      } catch (ReflectiveOperationException | RuntimeException e) {
        // The queue it has still works.
      }
    }
  }
}
