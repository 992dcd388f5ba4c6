-- Spring Modulith's event publication registry: an event a module publishes for another is
-- stored here in the publishing transaction and marked complete once its listener committed,
-- so a crash between the two loses nothing (incomplete ones are sent again). Same shape as
-- Modulith's own schema; written portably for H2 and PostgreSQL.
create table event_publication (
  id                uuid          not null primary key,
  listener_id       varchar(512)  not null,
  event_type        varchar(512)  not null,
  serialized_event  varchar(4000) not null,
  publication_date  timestamp with time zone not null,
  completion_date   timestamp with time zone
);
create index event_publication_by_completion_date_idx on event_publication (completion_date);
create index event_publication_by_listener_idx on event_publication (listener_id);
