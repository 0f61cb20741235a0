-- A channel's own reference for a booking (an Airbnb HM… code found in an iCal event), beside
-- external_id, which stays the stable key (the iCal UID).
alter table bookings add column external_reference varchar(100);

-- Every sync attempt, with its counts and an error a manager can act on.
create table sync_runs (
    id                 uuid                     not null primary key,
    integration_id     uuid                     not null references integrations (id),
    trigger            varchar(20)              not null,
    status             varchar(20)              not null,
    started_at         timestamp with time zone not null,
    completed_at       timestamp with time zone,
    bookings_created   int                      not null,
    bookings_updated   int                      not null,
    bookings_cancelled int                      not null,
    unchanged          int                      not null,
    conflicts          int                      not null,
    error_message      varchar(2000),
    version            bigint                   not null,
    constraint sync_runs_trigger_ck check (trigger in ('manual', 'scheduled', 'webhook')),
    constraint sync_runs_status_ck check (status in ('running', 'success', 'partial', 'error'))
);
create index sync_runs_integration_idx on sync_runs (integration_id, started_at);

-- What happened to each mapped listing in a run.
create table sync_run_listings (
    sync_run_id         uuid          not null references sync_runs (id),
    position            int           not null,
    external_listing_id varchar(255)  not null,
    property_id         uuid,
    status              varchar(20)   not null,
    bookings_created    int           not null,
    bookings_updated    int           not null,
    bookings_cancelled  int           not null,
    unchanged           int           not null,
    conflicts           int           not null,
    message             varchar(2000),
    primary key (sync_run_id, position)
);

-- Conditional-GET state of each listing's feed.
create table sync_cursors (
    integration_id      uuid                     not null,
    external_listing_id varchar(255)             not null,
    etag                varchar(500),
    last_modified       varchar(100),
    updated_at          timestamp with time zone not null,
    primary key (integration_id, external_listing_id)
);

-- Bookings missing from a complete feed, and for how many consecutive fetches: a booking is
-- cancelled only at the second miss, so one odd fetch never cancels a guest's stay.
create table missing_bookings (
    integration_id  uuid                     not null,
    external_id     varchar(255)             not null,
    misses          int                      not null,
    first_missed_at timestamp with time zone not null,
    primary key (integration_id, external_id)
);

-- Locked while a run is started, so that two requests cannot start two runs of one integration.
create table sync_slots (
    integration_id uuid not null primary key
);
