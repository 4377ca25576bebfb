// Analytics for managers and sales ops: the team dashboard, prompt effectiveness, the notes behind
// a figure, a score band's closed deals, and an account's provocation history. Every view is scoped by role (scope.ts).
import type { Db } from '../../platform/database/database';
import { accountProvocations } from './account-history';
import { loadDashboard } from './dashboard';
import { drilldownDeals, drilldownNotes } from './drilldown';
import { loadPromptEffectiveness } from './prompt-effectiveness';
import { defineRoute, type Route } from '../../platform/http/route';
import {
  accountNameSchema,
  dashboardQuerySchema,
  dealsQuerySchema,
  drilldownQuerySchema,
  promptsQuerySchema,
} from './contracts';
import { accountProvocationsResponse, dashboardResponse } from './responses';

const SCOPED = 'a manager their hierarchy, sales ops the tenant, a rep themselves';

export function analyticsRoutes(db: Db): Route[] {
  return [
    defineRoute({
      operationId: 'loadDashboard',
      method: 'get',
      path: '/analytics/dashboard',
      summary: 'Conversation quality per rep and over time, pipeline coverage, win rate by score band',
      roles: 'any-authenticated',
      access: SCOPED,
      query: dashboardQuerySchema,
      response: dashboardResponse,
      success: 200,
      handler: async ({ actor, query }) => ({ body: await loadDashboard(db, actor, query) }),
    }),
    defineRoute({
      operationId: 'loadPromptEffectiveness',
      method: 'get',
      path: '/analytics/prompts',
      summary: 'Prompt effectiveness (reactions, progression, win rate vs baseline) and candidate prompts',
      roles: 'any-authenticated',
      access: SCOPED,
      query: promptsQuerySchema,
      success: 200,
      handler: async ({ actor, query }) => ({ body: await loadPromptEffectiveness(db, actor, query) }),
    }),
    defineRoute({
      operationId: 'drilldownNotes',
      method: 'get',
      path: '/analytics/notes',
      summary: 'The notes behind a figure, newest first, paged',
      roles: 'any-authenticated',
      access: SCOPED,
      query: drilldownQuerySchema,
      success: 200,
      handler: async ({ actor, query }) => ({ body: await drilldownNotes(db, actor, query) }),
    }),
    defineRoute({
      operationId: 'drilldownDeals',
      method: 'get',
      path: '/analytics/deals',
      summary: 'The closed deals a score band counted, best score first, each with its newest notes',
      roles: 'any-authenticated',
      access: SCOPED,
      query: dealsQuerySchema,
      success: 200,
      handler: async ({ actor, query }) => ({ body: await drilldownDeals(db, actor, query) }),
    }),
    defineRoute({
      operationId: 'accountProvocationsByName',
      method: 'get',
      path: '/analytics/accounts/:accountName/provocations',
      summary: 'Prompts an account has already heard, from whom and when',
      roles: 'any-authenticated',
      params: { accountName: accountNameSchema },
      response: accountProvocationsResponse,
      success: 200,
      handler: async ({ actor, params }) => ({
        body: await accountProvocations(db, actor, params.accountName),
      }),
    }),
  ];
}
