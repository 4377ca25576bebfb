// Analytics for managers and sales ops: the team dashboard, prompt effectiveness, the notes behind
// a figure, a score band's closed deals, and an account's provocation history. Every view is scoped by role (scope.ts).
import { Router } from 'express';
import type { Db } from '../../platform/database/database';
import { accountProvocations } from './account-history';
import { loadDashboard } from './dashboard';
import { drilldownDeals, drilldownNotes } from './drilldown';
import { loadPromptEffectiveness } from './prompt-effectiveness';
import { actorOf } from '../../platform/http/auth';
import type { OpenApiRegistry } from '../../platform/http/openapi';
import { parseOrThrow } from '../../platform/http/validation';
import {
  accountNameSchema,
  dashboardQuerySchema,
  dealsQuerySchema,
  drilldownQuerySchema,
  promptsQuerySchema,
} from './contracts';

const SCOPED = ['manager (their hierarchy)', 'salesops (tenant)', 'rep (themselves)'];

export function analyticsRouter(db: Db, openapi: OpenApiRegistry): Router {
  const router = Router();

  openapi.add({
    method: 'get',
    path: '/v1/analytics/dashboard',
    summary: 'Conversation quality per rep and over time, pipeline coverage, win rate by score band',
    roles: SCOPED,
    query: dashboardQuerySchema,
    success: 200,
  });
  router.get('/analytics/dashboard', async (req, res) => {
    const query = parseOrThrow(dashboardQuerySchema, req.query, 'query');
    res.json(await loadDashboard(db, actorOf(res), query));
  });

  openapi.add({
    method: 'get',
    path: '/v1/analytics/prompts',
    summary: 'Prompt effectiveness (reactions, progression, win rate vs baseline) and candidate prompts',
    roles: SCOPED,
    query: promptsQuerySchema,
    success: 200,
  });
  router.get('/analytics/prompts', async (req, res) => {
    const query = parseOrThrow(promptsQuerySchema, req.query, 'query');
    res.json(await loadPromptEffectiveness(db, actorOf(res), query));
  });

  openapi.add({
    method: 'get',
    path: '/v1/analytics/notes',
    summary: 'The notes behind a figure, newest first, paged',
    roles: SCOPED,
    query: drilldownQuerySchema,
    success: 200,
  });
  router.get('/analytics/notes', async (req, res) => {
    const query = parseOrThrow(drilldownQuerySchema, req.query, 'query');
    res.json(await drilldownNotes(db, actorOf(res), query));
  });

  openapi.add({
    method: 'get',
    path: '/v1/analytics/deals',
    summary: 'The closed deals a score band counted, best score first, each with its newest notes',
    roles: SCOPED,
    query: dealsQuerySchema,
    success: 200,
  });
  router.get('/analytics/deals', async (req, res) => {
    const query = parseOrThrow(dealsQuerySchema, req.query, 'query');
    res.json(await drilldownDeals(db, actorOf(res), query));
  });

  openapi.add({
    method: 'get',
    path: '/v1/analytics/accounts/:accountName/provocations',
    summary: 'Prompts an account has already heard, from whom and when',
    roles: ['all'],
    success: 200,
  });
  router.get('/analytics/accounts/:accountName/provocations', async (req, res) => {
    const accountName = parseOrThrow(accountNameSchema, req.params.accountName, 'path.accountName');
    res.json(await accountProvocations(db, actorOf(res), accountName));
  });

  return router;
}
