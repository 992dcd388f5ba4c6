-- Failed sign-ins on PostgreSQL (security.SignInThrottle): one Bucket4j token bucket per account
-- and client address and one per client address, shared by every node. state is Bucket4j's
-- serialised bucket; expires_at (epoch milliseconds) is when the bucket is full again, plus a
-- minute, after which the row means nothing and is deleted. On H2 (one node) the buckets stay in
-- memory and this table stays empty; written portably for H2 and PostgreSQL.
create table sign_in_throttle (
  throttle_key  varchar(200) not null primary key,
  state         bytea,
  expires_at    bigint
);
create index sign_in_throttle_by_expires_at_idx on sign_in_throttle (expires_at);
