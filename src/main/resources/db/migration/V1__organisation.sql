-- The grid hierarchy: district > street > community/village > grid > minimal unit.
create table area (
  code        varchar(40)  primary key,
  parent_code varchar(40)  references area (code),
  level       varchar(20)  not null,
  name        varchar(100) not null,
  -- for communities: COMMUNITY (社区) or VILLAGE (村)
  kind        varchar(20),
  -- for minimal units: the building or cluster, as residents say it (银泉花园3栋)
  address     varchar(200),
  sort_order  integer      not null default 0,
  created_at  timestamp with time zone not null default current_timestamp,
  constraint area_level_check check (level in ('DISTRICT', 'STREET', 'COMMUNITY', 'GRID', 'MINIMAL_UNIT'))
);
create index area_parent_idx on area (parent_code);

-- Staff with their role and the area they serve; the Camunda identity follows this table.
create table staff (
  user_id      varchar(64)  primary key,
  display_name varchar(100) not null,
  role         varchar(30)  not null,
  area_code    varchar(40)  references area (code),
  employment   varchar(20)  not null default 'FULL_TIME',
  created_at   timestamp with time zone not null default current_timestamp,
  updated_at   timestamp with time zone not null default current_timestamp
);
create index staff_area_idx on staff (area_code);

-- The Tasklist filter kept for each group that tasks are routed to.
create table task_filter (
  group_id  varchar(100) primary key,
  filter_id varchar(64)  not null
);
