// A token bucket per tenant: bursts up to the per-minute allowance, refilled continuously. In memory,
// so each instance enforces its own share; a shared limit would live in the database or the balancer.
import type { NextFunction, Request, Response } from 'express';
import { AppError } from '../../lib/errors';
import { actorOf } from './auth';

export function rateLimitPerTenant(perMinute: number, now: () => number = Date.now) {
  const buckets = new Map<string, { tokens: number; at: number }>();
  const refillPerMs = perMinute / 60000;
  return (_req: Request, res: Response, next: NextFunction) => {
    const { tenantId } = actorOf(res);
    const t = now();
    const bucket = buckets.get(tenantId) ?? { tokens: perMinute, at: t };
    bucket.tokens = Math.min(perMinute, bucket.tokens + (t - bucket.at) * refillPerMs);
    bucket.at = t;
    buckets.set(tenantId, bucket);
    if (bucket.tokens < 1) {
      const retryAfter = Math.ceil((1 - bucket.tokens) / refillPerMs / 1000);
      res.setHeader('Retry-After', String(retryAfter));
      next(new AppError(429, 'rate_limited', `too many requests for this org: retry in ${retryAfter} s`));
      return;
    }
    bucket.tokens -= 1;
    next();
  };
}
