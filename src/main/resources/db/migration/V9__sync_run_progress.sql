-- How far a running sync has come, for the console's live view: written by the instance
-- running it after each listing, outside the run aggregate (which is saved once, at the end).
alter table sync_runs add column listings_total integer;
alter table sync_runs add column listings_done integer;
