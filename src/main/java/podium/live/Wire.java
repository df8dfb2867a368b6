package podium.live;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.WriteBufferWaterMark;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.http.impl.WebSocketImplBase;

/**
 * Podium's frames go to the socket's Netty channel as ready-made bytes (see SharedFrame). Vert.x
 * does not count those writes in its own queue, so the channel's buffer is bounded and watched
 * here instead: all raw channel access is in this one class.
 */
final class Wire {

  private Wire() {
  }

  private static ChannelHandlerContext context(ServerWebSocket socket) {
    return ((WebSocketImplBase<?>) socket).channelHandlerContext();
  }

  /** Bounds what may wait unsent for this socket; past it the channel reads as not writable. */
  static void bound(ServerWebSocket socket, int bytes) {
    context(socket).channel().config().setWriteBufferWaterMark(new WriteBufferWaterMark(bytes / 2, bytes));
  }

  /** Must run on the socket's own event loop, as every Hub call does. */
  static void write(ServerWebSocket socket, ByteBuf framed) {
    ChannelHandlerContext ctx = context(socket);
    ctx.writeAndFlush(framed, ctx.voidPromise());
  }

  /** True while more than the bound waits unsent: the phone is not reading. */
  static boolean backedUp(ServerWebSocket socket) {
    Channel channel = context(socket).channel();
    return !channel.isWritable();
  }
}
