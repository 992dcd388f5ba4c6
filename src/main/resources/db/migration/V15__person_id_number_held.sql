-- A person registered with an ID number that is already another person's, in a grid the staff
-- who registered them do not cover: kept with the number (id_number_enc), but not under it
-- (id_number_hash, which stays unique), until staff who cover both grids settle which is right.
-- The keyed hash of the number is here instead, to find them by it.
alter table person add column id_number_held_hash varchar(64);
create index person_id_number_held_idx on person (id_number_held_hash);
