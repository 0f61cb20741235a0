-- The guest's contact details as the channel relays them (often a channel alias), or as a
-- manager entered them. 254 characters is the longest address SMTP can deliver to; 40 holds
-- any international number with spaces and an extension. Longer values are never stored.
alter table bookings add column guest_email varchar(254);
alter table bookings add column guest_phone varchar(40);

-- A tentative booking is a channel's request not yet accepted (an Airbnb pending
-- reservation): stored, and holding its nights or not as staysync.bookings.hold-tentative says.
alter table bookings drop constraint bookings_status_ck;
alter table bookings add constraint bookings_status_ck check (status in ('CONFIRMED', 'TENTATIVE', 'CANCELLED'));
