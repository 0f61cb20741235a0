-- A manager may accept a double booking on purpose (a guest moved, an owner stay over a
-- test booking): the conflict stays open, marked reviewed with who and why.
alter table booking_conflicts add column reviewed_at timestamp with time zone;
alter table booking_conflicts add column reviewed_by varchar(320);
alter table booking_conflicts add column review_note varchar(2000);
