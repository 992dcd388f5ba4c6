-- A carer contact may be 200 characters; encrypted and in Base64 that is up to about 840.
alter table person alter column carer_contact_enc set data type varchar(1000);
