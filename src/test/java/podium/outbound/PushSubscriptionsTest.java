package podium.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import podium.TestDatabase;
import podium.store.Database;

/** The phones that starred a session, stored, replaced, and forgotten when gone or long past. */
@ExtendWith(VertxExtension.class)
@Tag("node")
class PushSubscriptionsTest {

  private Pool pool;

  @BeforeEach
  void database(Vertx vertx) {
    pool = Database.pool(vertx, TestDatabase.fresh(), 2, "push-subscriptions");
  }

  @AfterEach
  void close() {
    pool.close().await();
  }

  @Test
  void thePhonesThatStarredASessionAreFoundWithTheirKeysAndLanguage() {
    long forum = event("forum", 1);
    BrowserSubscription zh = BrowserSubscription.make();
    BrowserSubscription en = BrowserSubscription.make();
    PushSubscriptions.save(pool, forum, sub("https://push.example.org/zh", zh), "zh", List.of("keynote", "expo")).await();
    PushSubscriptions.save(pool, forum, sub("https://push.example.org/en", en), "en", List.of("keynote")).await();

    List<PushSubscriptions.Subscriber> keynote = PushSubscriptions.starring(pool, forum, "keynote").await();
    assertThat(keynote).extracting(s -> s.subscription().endpoint(), PushSubscriptions.Subscriber::lang)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("https://push.example.org/en", "en"),
            org.assertj.core.groups.Tuple.tuple("https://push.example.org/zh", "zh"));
    assertThat(keynote.get(1).subscription().p256dh()).isEqualTo(zh.publicPoint());
    assertThat(keynote.get(1).subscription().auth()).isEqualTo(zh.auth());
    assertThat(PushSubscriptions.starring(pool, forum, "expo").await()).hasSize(1);
    assertThat(PushSubscriptions.starring(pool, forum, "awards").await()).isEmpty();
  }

  @Test
  void subscribingAgainReplacesTheStarsAndLanguageAndEachEventKeepsItsOwn() {
    long forum = event("forum", 1);
    long rehearsal = event("rehearsal", 1);
    PushSubscription phone = sub("https://push.example.org/p", BrowserSubscription.make());
    PushSubscriptions.save(pool, forum, phone, "en", List.of("keynote")).await();
    PushSubscriptions.save(pool, rehearsal, phone, "en", List.of("keynote")).await();
    PushSubscriptions.save(pool, forum, phone, "zh", List.of("expo", "expo")).await();

    assertThat(PushSubscriptions.starring(pool, forum, "keynote").await()).isEmpty();
    assertThat(PushSubscriptions.starring(pool, forum, "expo").await()).extracting(PushSubscriptions.Subscriber::lang)
        .containsExactly("zh");
    assertThat(PushSubscriptions.starring(pool, rehearsal, "keynote").await()).hasSize(1);
    assertThat(PushSubscriptions.remove(pool, "https://push.example.org/p", rehearsal).await()).isTrue();
    assertThat(PushSubscriptions.remove(pool, "https://push.example.org/p", rehearsal).await()).isFalse();
    assertThat(PushSubscriptions.starring(pool, forum, "expo").await()).hasSize(1);
  }

  @Test
  void aGoneEndpointIsForgottenForEveryEvent() {
    long forum = event("forum", 1);
    long rehearsal = event("rehearsal", 1);
    PushSubscription gone = sub("https://push.example.org/gone", BrowserSubscription.make());
    PushSubscription kept = sub("https://push.example.org/kept", BrowserSubscription.make());
    PushSubscriptions.save(pool, forum, gone, "en", List.of("keynote")).await();
    PushSubscriptions.save(pool, rehearsal, gone, "en", List.of("keynote")).await();
    PushSubscriptions.save(pool, forum, kept, "en", List.of("keynote")).await();

    assertThat(PushSubscriptions.forgetEndpoint(pool, "https://push.example.org/gone").await()).isEqualTo(2);
    assertThat(PushSubscriptions.starring(pool, forum, "keynote").await()).extracting(s -> s.subscription().endpoint())
        .containsExactly("https://push.example.org/kept");
    assertThat(PushSubscriptions.starring(pool, rehearsal, "keynote").await()).isEmpty();
  }

  @Test
  void anEventsSubscriptionsGoSomeDaysAfterItsLastDay() {
    long longPast = event("long-past", -10);
    long justEnded = event("just-ended", -2);
    long coming = event("coming", 30);
    for (long e : new long[] {longPast, justEnded, coming}) {
      PushSubscriptions.save(pool, e, sub("https://push.example.org/" + e, BrowserSubscription.make()), "en",
          List.of("keynote")).await();
    }
    assertThat(PushSubscriptions.forgetEnded(pool, 3).await()).isEqualTo(1);
    assertThat(PushSubscriptions.starring(pool, longPast, "keynote").await()).isEmpty();
    assertThat(PushSubscriptions.starring(pool, justEnded, "keynote").await()).hasSize(1);
    assertThat(PushSubscriptions.starring(pool, coming, "keynote").await()).hasSize(1);
  }

  @Test
  void anUnknownLanguageOrTooManyStarsAreRefusedAndStoreNothing() {
    long forum = event("forum", 1);
    PushSubscription phone = sub("https://push.example.org/p", BrowserSubscription.make());
    assertThatThrownBy(() -> PushSubscriptions.save(pool, forum, phone, "fr", List.of("keynote")).await())
        .hasMessageContaining("lang");
    List<String> many = java.util.stream.IntStream.rangeClosed(0, PushSubscriptions.MAX_STARRED)
        .mapToObj(i -> "s" + i).toList();
    assertThatThrownBy(() -> PushSubscriptions.save(pool, forum, phone, "en", many).await())
        .hasMessageContaining("100");
    assertThat(pool.query("select count(*) from push_subscriptions").execute().await().iterator().next().getLong(0))
        .isZero();
  }

  /** An event whose one day is this many days from today, in its own time zone. */
  private long event(String slug, int dayFromToday) {
    return pool.preparedQuery("insert into events (slug, title, venue, time_zone, days, epoch) values ($1, '{}', '{}',"
            + " 'Asia/Shanghai', array[(now() at time zone 'Asia/Shanghai')::date + $2::int], 'e') returning id")
        .execute(Tuple.of(slug, dayFromToday)).await().iterator().next().getLong(0);
  }

  private static PushSubscription sub(String endpoint, BrowserSubscription phone) {
    return PushSubscription.of(endpoint, phone.publicPoint(), phone.auth());
  }
}
