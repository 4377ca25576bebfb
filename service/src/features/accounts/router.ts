// The account's memory over HTTP: its inside view, a rep's judgement on an entry, and the pre-call
// brief for a deal (posted with the deal's context, like the panel).
import { Router } from 'express';
import type { Db } from '../../platform/database/database';
import { actorOf } from '../../platform/http/auth';
import type { OpenApiRegistry } from '../../platform/http/openapi';
import { parseOrThrow } from '../../platform/http/validation';
import { accountProvocationsById } from '../analytics';
import { salesforceId } from '../opportunities';
import { settingsOf } from '../settings';
import { loadBrief } from './brief';
import { changeEntry, loadInsideView } from './inside-view';
import { accountIdSchema, briefRequestSchema, entryChangeSchema, entryIdSchema } from './schemas';

export function accountsRouter(db: Db, openapi: OpenApiRegistry): Router {
  const router = Router();

  openapi.add({
    method: 'get',
    path: '/v1/accounts/:accountId/inside-view',
    summary: "What customers told us from the inside on the account's deals, dated, with its sources",
    roles: [
      'manager (accounts with a deal of their hierarchy)',
      'salesops (tenant)',
      'rep (accounts with a deal of theirs)',
    ],
    success: 200,
  });
  router.get('/accounts/:accountId/inside-view', async (req, res) => {
    const accountId = parseOrThrow(accountIdSchema, req.params.accountId, 'path.accountId');
    res.json(await loadInsideView(db, actorOf(res), accountId, settingsOf(res).insideViewStaleMonths));
  });

  openapi.add({
    method: 'get',
    path: '/v1/accounts/:accountId/provocations',
    summary: 'Prompts an account has already heard, from whom and when, by its Account Id',
    roles: ['all'],
    success: 200,
  });
  router.get('/accounts/:accountId/provocations', async (req, res) => {
    const accountId = parseOrThrow(accountIdSchema, req.params.accountId, 'path.accountId');
    res.json(await accountProvocationsById(db, actorOf(res), accountId));
  });

  openapi.add({
    method: 'patch',
    path: '/v1/accounts/:accountId/inside-view/:entryId',
    summary: 'Mark an inside-view entry outdated (or current again) or correct its text',
    roles: ["the note's author", 'salesops'],
    body: entryChangeSchema,
    success: 200,
  });
  router.patch('/accounts/:accountId/inside-view/:entryId', async (req, res) => {
    const accountId = parseOrThrow(accountIdSchema, req.params.accountId, 'path.accountId');
    const entryId = parseOrThrow(entryIdSchema, req.params.entryId, 'path.entryId');
    const change = parseOrThrow(entryChangeSchema, req.body, 'body');
    const staleAfterMonths = settingsOf(res).insideViewStaleMonths;
    res.json(await changeEntry(db, actorOf(res), accountId, entryId, change, staleAfterMonths));
  });

  openapi.add({
    method: 'post',
    path: '/v1/opportunities/:oppId/brief',
    summary: 'A pre-call brief for the deal: unheard prompts, inside view, redirects, next step, a question',
    roles: ['all'],
    body: briefRequestSchema,
    success: 200,
  });
  router.post('/opportunities/:oppId/brief', async (req, res) => {
    const oppId = parseOrThrow(salesforceId, req.params.oppId, 'path.oppId');
    const { opportunity } = parseOrThrow(briefRequestSchema, req.body, 'body');
    res.json(await loadBrief(db, actorOf(res), oppId, opportunity, settingsOf(res)));
  });

  return router;
}
