-- Web Push (podium.outbound). The VAPID key pair (RFC 8292) every node signs its push requests
-- with: one row, made by the first node that starts (INSERT ... ON CONFLICT DO NOTHING, then
-- SELECT, so two nodes starting at once end up with the same key). Browsers bind each
-- subscription to the public key, so replacing this row ends every subscription. The private
-- key is kept as it is, because signing needs it; no answer ever contains it.
create table push_keys (
  id           int primary key default 1 check (id = 1),
  private_key  bytea not null check (length(private_key) = 32),
  public_key   bytea not null check (length(public_key) = 65),
  created_at   timestamptz not null default now()
);

-- A phone that starred sessions of an event: the browser's PushSubscription (endpoint, the
-- P-256 key p256dh as an uncompressed point, the 16-byte auth secret), the language it reads and
-- the ids of the sessions it starred. One row per endpoint and event, so a phone that follows two
-- events keeps its stars in each. A 404/410 from the push service deletes every row of the
-- endpoint; the rows of an event go some days after its last day (PushSubscriptions.forgetEnded),
-- and with the event.
create table push_subscriptions (
  endpoint    text not null check (length(endpoint) <= 2000),
  event_id    bigint not null references events on delete cascade,
  p256dh      bytea not null check (length(p256dh) = 65),
  auth        bytea not null check (length(auth) = 16),
  lang        text not null check (lang in ('en', 'zh')),
  sessions    text[] not null default '{}' check (cardinality(sessions) <= 100),
  created_at  timestamptz not null default now(),
  updated_at  timestamptz not null default now(),
  primary key (endpoint, event_id)
);
create index push_subscriptions_event on push_subscriptions (event_id);
