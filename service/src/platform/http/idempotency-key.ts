import type { Request } from 'express';
import type { Outcome } from '../idempotency/idempotency';
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
