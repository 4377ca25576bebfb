// The Opportunity panel (one request per load) and an opportunity's note history.
import { Router } from 'express';
import type { Db } from '../../platform/database/database';
import { loadPanel } from './panel';
import { listOpportunityNotes } from '../notes';
import { actorOf } from '../../platform/http/auth';
import { settingsOf } from '../settings';
import type { OpenApiRegistry } from '../../platform/http/openapi';
import { parseOrThrow } from '../../platform/lib/validation';
import { pageQuerySchema, panelRequestSchema, salesforceId } from './contracts';

export function opportunitiesRouter(db: Db, openapi: OpenApiRegistry): Router {
  const router = Router();

  openapi.add({
    method: 'post',
    path: '/v1/opportunities/:oppId/panel',
    summary: 'Prompts, recent notes and score summary for the Opportunity panel',
    body: panelRequestSchema,
    success: 200,
  });
  router.post('/opportunities/:oppId/panel', async (req, res) => {
    const oppId = parseOrThrow(salesforceId, req.params.oppId, 'path.oppId');
    const { opportunity } = parseOrThrow(panelRequestSchema, req.body, 'body');
    res.json(await loadPanel(db, actorOf(res), oppId, opportunity, settingsOf(res)));
  });

  openapi.add({
    method: 'get',
    path: '/v1/opportunities/:oppId/notes',
    summary: "An opportunity's notes, newest first",
    query: pageQuerySchema,
    success: 200,
  });
  router.get('/opportunities/:oppId/notes', async (req, res) => {
    const oppId = parseOrThrow(salesforceId, req.params.oppId, 'path.oppId');
    const page = parseOrThrow(pageQuerySchema, req.query, 'query');
    res.json(await listOpportunityNotes(db, actorOf(res), oppId, page));
  });

  return router;
}
