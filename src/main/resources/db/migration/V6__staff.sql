-- Staff accounts, their logins, and tokens with a role each. Only hashes of secrets are stored:
-- passwords as PBKDF2 (HashingStrategy's "$pbkdf2$..." strings), session ids and tokens as SHA-256
-- (they are 256-bit random, so a slow hash adds nothing).
create table staff (
  id            bigserial primary key,
  login         text not null unique,
  name          text not null,
  role          text not null check (role in ('admin', 'editor', 'announcer', 'awards', 'screens')),
  password_hash text not null,
  created_at    timestamptz not null default now(),
  created_by    text not null,
  disabled_at   timestamptz
);

create table staff_sessions (
  id_hash     text primary key,
  staff_id    bigint not null references staff on delete cascade,
  created_at  timestamptz not null default now(),
  expires_at  timestamptz not null,
  address     text,
  revoked_at  timestamptz
);
create index staff_sessions_staff on staff_sessions (staff_id);

-- Failed logins, by account ("login:<name>") and by address ("address:<ip>"), for limiting.
create table login_failures (
  key  text not null,
  at   timestamptz not null default now()
);
create index login_failures_key on login_failures (key, at);

-- The one-time link that creates the first admin when PODIUM_ADMIN_PASSWORD is not set.
create table setup_tokens (
  token_hash  text primary key,
  expires_at  timestamptz not null
);

alter table api_tokens drop constraint api_tokens_role_check;
update api_tokens set role = 'admin' where role = 'staff';
alter table api_tokens add constraint api_tokens_role_check
  check (role in ('admin', 'editor', 'announcer', 'awards', 'screens'));
alter table api_tokens add column created_by text;

-- Embargoed award results go to the "embargo" audience (admin and awards) only.
alter table changes drop constraint changes_audience_check;
update changes set audience = 'embargo' where kind = 'award.result_set';
alter table changes add constraint changes_audience_check check (audience in ('public', 'staff', 'embargo'));
-- What the entities a change touched were before it, for undo; never sent to any client.
alter table changes add column before jsonb;
