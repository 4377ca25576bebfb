// Probes, metrics and the API description; no authentication.
import { Router } from 'express';
import { sql } from 'kysely';
import type { Registry } from 'prom-client';
import type { Db } from '../../storage/database';
import type { OpenApiRegistry } from '../http/openapi';

export interface Lifecycle {
  draining: boolean;
}

export function opsRouter(db: Db, metrics: Registry, openapi: OpenApiRegistry, lifecycle: Lifecycle): Router {
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

  router.get('/metrics', async (_req, res) => {
    res.type(metrics.contentType).send(await metrics.metrics());
  });

  router.get('/openapi.json', (_req, res) => {
    res.json(openapi.document());
  });

  return router;
}
