alter table idempotency_keys add column key_digest text
-- statement --
update idempotency_keys set key_digest = encode(sha256(convert_to(key, 'UTF8')), 'hex')
-- statement --
alter table idempotency_keys drop constraint idempotency_keys_pk
-- statement --
alter table idempotency_keys drop column key
-- statement --
alter table idempotency_keys alter column key_digest set not null
-- statement --
alter table idempotency_keys add constraint idempotency_keys_pk primary key (tenant_id, key_digest)
