// Idempotency keys are chosen by callers and may carry anything they like: store only a SHA-256
// digest (hex) of each. Keys already stored are converted in place, so a retry that spans the
// upgrade still replays its first answer. The digests go into a new column first and the primary
// key is rebuilt after, so a stored key that happens to look like another key's digest cannot
// collide halfway through the conversion.
export const statements: readonly string[] = [
  `alter table idempotency_keys add column key_digest text`,
  `update idempotency_keys set key_digest = encode(sha256(convert_to(key, 'UTF8')), 'hex')`,
  `alter table idempotency_keys drop constraint idempotency_keys_pk`,
  `alter table idempotency_keys drop column key`,
  `alter table idempotency_keys alter column key_digest set not null`,
  `alter table idempotency_keys add constraint idempotency_keys_pk primary key (tenant_id, key_digest)`,
];
