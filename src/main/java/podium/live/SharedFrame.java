package podium.live;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;

/**
 * A text frame encoded once, framed once (RFC 6455, server to client: unmasked) into a direct
 * buffer, and written as it is to every socket that gets it. Per socket that costs one
 * write: no re-encoding, no frame objects, no copy. Every frame Podium sends
 * goes this way (through Wire), so frames on one socket keep their order.
 */
public final class SharedFrame {

  private static final int FIN_TEXT = 0x81;

  private final ByteBuf framed;

  /** A frame for many sockets: in direct memory, which the kernel write reads without a copy. */
  public SharedFrame(String text) {
    this(text, true);
  }

  /** A frame for one socket (a welcome, a pong, an error): on the heap, where it is cheap to make. */
  static SharedFrame once(String text) {
    return new SharedFrame(text, false);
  }

  private SharedFrame(String text, boolean direct) {
    byte[] payload = text.getBytes(StandardCharsets.UTF_8);
    ByteBuf buf = direct ? Unpooled.directBuffer(payload.length + 10) : Unpooled.buffer(payload.length + 10);
    buf.writeByte(FIN_TEXT);
    if (payload.length < 126) {
      buf.writeByte(payload.length);
    } else if (payload.length < 65_536) {
      buf.writeByte(126).writeShort(payload.length);
    } else {
      buf.writeByte(127).writeLong(payload.length);
    }
    // Never released and never written to after this: every socket reads the same bytes.
    this.framed = Unpooled.unreleasableBuffer(buf.writeBytes(payload));
  }

  /** Must run on the socket's own event loop, as every Hub call does. */
  void writeTo(Wire wire) {
    wire.send(framed);
  }
}
