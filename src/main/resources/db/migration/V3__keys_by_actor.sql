-- Idempotency keys belong to whoever sent them, not to the event: two staff members (or two
-- tools) that happen to pick the same key never see each other's answers. Keys live a day, so
-- the old ones are simply dropped.
delete from command_keys;
alter table command_keys add column actor text not null;
alter table command_keys drop constraint command_keys_pkey;
alter table command_keys add primary key (actor, key);
