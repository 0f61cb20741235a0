-- A channel reached on the host's behalf (Airbnb's API) is connected by OAuth 2: its access
-- and refresh tokens are sealed by the credential vault like the other secrets (bound to
-- this table, the row id and the column); the access token's expiry and the channel's id
-- of the account that consented are no secrets and stay plain, for the console.
alter table integrations add column access_token varchar(8000);
alter table integrations add column refresh_token varchar(8000);
alter table integrations add column token_expires_at timestamp with time zone;
alter table integrations add column connected_account varchar(255);
alter table integrations add column connected_at timestamp with time zone;

-- The OAuth state of each authorization an administrator started: only its SHA-256 is kept
-- (the state travels in URLs), with who asked, the redirect URI the code is bound to, and
-- when it stops being valid. used_at marks it spent: a state is good for one callback.
create table oauth_states (
    state_hash       varchar(64)              not null primary key,
    integration_type varchar(20)              not null,
    requested_by     varchar(255)             not null,
    redirect_uri     varchar(2048)            not null,
    created_at       timestamp with time zone not null,
    expires_at       timestamp with time zone not null,
    used_at          timestamp with time zone
);
create index oauth_states_created_idx on oauth_states (created_at);

-- What a channel notification asked the sync engine to read again from the channel itself:
-- one row per (integration, kind, reference) while it waits, so a burst of notifications
-- about one reservation costs one read. claimed_by is the run reading it; requested_again
-- says a notification came while it was being read (it is read once more); a failed read
-- waits until not_before and gives up after a few attempts (the scheduled reconciliation
-- reads every mapped listing anyway).
create table channel_rechecks (
    integration_id  uuid                     not null references integrations (id),
    kind            varchar(20)              not null,
    reference       varchar(64)              not null,
    requested_at    timestamp with time zone not null,
    not_before      timestamp with time zone not null,
    attempts        int                      not null,
    claimed_by      uuid,
    requested_again boolean                  not null,
    last_problem    varchar(1000),
    constraint channel_rechecks_pk primary key (integration_id, kind, reference),
    constraint channel_rechecks_kind_ck check (kind in ('reservation', 'authorization'))
);
