-- Refreshed while a run is executing by the instance running it. A running run whose heartbeat
-- stopped belongs to an instance (or worker) that died: it is closed as error, and the next
-- run applies whatever is missing.
alter table sync_runs add column heartbeat_at timestamp with time zone;
create index sync_runs_running_idx on sync_runs (status, heartbeat_at);
