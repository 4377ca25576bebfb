// Admin API for the tenant's Salesforce connection: connect, inspect, test, disconnect, trigger a
// sync and see its state. Secrets go in and never come back out.
import { Router } from 'express';
import type { Db } from '../../platform/database/database';
import { requireRole, type Actor } from '../../platform/actor';
import * as admin from './admin';
import { actorOf } from '../../platform/http/auth';
import type { OpenApiRegistry } from '../../platform/http/openapi';
import { parseOrThrow } from '../../platform/lib/validation';
import { connectionSchema, syncRequestSchema } from './contracts';

// the `admin` capability: held by sales ops until the product has a separate admin role
const requireAdmin = (actor: Actor) => requireRole(actor, 'salesops');

export function salesforceRouter(
  db: Db,
  openapi: OpenApiRegistry,
  options: admin.SalesforceAdminOptions,
): Router {
  const router = Router();

  openapi.add({
    method: 'put',
    path: '/v1/salesforce/connection',
    summary: "Connect the tenant's Salesforce org (JWT bearer, client credentials; password in development)",
    roles: ['salesops'],
    body: connectionSchema,
    success: 200,
  });
  router.put('/salesforce/connection', async (req, res) => {
    const actor = actorOf(res);
    requireAdmin(actor);
    const input = parseOrThrow(connectionSchema, req.body, 'body');
    res.json(await admin.connectOrg(db, options, actor.tenantId, input));
  });

  openapi.add({
    method: 'get',
    path: '/v1/salesforce/connection',
    summary: 'The connection (never its secrets)',
    roles: ['salesops'],
    success: 200,
  });
  router.get('/salesforce/connection', async (_req, res) => {
    const actor = actorOf(res);
    requireAdmin(actor);
    res.json(await admin.getConnection(db, actor.tenantId));
  });

  openapi.add({
    method: 'delete',
    path: '/v1/salesforce/connection',
    summary: 'Disconnect the org (standalone mode)',
    roles: ['salesops'],
    success: 204,
  });
  router.delete('/salesforce/connection', async (_req, res) => {
    const actor = actorOf(res);
    requireAdmin(actor);
    await admin.disconnectOrg(db, actor.tenantId);
    res.status(204).end();
  });

  openapi.add({
    method: 'post',
    path: '/v1/salesforce/connection/test',
    summary: 'Log in with the stored credentials and make one API call',
    roles: ['salesops'],
    success: 200,
  });
  router.post('/salesforce/connection/test', async (_req, res) => {
    const actor = actorOf(res);
    requireAdmin(actor);
    res.json(await admin.testConnection(db, options, actor.tenantId));
  });

  openapi.add({
    method: 'post',
    path: '/v1/salesforce/sync',
    summary: 'Run the incremental sync now (optionally retry parked roll-ups)',
    roles: ['salesops'],
    body: syncRequestSchema,
    success: 202,
  });
  router.post('/salesforce/sync', async (req, res) => {
    const actor = actorOf(res);
    requireAdmin(actor);
    const body = parseOrThrow(syncRequestSchema, req.body ?? {}, 'body');
    res.status(202).json(await admin.requestSync(db, actor.tenantId, body));
  });

  openapi.add({
    method: 'get',
    path: '/v1/salesforce/status',
    summary: 'Outbox depth, parked roll-ups with reasons, last sync, API usage and budget',
    roles: ['salesops'],
    success: 200,
  });
  router.get('/salesforce/status', async (_req, res) => {
    const actor = actorOf(res);
    requireAdmin(actor);
    res.json(await admin.salesforceStatus(db, actor.tenantId));
  });

  return router;
}
