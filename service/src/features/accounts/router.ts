// The account's memory over HTTP: its inside view, a rep's judgement on an entry, and the pre-call
// brief for a deal (posted with the deal's context, like the panel).
import type { Db } from '../../platform/database/database';
import { defineRoute, type Route } from '../../platform/http/route';
import { accountProvocationsById, accountProvocationsResponse } from '../analytics';
import { dealRoute } from '../opportunities';
import { loadBrief } from './brief';
import { changeEntry, loadInsideView } from './inside-view';
import { accountIdSchema, entryChangeSchema, entryIdSchema } from './schemas';
import { briefResponse, insideViewEntryResponse, insideViewResponse } from './responses';

export function accountsRoutes(db: Db): Route[] {
  return [
    defineRoute({
      operationId: 'loadInsideView',
      method: 'get',
      path: '/accounts/:accountId/inside-view',
      summary: "What customers told us from the inside on the account's deals, dated, with its sources",
      roles: 'any-authenticated',
      access:
        'a manager for accounts with a deal of their hierarchy, sales ops the tenant, a rep for accounts with a deal of theirs',
      params: { accountId: accountIdSchema },
      response: insideViewResponse,
      success: 200,
      handler: async ({ actor, params, settings }) => ({
        body: await loadInsideView(db, actor, params.accountId, settings.insideViewStaleMonths),
      }),
    }),
    defineRoute({
      operationId: 'accountProvocationsById',
      method: 'get',
      path: '/accounts/:accountId/provocations',
      summary: 'Prompts an account has already heard, from whom and when, by its Account Id',
      roles: 'any-authenticated',
      params: { accountId: accountIdSchema },
      response: accountProvocationsResponse,
      success: 200,
      handler: async ({ actor, params }) => ({
        body: await accountProvocationsById(db, actor, params.accountId),
      }),
    }),
    defineRoute({
      operationId: 'changeInsideViewEntry',
      method: 'patch',
      path: '/accounts/:accountId/inside-view/:entryId',
      summary: 'Mark an inside-view entry outdated (or current again) or correct its text',
      roles: 'any-authenticated',
      access: "the note's author, or sales ops",
      params: { accountId: accountIdSchema, entryId: entryIdSchema },
      body: entryChangeSchema,
      response: insideViewEntryResponse,
      success: 200,
      handler: async ({ actor, params, body, settings }) => ({
        body: await changeEntry(
          db,
          actor,
          params.accountId,
          params.entryId,
          body,
          settings.insideViewStaleMonths,
        ),
      }),
    }),
    dealRoute(db, loadBrief, {
      operationId: 'loadBrief',
      resource: 'brief',
      summary:
        'A pre-call brief for the deal: unheard prompts, inside view, redirects, next step, a question',
      response: briefResponse,
    }),
  ];
}
