-- Verified channel notifications, stored once per (integration, event id): a redelivery of
-- the same event is acknowledged and changes nothing.
create table webhook_inbox (
    id             uuid                     not null primary key,
    integration_id uuid                     not null references integrations (id),
    event_id       varchar(255)             not null,
    received_at    timestamp with time zone not null,
    body           varchar                  not null,
    sync_run_id    uuid,
    constraint webhook_inbox_event_uk unique (integration_id, event_id)
);
