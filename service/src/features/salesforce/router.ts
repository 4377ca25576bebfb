// Admin API for the tenant's Salesforce connection: connect, inspect, test, disconnect, trigger a
// sync and see its state. Secrets go in and never come back out.
import type { Db } from '../../platform/database/database';
import * as admin from './admin';
import { defineRoute, type Route } from '../../platform/http/route';
import { connectionSchema, syncRequestSchema } from './contracts';

// the `admin` capability: held by sales ops until the product has a separate admin role
const ADMIN = ['salesops'] as const;

export function salesforceRoutes(db: Db, options: admin.SalesforceAdminOptions): Route[] {
  return [
    defineRoute({
      operationId: 'connectOrg',
      method: 'put',
      path: '/salesforce/connection',
      summary:
        "Connect the tenant's Salesforce org (JWT bearer, client credentials; password in development)",
      roles: ADMIN,
      body: connectionSchema,
      success: 200,
      handler: async ({ actor, body }) => ({
        body: await admin.connectOrg(db, options, actor.tenantId, body),
      }),
    }),
    defineRoute({
      operationId: 'getConnection',
      method: 'get',
      path: '/salesforce/connection',
      summary: 'The connection (never its secrets)',
      roles: ADMIN,
      success: 200,
      handler: async ({ actor }) => ({ body: await admin.getConnection(db, actor.tenantId) }),
    }),
    defineRoute({
      operationId: 'disconnectOrg',
      method: 'delete',
      path: '/salesforce/connection',
      summary: 'Disconnect the org (standalone mode)',
      roles: ADMIN,
      success: 204,
      handler: async ({ actor }) => {
        await admin.disconnectOrg(db, actor.tenantId);
        return {};
      },
    }),
    defineRoute({
      operationId: 'testConnection',
      method: 'post',
      path: '/salesforce/connection/test',
      summary: 'Log in with the stored credentials and make one API call',
      roles: ADMIN,
      success: 200,
      handler: async ({ actor }) => ({ body: await admin.testConnection(db, options, actor.tenantId) }),
    }),
    defineRoute({
      operationId: 'requestSync',
      method: 'post',
      path: '/salesforce/sync',
      summary: 'Run the incremental sync now (optionally retry parked roll-ups)',
      roles: ADMIN,
      // an empty POST asks for the plain sync
      body: syncRequestSchema.default({}),
      success: 202,
      handler: async ({ actor, body }) => ({ body: await admin.requestSync(db, actor.tenantId, body) }),
    }),
    defineRoute({
      operationId: 'salesforceStatus',
      method: 'get',
      path: '/salesforce/status',
      summary: 'Outbox depth, parked roll-ups with reasons, last sync, API usage and budget',
      roles: ADMIN,
      success: 200,
      handler: async ({ actor }) => ({ body: await admin.salesforceStatus(db, actor.tenantId) }),
    }),
  ];
}
