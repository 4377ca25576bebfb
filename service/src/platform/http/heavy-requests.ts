// A tenant's costliest requests (dashboards and other analytics, exports, imports, rescores, and any
// request with a large body) run a few at a time per tenant; the rest wait their turn. On a small
// machine these requests are bound by the cores, not by how many run at once: a tenant sending six
// at a time is served little faster than one sending two, but six at once keep every core busy and
// make other tenants' notes and live coaching wait. The bodies of waiting requests stay unread in
// their connections. A tenant whose line is full is told to retry (429 with Retry-After). Counted per
// instance, like the rate limits.
import type { NextFunction, Request, Response } from 'express';
import { AppError } from '../lib/errors';
import { actorOf } from './auth';
import { requestCost } from './rate-limit';

/** Routes the rate limit charges this many tokens or more are heavy. */
export const HEAVY_COST = 10;
/** A body larger than this is heavy whatever the route: ten times a long note, and more. */
export const LARGE_BODY_BYTES = 16 * 1024;

export interface HeavyRequestOptions {
  /** heavy requests one tenant may have running at once */
  perTenant: number;
  /** heavy requests one tenant may have waiting; past that, 429 */
  waiting: number;
}

export const DEFAULT_HEAVY_REQUESTS: HeavyRequestOptions = { perTenant: 2, waiting: 20 };

export function isHeavy(req: Pick<Request, 'method' | 'path' | 'headers'>): boolean {
  if (requestCost(req) >= HEAVY_COST) return true;
  const length = req.headers['content-length'];
  // a body sent in chunks has no length to judge by until it is read
  if (length === undefined) return req.headers['transfer-encoding'] !== undefined;
  return Number(length) > LARGE_BODY_BYTES;
}

interface Lane {
  running: number;
  waiting: Array<() => void>;
}

export function heavyRequestsPerTenant(options: HeavyRequestOptions = DEFAULT_HEAVY_REQUESTS) {
  const lanes = new Map<string, Lane>();
  const release = (tenantId: string, lane: Lane) => {
    const next = lane.waiting.shift();
    if (next) return next();
    lane.running--;
    if (lane.running === 0) lanes.delete(tenantId);
  };
  return (req: Request, res: Response, next: NextFunction) => {
    if (!isHeavy(req)) return next();
    const { tenantId } = actorOf(res);
    let lane = lanes.get(tenantId);
    if (!lane) {
      lane = { running: 0, waiting: [] };
      lanes.set(tenantId, lane);
    }
    const current = lane;
    // a slot handed on by release() stays counted in `running`
    const start = () => {
      res.once('close', () => release(tenantId, current));
      next();
    };
    if (current.running < options.perTenant) {
      current.running++;
      return start();
    }
    if (current.waiting.length >= options.waiting) {
      res.setHeader('Retry-After', '1');
      return next(
        new AppError(
          429,
          'heavy_requests_waiting',
          `this org already has ${options.perTenant} costly requests running and ${options.waiting} waiting: retry in 1 s`,
        ),
      );
    }
    current.waiting.push(start);
    // a client that gives up while waiting leaves the line
    res.once('close', () => {
      const at = current.waiting.indexOf(start);
      if (at >= 0) current.waiting.splice(at, 1);
    });
  };
}
