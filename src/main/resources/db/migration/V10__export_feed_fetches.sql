-- When a channel last read a listing's export feed: the console counts the export link as
-- pasted once it has been read. Written by the feed endpoint only (at most every few
-- minutes), never by saving a mapping, so it takes no part in the mapping's version.
alter table listing_mappings add column export_fetched_at timestamp with time zone;
