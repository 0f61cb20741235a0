-- A big run split into chunks of listings that any instance may claim. A chunk is a slice of
-- the run's mapping order (its listing ids, as a JSON array, and the position of its first
-- listing among the run's outcomes); the instance holding it refreshes heartbeat_at, and a
-- chunk whose heartbeat stopped is claimed again by another instance. No foreign key to
-- sync_runs: the rows are deleted when their run ends, and removing old runs never waits on
-- them.
create table sync_run_chunks (
    sync_run_id    uuid                     not null,
    chunk          int                      not null,
    first_position int                      not null,
    listing_ids    text                     not null,
    state          varchar(10)              not null,
    claim          uuid,
    claimed_by     varchar(200),
    claims         int                      not null,
    heartbeat_at   timestamp with time zone,
    budget_ends_at timestamp with time zone not null,
    primary key (sync_run_id, chunk),
    constraint sync_run_chunks_state_ck check (state in ('open', 'claimed', 'done'))
);
create index sync_run_chunks_claimable_idx on sync_run_chunks (state, heartbeat_at);
