package podium.live;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundBuffer;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.handler.ssl.SslHandler;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.http.impl.WebSocketImplBase;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.LoggerFactory;

/**
 * The fast path: one socket's Netty channel, which Podium's ready-made frames (see SharedFrame)
 * are written to. Vert.x does not count those writes in its own queue, so the channel's buffer is
 * bounded and watched here instead. Every use of Vert.x and Netty internals is in this class, and
 * WirePath only loads it once FastWireProbe has found them in the shape used here.
 *
 * <p>On epoll, a frame goes straight to the socket's descriptor with one write() whenever nothing
 * waits in Netty's queue, which is nearly always: no buffer view, no queue entry, no flush. Only
 * what the kernel does not take (a phone that is not reading) is queued in Netty, and until that
 * queue drains every later frame queues behind it, so the order on the wire never changes.
 */
final class FastWire implements Wire {

  private static final AtomicBoolean WARNED = new AtomicBoolean();

  private final ChannelHandlerContext ctx;
  private final Channel channel;
  /** Set when frames may go straight to the descriptor: native epoll and no TLS in the pipeline. */
  private final EpollSocketChannel direct;

  private FastWire(ChannelHandlerContext ctx) {
    this.ctx = ctx;
    this.channel = ctx.channel();
    this.direct = channel instanceof EpollSocketChannel epoll && ctx.pipeline().get(SslHandler.class) == null
        ? epoll : null;
  }

  /** A socket that is not Vert.x's own implementation (the probe cannot see that) gets the plain path. */
  static Wire of(ServerWebSocket socket) {
    ChannelHandlerContext ctx = socket instanceof WebSocketImplBase<?> impl ? impl.channelHandlerContext() : null;
    if (ctx != null) {
      return new FastWire(ctx);
    }
    if (WARNED.compareAndSet(false, true)) {
      LoggerFactory.getLogger(WirePath.class).warn("wire: a socket of {} has no Netty channel to write to;"
          + " such sockets use the plain path (Vert.x's public API)", socket.getClass().getName());
    }
    return new PlainWire(socket);
  }

  /** Past the bound the channel reads as not writable. */
  @Override
  public void bound(int bytes) {
    channel.config().setWriteBufferWaterMark(new WriteBufferWaterMark(bytes / 2, bytes));
  }

  @Override
  public void send(SharedFrame frame) {
    ByteBuf framed = frame.framed();
    int sent = 0;
    if (direct != null && ctx.executor().inEventLoop() && framed.hasMemoryAddress() && nothingQueued()) {
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

  /** Also false once the channel is closed: its descriptor number may then belong to another socket. */
  private boolean nothingQueued() {
    if (!channel.isActive()) {
      return false;
    }
    ChannelOutboundBuffer queue = channel.unsafe().outboundBuffer();
    return queue != null && queue.totalPendingWriteBytes() == 0;
  }

  /** More than the bound waits unsent in Netty's queue. */
  @Override
  public boolean backedUp() {
    return !channel.isWritable();
  }
}
