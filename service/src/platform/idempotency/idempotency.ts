// Idempotent mutations: the work and the remembered answer commit together (in one transaction, or
// in the one statement that does the work), so a retry with the same Idempotency-Key replays the
// first answer and never repeats the work. Without a key there is nothing to remember: the work runs
// as it is, atomic on its own (see inTransaction). Only a digest of the key is stored: the key is
// whatever the caller chose to send.
import type { Db, Executor } from '../database/database';
import {
  claimIdempotencyKey,
  findIdempotencyRecord,
  saveIdempotentResponse,
  type IdempotencyRecord,
} from './repository';
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
  const keyDigest = sha256(idempotencyKey);
  return db.transaction().execute(async (tx) => {
    const requestHash = hashOf(request);
    const earlier = await claimIdempotencyKey(tx, tenantId, keyDigest, requestHash);
    if (earlier) return replay<T>(earlier, requestHash);
    const outcome = await work(tx);
    await saveIdempotentResponse(tx, tenantId, keyDigest, outcome.status, outcome.body);
    return { ...outcome, replayed: false };
  });
}

/** What a request needs to claim its key in the statement that does its work. */
export interface KeyClaim {
  keyDigest: string;
  requestHash: string;
}

/**
 * For work that is one statement: the statement claims the key and stores the answer with the rows
 * it writes, so no transaction is opened around it (see insertNote). `work` answers undefined when
 * the key was already taken; the earlier answer is then replayed. A concurrent request with the same
 * key waits on the key's row until the first statement commits, and replays its answer.
 */
export async function runIdempotentStatement<T>(
  db: Db,
  tenantId: string,
  idempotencyKey: string | undefined,
  request: unknown,
  work: (claim: KeyClaim | undefined) => Promise<{ status: number; body: T } | undefined>,
): Promise<Outcome<T>> {
  const claim =
    idempotencyKey === undefined
      ? undefined
      : { keyDigest: sha256(idempotencyKey), requestHash: hashOf(request) };
  const outcome = await work(claim);
  if (outcome) return { ...outcome, replayed: false };
  if (!claim) throw new Error('work without an Idempotency-Key must answer');
  return replay<T>(await findIdempotencyRecord(db, tenantId, claim.keyDigest), claim.requestHash);
}

const hashOf = (request: unknown) => sha256(canonicalJson(request));

/** The earlier request's answer, when this request is the same one again. */
function replay<T>(earlier: IdempotencyRecord, requestHash: string): Outcome<T> {
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
