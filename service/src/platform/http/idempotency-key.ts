import type { Request, Response } from 'express';
import type { Outcome } from '../idempotency/idempotency';
import { badRequest } from '../lib/errors';

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

/** Answers an idempotent request, marking a replay of the first answer as such. */
export function sendOutcome(res: Response, outcome: Outcome<unknown>): void {
  if (outcome.replayed) res.setHeader('Idempotent-Replayed', 'true');
  res.status(outcome.status).json(outcome.body);
}
