-- Properties: the rentable units every channel listing maps to.
create table properties (
    id              uuid                     not null primary key,
    name            varchar(200)             not null,
    time_zone       varchar(64)              not null,
    check_in_time   time                     not null,
    check_out_time  time                     not null,
    max_guests      int                      not null,
    address_line1   varchar(200),
    address_line2   varchar(200),
    city            varchar(100),
    postal_code     varchar(20),
    region          varchar(100),
    country_code    varchar(2),
    created_at      timestamp with time zone not null,
    updated_at      timestamp with time zone not null,
    version         bigint                   not null,
    constraint properties_max_guests_ck check (max_guests between 1 and 100)
);

-- Bookings: reservations and blocks in the property's own dates, end-exclusive.
-- (integration_id, external_id) makes every channel import an idempotent upsert;
-- manual bookings leave both null, and nulls never collide in a unique key.
create table bookings (
    id                  uuid                     not null primary key,
    property_id         uuid                     not null references properties (id),
    kind                varchar(20)              not null,
    status              varchar(20)              not null,
    check_in            date                     not null,
    check_out           date                     not null,
    guest_name          varchar(200),
    adults              int,
    children            int,
    total_amount        numeric(19, 4),
    currency            varchar(3),
    source              varchar(20)              not null,
    integration_id      uuid,
    external_id         varchar(255),
    external_listing_id varchar(255),
    raw_payload_ref     varchar(500),
    notes               varchar(2000),
    created_at          timestamp with time zone not null,
    updated_at          timestamp with time zone not null,
    cancelled_at        timestamp with time zone,
    version             bigint                   not null,
    constraint bookings_external_uk unique (integration_id, external_id),
    constraint bookings_stay_ck check (check_out > check_in),
    constraint bookings_kind_ck check (kind in ('RESERVATION', 'BLOCK')),
    constraint bookings_status_ck check (status in ('CONFIRMED', 'CANCELLED')),
    constraint bookings_source_ck check (source in ('MANUAL', 'AIRBNB', 'BOOKING_COM', 'ICAL'))
);
create index bookings_property_stay_idx on bookings (property_id, check_in, check_out);

-- One row per property whose calendar has been written: locked while a booking of that
-- property is written, so that two writers cannot both miss each other's overlap.
create table booking_calendars (
    property_id uuid not null primary key
);

-- Two confirmed bookings of one property whose nights overlap. booking_id < other_booking_id.
create table booking_conflicts (
    id               uuid                     not null primary key,
    property_id      uuid                     not null,
    booking_id       uuid                     not null references bookings (id),
    other_booking_id uuid                     not null references bookings (id),
    detected_at      timestamp with time zone not null,
    resolved_at      timestamp with time zone,
    version          bigint                   not null,
    constraint booking_conflicts_pair_uk unique (booking_id, other_booking_id)
);
create index booking_conflicts_open_idx on booking_conflicts (property_id, resolved_at);
create index booking_conflicts_other_idx on booking_conflicts (other_booking_id);
