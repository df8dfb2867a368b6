-- The speaker timer is a screen layout staff can assign (issue 20): screens.layout may say 'timer'.
alter table screens drop constraint screens_layout_check;
alter table screens add constraint screens_layout_check check (layout in ('room', 'stage', 'foyer', 'timer'));
