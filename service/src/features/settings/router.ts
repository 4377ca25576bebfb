// Tenant settings (picklists, scoring weights) and the rescoring job a weight change starts.
import type { Db } from '../../platform/database/database';
import type { BackgroundWork } from '../../platform/background-work';
import { getJob, startRescore } from '../jobs';
import { changeSettings } from './change-settings';
import { settingsView } from './settings-view';
import type { TenantSettings } from './settings';
import { etagOf, ifMatchVersions } from '../../platform/http/etag';
import { defineRoute, type Route } from '../../platform/http/route';
import { jobIdSchema, settingsSchema } from './contracts';
import { jobResponse, settingsResponse } from './responses';

// Every handler's `settings` are the acting tenant's, read with its key by the authentication middleware.
declare module '../../platform/http/route' {
  interface AuthenticatedTenant {
    settings: TenantSettings;
  }
}

const withEtag = (view: Awaited<ReturnType<typeof settingsView>>) => ({
  body: view,
  headers: { ETag: etagOf(view.version) },
});

export function settingsRoutes(db: Db, background: BackgroundWork): Route[] {
  return [
    defineRoute({
      operationId: 'getSettings',
      method: 'get',
      path: '/settings',
      summary: 'Industries, stage phases and scoring weights (ETag: their version)',
      roles: 'any-authenticated',
      response: settingsResponse,
      success: 200,
      handler: async ({ actor }) => withEtag(await settingsView(db, actor.tenantId)),
    }),
    defineRoute({
      operationId: 'changeSettings',
      method: 'put',
      path: '/settings',
      summary: 'Change settings (If-Match: a stale version is a 412); new weights rescore stored notes',
      roles: ['salesops'],
      body: settingsSchema,
      response: settingsResponse,
      success: 200,
      handler: async ({ actor, body, req }) => {
        const ifMatch = ifMatchVersions(req.get('if-match'));
        const settings = await changeSettings(db, background, actor.tenantId, body, ifMatch);
        return withEtag(await settingsView(db, actor.tenantId, settings));
      },
    }),
    defineRoute({
      operationId: 'startRescore',
      method: 'post',
      path: '/rescore',
      summary: 'Rescore every stored note in the background',
      roles: ['salesops'],
      response: jobResponse,
      success: 202,
      handler: async ({ actor }) => ({ body: await startRescore(db, background, actor.tenantId) }),
    }),
    defineRoute({
      operationId: 'getJob',
      method: 'get',
      path: '/jobs/:id',
      summary: "A background job's progress",
      // only sales ops start background jobs (a rescore), so only they watch them
      roles: ['salesops'],
      params: { id: jobIdSchema },
      response: jobResponse,
      success: 200,
      handler: async ({ actor, params }) => ({ body: await getJob(db, actor, params.id) }),
    }),
  ];
}
