-- The public donation report's rate limit on PostgreSQL, as tracking_rate_limit (V11) is the
-- tracking page's: one Bucket4j token bucket per client address, shared by every node
-- (donations.DonationReportRateLimit). On H2 (one node) the buckets stay in memory.
create table donation_report_rate_limit (
  client_address  varchar(100) not null primary key,
  state           bytea,
  expires_at      bigint
);
create index donation_report_rate_limit_by_expires_at_idx on donation_report_rate_limit (expires_at);
