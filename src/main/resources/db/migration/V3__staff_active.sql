-- an inactive person keeps their history but is in no group and cannot sign in
alter table staff add column active boolean not null default true;
alter table staff add column updated_by varchar(64);
