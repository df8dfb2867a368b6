package podium.live;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;

/**
 * A text frame made once and sent as it is to every socket that gets it, whichever Wire they
 * have: PlainWire sends its text, FastWire its bytes encoded once and framed once (RFC 6455,
 * server to client: unmasked) into one buffer that every socket writes without a copy. The
 * bytes are made for the first FastWire that sends the frame, so the plain path never makes them.
 */
public final class SharedFrame {

  private static final int FIN_TEXT = 0x81;

  private final String text;
  private final boolean direct;
  private volatile ByteBuf framed;
  /** Bytes on the wire (header and UTF-8 payload), for the metrics; 0 until first asked for. */
  private int size;

  /** A frame for many sockets: its bytes in direct memory, which the kernel write reads without a copy. */
  public SharedFrame(String text) {
    this(text, true);
  }

  /** A frame for one socket (a welcome, a pong, an error): its bytes on the heap, where they are cheap to make. */
  static SharedFrame once(String text) {
    return new SharedFrame(text, false);
  }

  private SharedFrame(String text, boolean direct) {
    this.text = text;
    this.direct = direct;
  }

  String text() {
    return text;
  }

  /**
   * Its bytes on the wire, header included: worked out once per frame (a delta is one frame for
   * thousands of sockets), so counting them costs a field read per socket. Racy but idempotent.
   */
  int size() {
    int s = size;
    if (s == 0) {
      ByteBuf f = framed;
      int payload = f != null ? f.readableBytes() : utf8Length(text);
      s = f != null ? payload : payload + (payload < 126 ? 2 : payload < 65_536 ? 4 : 10);
      size = s;
    }
    return s;
  }

  private static int utf8Length(String text) {
    int bytes = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x80) {
        bytes++;
      } else if (c < 0x800) {
        bytes += 2;
      } else if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
        bytes += 4;
        i++;
      } else {
        bytes += 3;
      }
    }
    return bytes;
  }

  /** Made once, by whichever event loop sends the frame first; never released nor written to after. */
  ByteBuf framed() {
    ByteBuf f = framed;
    if (f == null) {
      synchronized (this) {
        f = framed;
        if (f == null) {
          f = frame();
          framed = f;
        }
      }
    }
    return f;
  }

  private ByteBuf frame() {
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
    // Every socket reads the same bytes: unreleasable, so that no write can free them.
    return Unpooled.unreleasableBuffer(buf.writeBytes(payload));
  }

  /** Must run on the socket's own event loop, as every Hub call does. */
  void writeTo(Wire wire) {
    wire.send(this);
  }
}
