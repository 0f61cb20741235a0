-- Availability waiting to be pushed to a channel in API mode: at most one row per
-- (property, integration). Every booking change on the property widens the range of nights
-- and moves due_at a few seconds later (debounce), but never past latest_due (the first
-- change still waiting plus the longest wait). A failed push keeps the row with its attempts, last error and next due time;
-- after the last attempt the row stays as 'gave_up' so that an operator sees it. A pushed row
-- is deleted, unless version shows that a change arrived while it was being pushed.
create table availability_pushes (
    property_id      uuid                     not null,
    integration_id   uuid                     not null references integrations (id),
    range_from       date                     not null,
    range_to         date                     not null,
    state            varchar(20)              not null,
    changes          int                      not null,
    pending_since    timestamp with time zone not null,
    due_at           timestamp with time zone not null,
    latest_due       timestamp with time zone not null,
    attempts         int                      not null,
    last_error       varchar(2000),
    last_attempt_at  timestamp with time zone,
    version          bigint                   not null,
    primary key (property_id, integration_id),
    constraint availability_pushes_state_ck check (state in ('pending', 'gave_up')),
    constraint availability_pushes_range_ck check (range_from < range_to)
);
create index availability_pushes_due_idx on availability_pushes (state, due_at);
