-- Outbound webhooks. A subscription is a URL an integrator registered for some event types,
-- with its signing secret sealed by the credential vault; during a rotation the previous
-- secret is kept (sealed) until previous_secret_until so that deliveries carry both
-- signatures. failing_since is the first failed attempt since the last success: a
-- subscription failing for too long is switched off, with disabled_reason saying why.
create table webhook_subscriptions (
    id                     uuid                     primary key,
    target_url             varchar(2048)            not null,
    event_types            varchar(500)             not null,
    description            varchar(500),
    active                 boolean                  not null,
    sealed_secret          varchar(500)             not null,
    secret_hint            varchar(8)               not null,
    sealed_previous_secret varchar(500),
    previous_secret_until  timestamp with time zone,
    failing_since          timestamp with time zone,
    disabled_reason        varchar(500),
    created_at             timestamp with time zone not null,
    updated_at             timestamp with time zone not null
);

-- The outbox and the delivery log in one: a row is written in the transaction of the change
-- it announces, sent by whichever instance claims it first (SELECT ... FOR UPDATE SKIP LOCKED,
-- then next_attempt_at moved past a lease so that no other instance picks it meanwhile), and
-- kept with its outcome. message_id is the webhook-id, the same on every retry and resend.
-- Retries stop retry-for after retry_from (the creation, or the last resend). The payload is
-- cleared after the retention period; the row stays for the log.
create table webhook_deliveries (
    id                uuid                     primary key,
    subscription_id   uuid                     not null references webhook_subscriptions (id) on delete cascade,
    message_id        varchar(64)              not null,
    event_type        varchar(64)              not null,
    payload           text,
    status            varchar(20)              not null,
    attempts          int                      not null,
    created_at        timestamp with time zone not null,
    retry_from        timestamp with time zone not null,
    next_attempt_at   timestamp with time zone,
    last_attempt_at   timestamp with time zone,
    response_status   int,
    latency_ms        bigint,
    last_error        varchar(500),
    delivered_at      timestamp with time zone,
    constraint webhook_deliveries_status_ck check (status in ('pending', 'delivered', 'failed')),
    constraint webhook_deliveries_message_uq unique (subscription_id, message_id)
);
create index webhook_deliveries_due_idx on webhook_deliveries (status, next_attempt_at);
create index webhook_deliveries_log_idx on webhook_deliveries (subscription_id, created_at);
