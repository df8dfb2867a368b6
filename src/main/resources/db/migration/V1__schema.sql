-- Podium schema. PostgreSQL is the one source of truth; every staff command is one transaction
-- that bumps events.version (gapless, because the row is locked) and appends one row to changes.

create table events (
  id          bigserial primary key,
  slug        text not null unique,
  title       jsonb not null,
  venue       jsonb not null,
  time_zone   text not null,
  days        date[] not null,
  version     bigint not null default 0,
  epoch       text not null,
  created_at  timestamptz not null default now()
);

create table rooms (
  event_id  bigint not null references events on delete cascade,
  id        text not null,
  name      jsonb not null,
  kind      text not null,
  position  int not null,
  primary key (event_id, id)
);

create table speakers (
  event_id     bigint not null references events on delete cascade,
  id           text not null,
  name         jsonb not null,
  title        jsonb not null,
  affiliation  jsonb not null,
  primary key (event_id, id)
);

-- Speakers are an ordered array: speaking order matters and a session is always written whole.
create table sessions (
  event_id       bigint not null references events on delete cascade,
  id             text not null,
  type           text not null,
  room           text not null,
  planned_room   text not null,
  title          jsonb not null,
  description    jsonb not null,
  planned_start  timestamptz not null,
  planned_end    timestamptz not null,
  start_at       timestamptz not null,
  end_at         timestamptz not null,
  status         text not null check (status in ('scheduled', 'live', 'ended', 'cancelled')),
  speakers       text[] not null default '{}',
  reason         jsonb not null default '{}',
  primary key (event_id, id),
  foreign key (event_id, room) references rooms (event_id, id),
  check (end_at > start_at)
);

create table announcements (
  event_id    bigint not null references events on delete cascade,
  id          text not null,
  text        jsonb not null,
  posted_at   timestamptz not null,
  expires_at  timestamptz,
  cleared_at  timestamptz,
  primary key (event_id, id)
);

-- At most one emergency notice per event: the row exists while the notice stands.
create table notices (
  event_id   bigint primary key references events on delete cascade,
  text       jsonb not null,
  posted_at  timestamptz not null
);

create table award_categories (
  event_id  bigint not null references events on delete cascade,
  id        text not null,
  session   text not null,
  name      jsonb not null,
  position  int not null,
  primary key (event_id, id)
);

create table nominees (
  event_id  bigint not null,
  award     text not null,
  id        text not null,
  name      jsonb not null,
  position  int not null,
  primary key (event_id, award, id),
  foreign key (event_id, award) references award_categories (event_id, id) on delete cascade
);

-- revealed_at null means embargoed: no public read path may select such a row's nominee.
create table award_results (
  event_id     bigint not null,
  award        text not null,
  rank         int not null check (rank > 0),
  nominee      text not null,
  revealed_at  timestamptz,
  primary key (event_id, award, rank),
  foreign key (event_id, award, nominee) references nominees (event_id, award, id)
);

-- The change log is also the audit log: who did what, when, at which version.
create table changes (
  event_id  bigint not null references events on delete cascade,
  version   bigint not null,
  kind      text not null,
  audience  text not null check (audience in ('public', 'staff')),
  payload   jsonb not null,
  actor     text not null,
  at        timestamptz not null default now(),
  primary key (event_id, version)
);

create table command_keys (
  event_id      bigint not null references events on delete cascade,
  key           text not null,
  request_hash  text not null,
  response      jsonb not null,
  created_at    timestamptz not null default now(),
  primary key (event_id, key)
);
create index command_keys_created on command_keys (created_at);

-- Only a SHA-256 of each token is stored; tokens are 256-bit random, so a slow hash adds nothing.
create table api_tokens (
  id          bigserial primary key,
  name        text not null unique,
  role        text not null check (role in ('admin', 'staff')),
  token_hash  text not null unique,
  created_at  timestamptz not null default now(),
  revoked_at  timestamptz
);
