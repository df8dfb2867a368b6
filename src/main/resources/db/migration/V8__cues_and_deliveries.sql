-- Cue lists: staff prepare them ahead; a cue's commands are command bodies, run in order as one.
create table cues (
  event_id       bigint not null references events on delete cascade,
  id             text not null,
  name           jsonb not null,
  position       int not null,
  commands       jsonb not null,
  due_at         timestamptz,
  after_cue      text,
  after_minutes  int not null default 0,
  fired_at       timestamptz,
  primary key (event_id, id)
);

-- Who has each change: every node writes, every second, what its own clients acknowledged; the
-- console adds the nodes up. Rows of old versions are dropped after a day.
create table delivery_reports (
  event_id    bigint not null references events on delete cascade,
  version     bigint not null,
  node        text not null,
  report      jsonb not null,
  updated_at  timestamptz not null default now(),
  primary key (event_id, version, node)
);
create index delivery_reports_updated on delivery_reports (updated_at);
