-- The stage (the speaker timer, its messages and the running-late projection; issue 20): a room's
-- stage state, an event's timer phases and a session's own, each null until set.
alter table rooms add column stage jsonb;
alter table events add column timer jsonb;
alter table sessions add column timer jsonb;
