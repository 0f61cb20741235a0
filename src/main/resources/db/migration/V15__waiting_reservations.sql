-- Reservations a channel keeps delivering that Staysync holds back, neither applied nor
-- acknowledged, because a room of theirs is on a listing no property is mapped to: one row per
-- listing and reservation, as the last pulls saw them, so that the integrations page and the
-- dashboard can say what to map. A complete pull replaces an integration's rows; a
-- reservation applied since (its listing got mapped) is no longer delivered, so it goes.
create table waiting_reservations (
    integration_id      uuid                     not null references integrations (id) on delete cascade,
    external_listing_id varchar(255)             not null,
    reference           varchar(255)             not null,
    check_in            date,
    check_out           date,
    first_seen_at       timestamp with time zone not null,
    last_seen_at        timestamp with time zone not null,
    primary key (integration_id, external_listing_id, reference)
);
