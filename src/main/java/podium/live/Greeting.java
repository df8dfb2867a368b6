package podium.live;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import java.util.function.BiConsumer;
import podium.event.Audience;
import podium.event.Permission;
import podium.store.Credentials;
import podium.store.ScreenTable;

/** Answers a hello: checks the event, the channels and any token, then hands the client to the fanout. */
final class Greeting {

  private final EventStates states;
  private final Pool pool;
  private final Fanout fanout;
  private final Runnable screenJoined;
  private final Context context;
  private final Credentials credentials;
  private final BiConsumer<Client, SharedFrame> control;

  /** control: sends a frame to one client unless it is backed up (Hub.control). */
  Greeting(Context context, EventStates states, Pool pool, Credentials credentials, Fanout fanout,
      Runnable screenJoined, BiConsumer<Client, SharedFrame> control) {
    this.context = context;
    this.control = control;
    this.credentials = credentials;
    this.states = states;
    this.pool = pool;
    this.fanout = fanout;
    this.screenJoined = screenJoined;
  }

  static ProtocolError alreadySubscribed() {
    return new ProtocolError(ProtocolError.Code.ALREADY_SUBSCRIBED, "one hello per connection; reconnect to change channels");
  }

  /** Throws ProtocolError for what it can refuse at once; token checks answer with an error frame later. */
  void hello(Client client, Hello hello) {
    if (client.state() != Client.State.CONNECTED) {
      throw alreadySubscribed();
    }
    EventState event = states.bySlug(hello.event());
    if (event == null) {
      throw new ProtocolError(ProtocolError.Code.UNKNOWN_EVENT, "no event '" + hello.event() + "' on this hub");
    }
    for (String channel : hello.channels()) {
      if (channel.startsWith("room:") && event.view().agenda().room(channel.substring(5)).isEmpty()) {
        throw new ProtocolError(ProtocolError.Code.UNKNOWN_ROOM, "no room '" + channel.substring(5) + "' in " + hello.event());
      }
    }
    if (!hello.staff() && hello.screen() == null) {
      fanout.subscribe(client, event, hello, Audience.PUBLIC);
      return;
    }
    client.greeting();
    // Back on the hub's own loop: its sockets and subscriptions are touched from there only.
    admit(client, hello, event).onComplete(ok -> context.runOnContext(v -> {
      if (client.closing()) {
        return;
      }
      EventState now = states.byId(event.id());
      Admission admission = ok.succeeded() ? ok.result() : null;
      if (now == null) {
        client.refused();
        control.accept(client, Frames.error(ProtocolError.Code.UNKNOWN_EVENT, "no event '" + hello.event() + "' on this hub"));
      } else if (admission != null && admission.refusal() == null) {
        client.screen = hello.screen();
        client.credential = admission.credential();
        fanout.subscribe(client, now, hello, admission.audience());
        if (client.screen != null) {
          screenJoined.run();
        }
      } else {
        client.refused();
        control.accept(client, Frames.error(admission == null ? ProtocolError.Code.UNAVAILABLE : admission.code(),
            admission == null ? "could not check the login or token; try again" : admission.refusal()));
      }
    }));
  }

  /** Who a socket is let in as, and the hash of the secret that let it in; or, refused, why not. */
  private record Admission(Audience audience, String credential, ProtocolError.Code code, String refusal) {
    static Admission refused(ProtocolError.Code code, String why) {
      return new Admission(null, null, code, why);
    }
  }

  /**
   * Staff: a staff login (the session cookie, from a page of this very host) or an API token;
   * their role decides whether they see embargoed results. A screen: its device token, paired here.
   */
  private Future<Admission> admit(Client client, Hello hello, EventState event) {
    if (hello.staff()) {
      String cookie = Cookies.value(client.socket.headers().get("Cookie"), Cookies.SESSION);
      if (hello.token() == null && !Origins.sameHost(client.socket.headers().get("Origin"),
          client.socket.headers().get("Host"))) {
        return Future.succeededFuture(Admission.refused(ProtocolError.Code.UNAUTHORIZED, "the staff channel opens only from this hub's own pages"));
      }
      return (hello.token() != null ? credentials.byToken(hello.token()) : credentials.bySession(cookie))
          .map(holder -> holder == null
              ? Admission.refused(ProtocolError.Code.UNAUTHORIZED, "the staff channel needs a staff login or a valid staff token")
              : !Permission.STAFF_VIEW.grantedTo(holder.role())
                  ? Admission.refused(ProtocolError.Code.FORBIDDEN, "this role may not open the staff channel")
                  : new Admission(Audience.of(holder.role()), holder.secretHash(), null, null));
    }
    return ScreenTable.byToken(pool, hello.token()).map(device -> device != null
        && device.screen().equals(hello.screen()) && Long.valueOf(event.id()).equals(device.eventId())
        ? new Admission(Audience.PUBLIC, null, null, null)
        : Admission.refused(ProtocolError.Code.UNAUTHORIZED,
            "screen:" + hello.screen() + " needs that screen's device token, paired to " + hello.event()));
  }
}
