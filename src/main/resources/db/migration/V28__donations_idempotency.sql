-- A caller's retry of opening an appeal, of a gift the desk recorded, or of a refund or a
-- correction (its Idempotency-Key, per caller) is recorded once, as a pledge's is (V24): the key
-- and a fingerprint of the request beside the row it made. A retry with the same key and request
-- is answered with that row; the same key with another request is refused. Retries that arrive
-- together meet at the unique constraint, and the one that loses answers as the first.
alter table donation_appeal add column idempotency_key varchar(100);
alter table donation_appeal add column request_hash varchar(64);
alter table donation_appeal add constraint donation_appeal_key_unique unique (opened_by, idempotency_key);

-- desk gifts, refunds and corrections share the caller's keys: the fingerprint names which command it was
alter table donation_gift add column idempotency_key varchar(100);
alter table donation_gift add column request_hash varchar(64);
alter table donation_gift add constraint donation_gift_key_unique unique (recorded_by, idempotency_key);
