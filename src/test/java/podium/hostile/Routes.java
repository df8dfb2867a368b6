package podium.hostile;

import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Route;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import podium.Node;

/**
 * Every path a running node answers: the router's routes (read from the node, so routes added
 * later are covered as they come) and every file of the webroot, served by the static handler.
 */
final class Routes {

  /** One path (with :params) and the methods it is routed for (empty: any). */
  record Target(String path, Set<HttpMethod> methods, boolean prefix) {
    boolean changesState() {
      return methods.stream().anyMatch(m -> m != HttpMethod.GET && m != HttpMethod.HEAD && m != HttpMethod.OPTIONS);
    }

    List<String> params() {
      List<String> names = new ArrayList<>();
      for (String part : path.split("/")) {
        if (part.startsWith(":")) {
          names.add(part.substring(1));
        }
      }
      return names;
    }

    @Override
    public String toString() {
      return (methods.isEmpty() ? "*" : methods.toString()) + " " + path + (prefix ? "*" : "");
    }
  }

  private Routes() {
  }

  /** The router's routes that have a path (templates with :params too), one target per path and method set. */
  static List<Target> api(Node node) {
    Map<String, Target> targets = new LinkedHashMap<>();
    for (Route route : node.routes()) {
      String path = route.getPath();
      // Routes with :params are regex routes that keep their template as the path; the static handler has none.
      if (path == null) {
        continue;
      }
      Set<HttpMethod> methods = route.methods() == null ? Set.of() : new TreeSet<>(
          java.util.Comparator.comparing(HttpMethod::name));
      if (route.methods() != null) {
        methods.addAll(route.methods());
      }
      Target t = new Target(path, Set.copyOf(methods), !route.isExactPath());
      targets.putIfAbsent(t.toString(), t);
    }
    return List.copyOf(targets.values());
  }

  /** Every file the pages are made of, as the paths a browser asks for, and "/". */
  static List<String> pages(Path webroot) {
    List<String> paths = new ArrayList<>(List.of("/"));
    try (Stream<Path> files = Files.walk(webroot)) {
      files.filter(Files::isRegularFile).map(f -> "/" + webroot.relativize(f).toString().replace('\\', '/'))
          .sorted().forEach(paths::add);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return paths;
  }
}
