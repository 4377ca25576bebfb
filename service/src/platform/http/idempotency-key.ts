import type { Request } from 'express';
import type { Db, Executor } from '../database/database';
import { runIdempotent, type Outcome } from '../idempotency/idempotency';
import type { Actor } from '../actor';
import { badRequest } from '../lib/errors';
import type { Reply } from './route';

const KEY = /^[\x21-\x7e]{1,200}$/;

/** The client's Idempotency-Key header, if any: 1–200 visible ASCII characters. */
export function idempotencyKeyOf(req: Request): string | undefined {
  const key = req.get('idempotency-key');
  if (key === undefined) return undefined;
  if (!KEY.test(key)) {
    throw badRequest('invalid Idempotency-Key header', [
      { path: 'headers.idempotency-key', message: 'must be 1–200 visible ASCII characters' },
    ]);
  }
  return key;
}

/** The answer to an idempotent request, a replay of the first answer marked as such. */
export function outcomeReply(outcome: Outcome<unknown>): Reply {
  return {
    status: outcome.status,
    body: outcome.body,
    headers: outcome.replayed ? { 'Idempotent-Replayed': 'true' } : {},
  };
}

/** Runs a mutation once per Idempotency-Key of the request, in one transaction with its answer. */
export async function idempotentReply<T>(
  db: Db,
  actor: Actor,
  req: Request,
  request: unknown,
  work: (executor: Executor) => Promise<{ status: number; body: T }>,
): Promise<Reply> {
  return outcomeReply(await runIdempotent(db, actor.tenantId, idempotencyKeyOf(req), request, work));
}
