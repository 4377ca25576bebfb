// Probes and the API description, without authentication; metrics behind their own token.
import { Router, type Request } from 'express';
import { sql } from 'kysely';
import type { Registry } from 'prom-client';
import type { Db } from '../database/database';
import type { OpenApiRegistry } from './openapi';
import { digestsEqual } from '../lib/api-keys';
import { notFound, unauthorized } from '../lib/errors';
import { sha256 } from '../lib/stable-hash';

export interface Lifecycle {
  draining: boolean;
}

/** The scraper's `Authorization: Bearer <token>`, compared in constant time. */
function bearerMatches(req: Request, token: string): boolean {
  const presented = /^Bearer (.+)$/.exec(req.get('authorization') ?? '')?.[1];
  return presented !== undefined && digestsEqual(sha256(presented), sha256(token));
}

export function opsRouter(
  db: Db,
  metrics: { registry: Registry; token?: string },
  openapi: OpenApiRegistry,
  lifecycle: Lifecycle,
): Router {
  const router = Router();

  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });

  router.get('/readyz', async (_req, res) => {
    if (lifecycle.draining) {
      res.status(503).json({ status: 'draining' });
      return;
    }
    try {
      await sql`select 1`.execute(db);
      res.json({ status: 'ready' });
    } catch {
      res.status(503).json({ status: 'database unavailable' });
    }
  });

  router.get('/metrics', async (req, res) => {
    // without a token there is no way to keep the figures to the operator, so there are none
    if (metrics.token === undefined) throw notFound('metrics (set METRICS_TOKEN to serve them)');
    if (!bearerMatches(req, metrics.token)) {
      res.setHeader('WWW-Authenticate', 'Bearer realm="metrics"');
      throw unauthorized('metrics need Authorization: Bearer <METRICS_TOKEN>');
    }
    res.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  });

  router.get('/openapi.json', (_req, res) => {
    res.json(openapi.document());
  });

  return router;
}
