-- Every event has a clock: real, or simulated (the demo, rehearsals). A rehearsal copy names the
-- event it rehearses.
alter table events add column clock jsonb not null default '{"mode": "real"}',
                   add column rehearsal_of text;
