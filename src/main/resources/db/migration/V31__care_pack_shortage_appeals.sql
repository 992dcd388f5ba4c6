-- The donation appeals a grid's shortage opened (补足物资缺口, 按缺口数量发起募捐): when the task
-- comes back because stock is still short and is ticked again, only what these appeals no longer
-- bring is asked for. The appeal is the donations module's (its id, no foreign key); what it
-- asked for is kept as it was opened.
create table care_pack_appeal (
  appeal_id    bigint       not null primary key,
  campaign_id  bigint       not null,
  grid_code    varchar(40)  not null,
  item_code    varchar(40)  not null,
  quantity     int          not null,
  opened_by    varchar(100) not null,
  opened_at    timestamp with time zone not null,
  constraint care_pack_appeal_grid_fk foreign key (campaign_id, grid_code)
    references care_pack_grid (campaign_id, grid_code),
  constraint care_pack_appeal_quantity_check check (quantity > 0)
);
create index care_pack_appeal_grid_idx on care_pack_appeal (campaign_id, grid_code, item_code);
