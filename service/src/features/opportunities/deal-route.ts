// The routes Apex calls when a rep opens something about one deal: the body is the deal's context as Apex
// read it, checked once here, and the use case answers from that context and the tenant's settings.
import type { z } from 'zod';
import type { Db } from '../../platform/database/database';
import type { Actor } from '../../platform/actor';
import { defineRoute, type Route } from '../../platform/http/route';
import type { TenantSettings } from '../settings';
import type { OpportunityContext } from './context';
import { dealRequestSchema, salesforceId } from './contracts';

export type DealUseCase = (
  db: Db,
  actor: Actor,
  opportunityId: string,
  ctx: OpportunityContext,
  settings: TenantSettings,
) => Promise<unknown>;

export interface DealRoute {
  operationId: string;
  /** what the route answers, below `/opportunities/:oppId/` */
  resource: string;
  summary: string;
  response: z.ZodType;
}

/** `POST /opportunities/:oppId/<resource>` with `{opportunity}`, open to every role. */
export function dealRoute(db: Db, useCase: DealUseCase, route: DealRoute): Route {
  return defineRoute({
    operationId: route.operationId,
    method: 'post',
    path: `/opportunities/:oppId/${route.resource}`,
    summary: route.summary,
    roles: 'any-authenticated',
    params: { oppId: salesforceId },
    body: dealRequestSchema,
    response: route.response,
    success: 200,
    handler: async ({ actor, params, body, settings }) => ({
      body: await useCase(db, actor, params.oppId, body.opportunity, settings),
    }),
  });
}
