-- Ties: two nominees may share a rank, so a result is one nominee's place in one award.
alter table award_results drop constraint award_results_pkey;
alter table award_results add primary key (event_id, award, rank, nominee);
