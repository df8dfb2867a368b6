package podium.hostile;

import io.vertx.core.http.HttpMethod;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import podium.Node;
import podium.TestNode;
import podium.event.Catalogue;

/**
 * The routes that need a staff credential, read from the node's router: every route but the few
 * that are public by design. A route added later is staff until it is named here as public, so a
 * new public route is a decision someone makes, never an accident.
 */
final class StaffRoutes {

  /** Public by design: the attendee reads, exports and their preflights, logins, setup, screens, health. */
  private static final Pattern PUBLIC = Pattern.compile("/api/events(/:slug)?|/api/login|/api/setup|/api/screens(/me)?"
      + "|/health(/live|/ready)?|/metrics|/api/events/:slug/(schedule\\.(json|xml|ics)|sessions/:file|calendar|push)"
      + "|/api/push/key|/|/index\\.html");
  /** Routes only admins may use, whatever role a valid credential has. */
  static final Pattern ADMIN_ONLY = Pattern.compile("/api/staff(/:login)?|/api/tokens(/:name)?|/api/events/import"
      + "|/api/events/:slug/(webhooks.*|rehearsal)");

  /** One request to a staff route: what is refused must be refused for want of a credential alone. */
  record Call(HttpMethod method, String path, String template, String body) {
    boolean changesState() {
      return method != HttpMethod.GET && method != HttpMethod.HEAD && method != HttpMethod.OPTIONS;
    }

    boolean adminOnly() {
      return ADMIN_ONLY.matcher(template).matches() || template.equals("/api/events") && method == HttpMethod.POST;
    }
  }

  private StaffRoutes() {
  }

  static boolean isPublic(Routes.Target t) {
    if (t.prefix()) {
      return true;
    }
    boolean read = t.methods().stream().allMatch(m -> m == HttpMethod.GET || m == HttpMethod.OPTIONS);
    // Phones subscribe to Web Push with no account: the push routes are public writes.
    return PUBLIC.matcher(t.path()).matches() && (read || Set.of("/api/login", "/api/setup", "/api/screens",
        "/api/events/:slug/push").contains(t.path()));
  }

  /** Every staff route and method, with real path parameters and a body it would accept from an admin. */
  static List<Call> of(Node node) {
    List<Call> calls = new ArrayList<>();
    for (Routes.Target t : Routes.api(node)) {
      if (isPublic(t)) {
        continue;
      }
      String path = t.path().replace(":slug", TestNode.SLUG).replace(":login", "editor-login")
          .replace(":name", "t-editor").replace(":id", "1").replace(":file", "keynote-gan-yong.ics");
      for (HttpMethod m : t.methods().isEmpty() ? Set.of(HttpMethod.GET) : t.methods()) {
        String body = m == HttpMethod.GET || m == HttpMethod.DELETE ? null
            : t.path().endsWith("/commands") ? Samples.command(Catalogue.entries().iterator().next()).encode()
            : Samples.body(t.path()).encode();
        calls.add(new Call(m, path, t.path(), body));
      }
    }
    return calls;
  }
}
