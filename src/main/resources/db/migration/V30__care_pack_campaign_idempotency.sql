-- A start of a campaign over REST sent again (the same Idempotency-Key from the same starter) is
-- the first campaign: answered as the first time, nothing planned, reserved or started again.
-- The hash of what was sent tells a retry from another campaign under the same key (a 409).
-- Starts without a key (and Tasklist's start form) leave both null; nulls never collide.
alter table care_pack_campaign add column idempotency_key varchar(100);
alter table care_pack_campaign add column request_hash varchar(64);
alter table care_pack_campaign add constraint care_pack_campaign_idempotency unique (started_by, idempotency_key);
