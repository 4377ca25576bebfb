// Token buckets: per connecting address in front of authentication (so a flood without a valid key
// cannot make every request hash a key and query the database), and per tenant after it. Both hold
// up to their per-minute allowance and refill continuously; a request takes as many tokens as it
// costs, so a route that scores text, aggregates a history or copies a prompt set spends the
// allowance faster than a read of one record. In memory, so each instance enforces its own share;
// a shared limit would live in the database or the balancer.
import type { NextFunction, Request, Response } from 'express';
import { AppError } from '../lib/errors';
import { actorOf } from './auth';

/** Tokens per request, by route (paths as the /v1 router sees them); everything else costs 1. */
export const ROUTE_COSTS: Array<{ method: string; path: RegExp; cost: number }> = [
  { method: 'POST', path: /^\/rescore$/, cost: 50 },
  { method: 'POST', path: /^\/prompt-sets\/import$/, cost: 20 },
  { method: 'GET', path: /^\/prompt-sets\/[^/]+\/versions\/[^/]+\/export$/, cost: 10 },
  { method: 'GET', path: /^\/analytics\//, cost: 10 },
  { method: 'POST', path: /^\/score$/, cost: 5 },
  { method: 'POST', path: /^\/notes$/, cost: 5 },
  { method: 'PATCH', path: /^\/notes\/[^/]+$/, cost: 5 },
];

export function requestCost(req: Pick<Request, 'method' | 'path'>): number {
  const path = req.path ?? '';
  return ROUTE_COSTS.find((r) => r.method === req.method && r.path.test(path))?.cost ?? 1;
}

type Refusal = (retryAfterSeconds: number) => AppError;

function tokenBuckets(
  perMinute: number,
  keyOf: (req: Request, res: Response) => string,
  refusal: Refusal,
  now: () => number,
) {
  const buckets = new Map<string, { tokens: number; at: number }>();
  const refillPerMs = perMinute / 60000;
  return (req: Request, res: Response, next: NextFunction) => {
    const key = keyOf(req, res);
    // a cost above the allowance could never pass: it takes the whole bucket instead
    const cost = Math.min(requestCost(req), perMinute);
    const t = now();
    const bucket = buckets.get(key) ?? { tokens: perMinute, at: t };
    bucket.tokens = Math.min(perMinute, bucket.tokens + (t - bucket.at) * refillPerMs);
    bucket.at = t;
    buckets.set(key, bucket);
    if (bucket.tokens < cost) {
      const retryAfter = Math.ceil((cost - bucket.tokens) / refillPerMs / 1000);
      res.setHeader('Retry-After', String(retryAfter));
      next(refusal(retryAfter));
      return;
    }
    bucket.tokens -= cost;
    next();
  };
}

export function rateLimitPerTenant(perMinute: number, now: () => number = Date.now) {
  return tokenBuckets(
    perMinute,
    (_req, res) => actorOf(res).tenantId,
    (seconds) => new AppError(429, 'rate_limited', `too many requests for this org: retry in ${seconds} s`),
    now,
  );
}

/** In front of authentication, keyed by the client's address: the connecting one, or behind a
 * trusted proxy (TRUST_PROXY) the one it names in X-Forwarded-For. */
export function rateLimitPerAddress(perMinute: number, now: () => number = Date.now) {
  return tokenBuckets(
    perMinute,
    (req) => req.ip ?? 'unknown',
    (seconds) =>
      new AppError(429, 'rate_limited_address', `too many requests from this address: retry in ${seconds} s`),
    now,
  );
}
