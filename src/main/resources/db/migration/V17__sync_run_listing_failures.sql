-- The outcomes of a run are read a page at a time with the failed ones first, and counted by
-- status: an index that serves both without reading a 30,000-listing run's rows in full.
create index sync_run_listings_status_idx on sync_run_listings (sync_run_id, status, position);
