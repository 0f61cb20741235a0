-- An iCal UID is unique only within the feed that carries it (small exporters number their
-- events 1@host, 2@host), so a booking imported from a feed is identified by its integration,
-- its listing and its UID. API reservation ids (Airbnb, Booking.com) are unique across the
-- channel and a reservation may move to another room there: they keep a channel-wide key.
-- external_scope holds the part of the key between integration and external id: the external
-- listing id for a feed's UID, '' for a channel-wide id, null for a manual booking. '' rather
-- than null, because nulls never collide in a unique key.
alter table bookings add column external_scope varchar(255);

-- Existing rows: channel-wide, except those of integrations reading iCal feeds, whose key is
-- the listing they were last imported from.
update bookings set external_scope = '' where external_id is not null;
update bookings set external_scope = coalesce(external_listing_id, '')
 where external_id is not null
   and integration_id in (select id from integrations where mode = 'ical');

alter table bookings drop constraint bookings_external_uk;
alter table bookings add constraint bookings_external_uk unique (integration_id, external_scope, external_id);
alter table bookings add constraint bookings_external_scope_ck
    check (external_id is null or external_scope is not null);

-- Feed misses are counted per booking: the same UID missing from one listing's feed says nothing
-- about the booking another listing's feed carries under it. Counts of keys that no longer name
-- a booking are dropped.
create table booking_misses (
    booking_id      uuid                     not null primary key references bookings (id) on delete cascade,
    misses          int                      not null,
    first_missed_at timestamp with time zone not null
);
insert into booking_misses (booking_id, misses, first_missed_at)
select b.id, m.misses, m.first_missed_at
  from missing_bookings m
  join bookings b on b.integration_id = m.integration_id and b.external_id = m.external_id;
drop table missing_bookings;
