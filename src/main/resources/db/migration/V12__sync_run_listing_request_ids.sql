-- The channel's ids of the requests a listing's outcome came from (Booking.com's RUIDs):
-- its support asks for them when a reservation went astray.
alter table sync_run_listings add column channel_request_ids varchar(1000);
