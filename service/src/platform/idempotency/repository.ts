// Remembered answers to mutating requests, keyed per tenant by a digest of the client's
// Idempotency-Key (see idempotency.ts).
import { sql } from 'kysely';
import type { Executor } from '../database/database';

export interface IdempotencyRecord {
  requestHash: string;
  statusCode: number | null;
  body: unknown;
}

/**
 * Claims the key inside the caller's transaction. Returns undefined when this request claimed it;
 * otherwise the earlier request's record. On Postgres a concurrent claim waits here until the first
 * transaction commits, so concurrent retries see its answer rather than running twice.
 */
export async function claimIdempotencyKey(
  db: Executor,
  tenantId: string,
  keyDigest: string,
  requestHash: string,
): Promise<IdempotencyRecord | undefined> {
  const inserted = await db
    .insertInto('idempotency_keys')
    .values({ tenant_id: tenantId, key_digest: keyDigest, request_hash: requestHash })
    .onConflict((oc) => oc.columns(['tenant_id', 'key_digest']).doNothing())
    .returning('key_digest')
    .executeTakeFirst();
  if (inserted) return undefined;
  return findIdempotencyRecord(db, tenantId, keyDigest);
}

/** The record of a key that is known to be taken. */
export async function findIdempotencyRecord(
  db: Executor,
  tenantId: string,
  keyDigest: string,
): Promise<IdempotencyRecord> {
  const row = await db
    .selectFrom('idempotency_keys')
    .select(['request_hash', 'status_code', 'body'])
    .where('tenant_id', '=', tenantId)
    .where('key_digest', '=', keyDigest)
    .executeTakeFirstOrThrow();
  return { requestHash: row.request_hash, statusCode: row.status_code, body: row.body };
}

export async function saveIdempotentResponse(
  db: Executor,
  tenantId: string,
  keyDigest: string,
  statusCode: number,
  body: unknown,
): Promise<void> {
  await db
    .updateTable('idempotency_keys')
    .set({ status_code: statusCode, body: JSON.stringify(body ?? null) })
    .where('tenant_id', '=', tenantId)
    .where('key_digest', '=', keyDigest)
    .execute();
}

/** Keys are kept at least `keepHours`; older ones go. Runs across tenants by design (housekeeping). */
export async function purgeIdempotencyKeys(db: Executor, keepHours: number): Promise<number> {
  const result = await db
    .deleteFrom('idempotency_keys')
    .where(sql<boolean>`created_at < now() - make_interval(hours => ${keepHours})`)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
