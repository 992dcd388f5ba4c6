-- a second hold needs the grid leader's approval, and the time on hold adds up to a cap
alter table help_request add column hold_count int not null default 0;
alter table help_request add column time_on_hold_seconds bigint not null default 0;
