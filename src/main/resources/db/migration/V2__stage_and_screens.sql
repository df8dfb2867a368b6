-- Who is on stage and who is up next, per session.
alter table sessions add column on_stage text, add column up_next text;

-- Screens: a row exists from the moment a screen asks to be paired (event_id null until staff
-- enter its code). Presence columns are written by whichever node holds the screen's socket.
create table screens (
  id            text primary key,
  token_hash    text not null unique,
  pairing_code  text,
  created_at    timestamptz not null default now(),
  event_id      bigint references events on delete cascade,
  name          jsonb not null default '{}',
  room          text,
  layout        text check (layout in ('room', 'stage', 'foyer')),
  lang          text not null default 'zh-en',
  paired_at     timestamptz,
  last_seen     timestamptz,
  node          text,
  version_shown bigint
);
create unique index screens_pending_code on screens (pairing_code) where event_id is null;
create index screens_event on screens (event_id);
