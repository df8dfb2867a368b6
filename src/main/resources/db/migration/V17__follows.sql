-- An event that follows a published schedule (podium.imports): where it is, how it is taken in
-- (apply: at once; approve: staff apply what the console shows) and how often it is read.
-- etag, last_modified: for the next conditional GET. body, body_hash: the last release read whole,
-- which an approval, a release of held sessions or a restart applies again without a fetch.
-- marks: per session id, what the source last set (SourceMark); a session whose state in Podium
-- differs was changed in Podium since, and is held. Written in the transaction of the changes.
-- applied_hash: the release last applied. last_*: what the console and /metrics show.
create table follows (
  event_id        bigint primary key references events on delete cascade,
  url             text not null,
  mode            text not null check (mode in ('apply', 'approve')),
  interval_seconds int not null default 300 check (interval_seconds between 60 and 86400),
  etag            text,
  last_modified   text,
  body            bytea,
  body_hash       text,
  applied_hash    text,
  marks           jsonb not null default '{}',
  last_poll_at    timestamptz,
  last_release_at timestamptz,
  last_change_at  timestamptz,
  last_error      text,
  last_error_at   timestamptz,
  failures        int not null default 0,
  next_poll_at    timestamptz not null default now(),
  created_by      text not null,
  created_at      timestamptz not null default now()
);
create index follows_due on follows (next_poll_at);
