-- Imports: who brought which agenda in, when, and the version and epoch it gave the event. A
-- replace takes a version of its own (with a new epoch) and is recorded here, not in changes:
-- the calendar export counts these to raise every SEQUENCE (interop/Revisions).
create table event_imports (
  id        bigserial primary key,
  event_id  bigint not null references events on delete cascade,
  version   bigint not null,
  epoch     text not null,
  replaced  boolean not null,
  format    text not null,
  actor     text not null,
  summary   jsonb not null,
  at        timestamptz not null default now()
);
create index event_imports_event on event_imports (event_id, version);

-- The guid each imported session had in its file, so that a later replace keeps its id.
create table session_guids (
  event_id  bigint not null references events on delete cascade,
  session   text not null,
  guid      text not null,
  primary key (event_id, session)
);

-- Webhook endpoints. The outbox is the changes table itself: each endpoint has a cursor (the last
-- version it was sent or skipped), so the command transaction writes nothing for webhooks. The
-- secret is kept as given, because signing needs it; no API answer ever contains it.
create table webhooks (
  id               bigserial primary key,
  event_id         bigint not null references events on delete cascade,
  url              text not null,
  secret           text not null,
  kinds            text[] not null,
  cursor           bigint not null,
  state            text not null default 'active' check (state in ('active', 'paused')),
  failures         int not null default 0,
  next_attempt_at  timestamptz not null default now(),
  paused_reason    text,
  created_by       text not null,
  created_at       timestamptz not null default now()
);
create index webhooks_due on webhooks (next_attempt_at) where state = 'active';

-- Every attempt to deliver a change to an endpoint, for the admins' delivery log.
create table webhook_deliveries (
  id          bigserial primary key,
  webhook_id  bigint not null references webhooks on delete cascade,
  version     bigint not null,
  kind        text not null,
  attempt     int not null,
  status      int,
  error       text,
  took_ms     int not null,
  node        text not null,
  at          timestamptz not null default now()
);
create index webhook_deliveries_by_hook on webhook_deliveries (webhook_id, id);
