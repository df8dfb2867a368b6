package podium.live;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import podium.event.Audience;
import podium.store.ApiTokens;
import podium.store.ScreenTable;

/** Answers a hello: checks the event, the channels and any token, then hands the client to the fanout. */
final class Greeting {

  private final EventStates states;
  private final Pool pool;
  private final Fanout fanout;
  private final Runnable screenJoined;
  private final Context context;

  Greeting(Context context, EventStates states, Pool pool, Fanout fanout, Runnable screenJoined) {
    this.context = context;
    this.states = states;
    this.pool = pool;
    this.fanout = fanout;
    this.screenJoined = screenJoined;
  }

  static ProtocolError alreadySubscribed() {
    return new ProtocolError("already_subscribed", "one hello per connection; reconnect to change channels");
  }

  /** Throws ProtocolError for what it can refuse at once; token checks answer with an error frame later. */
  void hello(Client client, Hello hello) {
    if (client.subscribed() || client.greeting) {
      throw alreadySubscribed();
    }
    EventState event = states.bySlug(hello.event());
    if (event == null) {
      throw new ProtocolError("unknown_event", "no event '" + hello.event() + "' on this hub");
    }
    for (String channel : hello.channels()) {
      if (channel.startsWith("room:") && event.view().agenda().room(channel.substring(5)).isEmpty()) {
        throw new ProtocolError("unknown_room", "no room '" + channel.substring(5) + "' in " + hello.event());
      }
    }
    if (hello.audience() == Audience.PUBLIC && hello.screen() == null) {
      fanout.subscribe(client, event, hello);
      return;
    }
    client.greeting = true;
    // Back on the hub's own loop: its sockets and subscriptions are touched from there only.
    admit(hello, event).onComplete(ok -> context.runOnContext(v -> {
      client.greeting = false;
      if (client.gone) {
        return;
      }
      EventState now = states.byId(event.id());
      if (now == null) {
        Frames.error("unknown_event", "no event '" + hello.event() + "' on this hub").writeTo(client.wire);
      } else if (ok.succeeded() && ok.result() == null) {
        client.screen = hello.screen();
        fanout.subscribe(client, now, hello);
        if (client.screen != null) {
          screenJoined.run();
        }
      } else {
        Frames.error("unauthorized",
            ok.succeeded() ? ok.result() : "could not check the token; try again").writeTo(client.wire);
      }
    }));
  }

  /** Checks the token for staff and screen channels; answers null when admitted, else why not. */
  private Future<String> admit(Hello hello, EventState event) {
    if (hello.audience() == Audience.STAFF) {
      return ApiTokens.holder(pool, hello.token())
          .map(holder -> holder != null ? null : "the staff channel needs a valid staff token");
    }
    return ScreenTable.byToken(pool, hello.token()).map(device -> device != null
        && device.screen().equals(hello.screen()) && Long.valueOf(event.id()).equals(device.eventId()) ? null
        : "screen:" + hello.screen() + " needs that screen's device token, paired to " + hello.event());
  }
}
