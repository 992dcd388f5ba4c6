-- The check-in module keeps what it needs of a listed person itself (name and flags as they
-- were when the list was made) instead of reading the register's tables, and guards a round
-- with an optimistic-lock version. The rest of this change is V10 (Java: it needs the data key).
alter table check_in_round add column version int not null default 0;
alter table check_in_entry add column person_name varchar(50);
alter table check_in_entry add column flags varchar(200) not null default '';
-- what the worker wrote down about a need, encrypted (500 characters of Chinese, in Base64)
alter table check_in_entry add column need_enc varchar(3000);
-- when the need was handed to the hotline (as an event); its help request id follows later
alter table check_in_entry add column need_reported_at timestamp with time zone;
update check_in_entry set
  person_name = (select p.name from person p where p.id = check_in_entry.person_id),
  flags = (select p.flags from person p where p.id = check_in_entry.person_id);
update check_in_entry set need_reported_at = recorded_at where help_request_id is not null;
alter table check_in_entry alter column person_name set not null;
