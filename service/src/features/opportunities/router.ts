// The Opportunity panel (one request per load) and an opportunity's note history.
import type { Db } from '../../platform/database/database';
import { loadPanel } from './panel';
import { listOpportunityNotes, notePageResponse } from '../notes';
import { defineRoute, type Route } from '../../platform/http/route';
import { dealRoute } from './deal-route';
import { pageQuerySchema, salesforceId } from './contracts';
import { panelResponse } from './responses';

export function opportunitiesRoutes(db: Db): Route[] {
  return [
    dealRoute(db, loadPanel, {
      operationId: 'loadPanel',
      resource: 'panel',
      summary: 'Prompts, recent notes and score summary for the Opportunity panel',
      response: panelResponse,
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
