// Idempotency keys are chosen by callers and may carry anything they like: store only a SHA-256
// digest (hex) of each. Keys already stored are converted in place, so a retry that spans the
// upgrade still replays its first answer. The digests go into a new column first and the primary
// key is rebuilt after, so a stored key that happens to look like another key's digest cannot
// collide halfway through the conversion.
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table idempotency_keys add column key_digest text`.execute(db);
  await sql`update idempotency_keys set key_digest = encode(sha256(convert_to(key, 'UTF8')), 'hex')`.execute(
    db,
  );
  await sql`alter table idempotency_keys drop constraint idempotency_keys_pk`.execute(db);
  await sql`alter table idempotency_keys drop column key`.execute(db);
  await sql`alter table idempotency_keys alter column key_digest set not null`.execute(db);
  await sql`alter table idempotency_keys add constraint idempotency_keys_pk primary key (tenant_id, key_digest)`.execute(
    db,
  );
}
