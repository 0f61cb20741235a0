-- The digest of the last feed body a listing was applied from (and of the day its
-- horizon started), so that a byte-identical body from a server without validators is
-- neither parsed nor applied again. Null until a listing is next applied.
alter table sync_cursors add column content_hash varchar(64);
