-- How many listings of a chunk its current claim has synced. A run's progress is its own count
-- (listings synced outside chunks, and every listing of the chunks done) plus these of the
-- chunks under way; a chunk claimed again starts from zero, so a listing synced again after
-- a reclaim is not counted twice, and the listings' counts are written to the chunk's row,
-- not all to the run's.
alter table sync_run_chunks add column listings_done int not null default 0;
