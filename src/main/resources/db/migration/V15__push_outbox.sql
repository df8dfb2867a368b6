-- Web Push's outbox (podium.outbound.PushDeliverer), beside the webhooks' cursors over the same
-- change log. push_cursors: how far each event's changes have been turned into notices; a node
-- claims an event's row with FOR UPDATE SKIP LOCKED and advances it in the same transaction, so
-- each change makes its notices once across all nodes. An event gets its row with its first
-- subscription, at the version it then has: nothing older is ever sent.
create table push_cursors (
  event_id  bigint primary key references events on delete cascade,
  cursor    bigint not null
);

-- One notice a phone is owed about one of its starred sessions. A newer one for the same phone
-- and session replaces it before it goes (and, once it went, the Topic replaces it on the phone).
-- version: the change that made it (for a reminder, the event's version then): a notice is only
-- taken off the list by the send of that version. Gone with its subscription.
create table push_notices (
  id             bigserial primary key,
  event_id       bigint not null,
  endpoint       text not null,
  session_id     text not null,
  reason         text not null check (reason in ('delayed', 'moved', 'cancelled', 'restored', 'soon')),
  version        bigint not null,
  due_at         timestamptz not null default now(),
  attempts       int not null default 0,
  claimed_until  timestamptz,
  unique (event_id, endpoint, session_id),
  foreign key (endpoint, event_id) references push_subscriptions on delete cascade
);
create index push_notices_due on push_notices (due_at);

-- "Starts in 10 minutes" notices made, once per session and (expected) start across all nodes.
create table push_reminders (
  event_id    bigint not null references events on delete cascade,
  session_id  text not null,
  starts_at   timestamptz not null,
  primary key (event_id, session_id, starts_at)
);
