-- The stage's buttons (Companion over HTTP, desks over OSC): the last accepted press of each action
-- on each target by each actor, so that a repeated press within a second, on any node, applies
-- once (podium.control.StageDesk). command is what that press was resolved to: a repeat runs it
-- again under the same retry key, and so gets the first press's answer instead of a second change.
create table control_presses (
  actor text not null,
  action text not null,
  target text not null,
  pressed_at timestamptz not null,
  command jsonb not null,
  primary key (actor, action, target)
);
