-- The public tracking page's rate limit on PostgreSQL: one Bucket4j token bucket per client
-- address, shared by every node (TrackingRateLimit). state is Bucket4j's serialised bucket;
-- expires_at (epoch milliseconds) is when the bucket is full again, plus a minute, after which
-- the row means nothing and is deleted. On H2 (one node) the buckets stay in memory and this
-- table stays empty; written portably for H2 and PostgreSQL (bytea is an H2 type name too).
create table tracking_rate_limit (
  client_address  varchar(100) not null primary key,
  state           bytea,
  expires_at      bigint
);
create index tracking_rate_limit_by_expires_at_idx on tracking_rate_limit (expires_at);
