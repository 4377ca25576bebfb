// The Opportunity panel (one request per load) and an opportunity's note history.
import type { Db } from '../../platform/database/database';
import { loadPanel } from './panel';
import { listOpportunityNotes, notePageResponse } from '../notes';
import { defineRoute, type Route } from '../../platform/http/route';
import { pageQuerySchema, panelRequestSchema, salesforceId } from './contracts';
import { panelResponse } from './responses';

export function opportunitiesRoutes(db: Db): Route[] {
  return [
    defineRoute({
      operationId: 'loadPanel',
      method: 'post',
      path: '/opportunities/:oppId/panel',
      summary: 'Prompts, recent notes and score summary for the Opportunity panel',
      roles: 'any-authenticated',
      params: { oppId: salesforceId },
      body: panelRequestSchema,
      response: panelResponse,
      success: 200,
      handler: async ({ actor, params, body, settings }) => ({
        body: await loadPanel(db, actor, params.oppId, body.opportunity, settings),
      }),
    }),
    defineRoute({
      operationId: 'listOpportunityNotes',
      method: 'get',
      path: '/opportunities/:oppId/notes',
      summary: "An opportunity's notes, newest first",
      roles: 'any-authenticated',
      params: { oppId: salesforceId },
      query: pageQuerySchema,
      response: notePageResponse,
      success: 200,
      handler: async ({ actor, params, query }) => ({
        body: await listOpportunityNotes(db, actor, params.oppId, query),
      }),
    }),
  ];
}
