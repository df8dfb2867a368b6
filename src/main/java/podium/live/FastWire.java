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

/**
 * One socket's Netty channel, which Podium's ready-made frames (see SharedFrame) are written to.
 * Vert.x does not count those writes in its own queue, so the channel's buffer is bounded and
 * watched here instead: all raw channel access is in this one class.
 *
 * <p>On epoll, a frame goes straight to the socket's descriptor with one write() whenever nothing
 * waits in Netty's queue, which is nearly always: no buffer view, no queue entry, no flush. Only
 * what the kernel does not take (a phone that is not reading) is queued in Netty, and until that
 * queue drains every later frame queues behind it, so the order on the wire never changes.
 */
final class Wire {

  private final ChannelHandlerContext ctx;
  private final Channel channel;
  /** Set when frames may go straight to the descriptor: native epoll and no TLS in the pipeline. */
  private final EpollSocketChannel direct;

  private Wire(ChannelHandlerContext ctx) {
    this.ctx = ctx;
    this.channel = ctx.channel();
    this.direct = channel instanceof EpollSocketChannel epoll && ctx.pipeline().get(SslHandler.class) == null
        ? epoll : null;
  }

  static Wire of(ServerWebSocket socket) {
    return new Wire(((WebSocketImplBase<?>) socket).channelHandlerContext());
  }

  /** Bounds what may wait unsent for this socket; past it the channel reads as not writable. */
  void bound(int bytes) {
    channel.config().setWriteBufferWaterMark(new WriteBufferWaterMark(bytes / 2, bytes));
  }

  /** Writes a framed buffer that nobody modifies. Must run on the socket's own event loop, as every Hub call does. */
  void send(ByteBuf framed) {
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

  /** True while more than the bound waits unsent: the phone is not reading. */
  boolean backedUp() {
    return !channel.isWritable();
  }
}
