// Idempotent mutations: the work and the remembered answer commit in one transaction, so a retry
// with the same Idempotency-Key replays the first answer and never repeats the work. Without a key
// there is nothing to remember: the work runs as it is, atomic on its own (see inTransaction).
import type { Db, Executor } from '../storage/database';
import { claimIdempotencyKey, saveIdempotentResponse } from '../storage/repositories/idempotency';
import { conflict } from '../lib/errors';
import { canonicalJson, sha256 } from '../lib/stable-hash';

export interface Outcome<T> {
  status: number;
  body: T;
  replayed: boolean;
}

export async function runIdempotent<T>(
  db: Db,
  tenantId: string,
  idempotencyKey: string | undefined,
  request: unknown,
  work: (executor: Executor) => Promise<{ status: number; body: T }>,
): Promise<Outcome<T>> {
  if (idempotencyKey === undefined) return { ...(await work(db)), replayed: false };
  return db.transaction().execute(async (tx) => {
    const requestHash = sha256(canonicalJson(request));
    const earlier = await claimIdempotencyKey(tx, tenantId, idempotencyKey, requestHash);
    if (earlier) {
      if (earlier.requestHash !== requestHash) {
        throw conflict(
          'this Idempotency-Key was already used with a different request',
          'idempotency_key_reused',
        );
      }
      if (earlier.statusCode === null) {
        throw conflict('a request with this Idempotency-Key is still in progress', 'idempotency_in_progress');
      }
      return { status: earlier.statusCode, body: earlier.body as T, replayed: true };
    }
    const outcome = await work(tx);
    await saveIdempotentResponse(tx, tenantId, idempotencyKey, outcome.status, outcome.body);
    return { ...outcome, replayed: false };
  });
}
