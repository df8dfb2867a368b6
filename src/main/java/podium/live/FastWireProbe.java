package podium.live;

import java.util.List;

/**
 * Looks, by name and without loading FastWire, for every internal class and method FastWire
 * uses, with the types it uses them at. The compiler checked them against the Vert.x and Netty
 * of this build; this checks the ones on the classpath at run time.
 */
final class FastWireProbe {

  /** A method FastWire calls: its class, name, parameter types and return type. */
  record Need(String owner, String method, List<String> parameters, String returns) { }

  static final List<Need> NEEDS = List.of(
      new Need("io.vertx.core.http.impl.WebSocketImplBase", "channelHandlerContext", List.of(),
          "io.netty.channel.ChannelHandlerContext"),
      new Need("io.netty.channel.Channel$Unsafe", "outboundBuffer", List.of(), "io.netty.channel.ChannelOutboundBuffer"),
      new Need("io.netty.channel.ChannelOutboundBuffer", "totalPendingWriteBytes", List.of(), "long"),
      new Need("io.netty.channel.epoll.EpollSocketChannel", "fd", List.of(), "io.netty.channel.unix.FileDescriptor"),
      new Need("io.netty.channel.unix.FileDescriptor", "writeAddress", List.of("long", "int", "int"), "int"),
      new Need("io.netty.channel.ChannelConfig", "setWriteBufferWaterMark",
          List.of("io.netty.channel.WriteBufferWaterMark"), "io.netty.channel.ChannelConfig"));

  private FastWireProbe() {
  }

  /** Null when all of NEEDS are there; else the first that is not. */
  static String missing() {
    return missing(NEEDS);
  }

  static String missing(List<Need> needs) {
    ClassLoader loader = FastWireProbe.class.getClassLoader();
    for (Need need : needs) {
      try {
        Class<?> owner = Class.forName(need.owner(), false, loader);
        Class<?>[] parameters = new Class<?>[need.parameters().size()];
        for (int i = 0; i < parameters.length; i++) {
          parameters[i] = type(need.parameters().get(i), loader);
        }
        Class<?> returns = owner.getMethod(need.method(), parameters).getReturnType();
        if (!returns.getName().equals(need.returns())) {
          return need.owner() + "." + need.method() + " returns " + returns.getName() + ", not " + need.returns();
        }
      } catch (ClassNotFoundException | LinkageError e) {
        return "class not found: " + e.getMessage();
      } catch (NoSuchMethodException e) {
        return "no method " + need.owner() + "." + need.method() + need.parameters();
      }
    }
    return null;
  }

  private static Class<?> type(String name, ClassLoader loader) throws ClassNotFoundException {
    return switch (name) {
      case "long" -> long.class;
      case "int" -> int.class;
      default -> Class.forName(name, false, loader);
    };
  }
}
