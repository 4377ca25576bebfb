// Tenant settings (picklists, scoring weights) and the rescoring job a weight change starts.
import { Router, type Response } from 'express';
import type { Db } from '../../platform/database/database';
import type { BackgroundWork } from '../../platform/background-work';
import { activeRescore, getJob, startRescore } from '../jobs';
import { changeSettings } from './change-settings';
import { loadSettings, type TenantSettings } from './settings';
import { requireRole } from '../../platform/actor';
import { actorOf } from '../../platform/http/auth';
import { etagOf, ifMatchVersions } from '../../platform/http/etag';
import type { OpenApiRegistry } from '../../platform/http/openapi';
import { parseOrThrow } from '../../platform/lib/validation';
import { jobIdSchema, settingsSchema } from './contracts';

/** The acting tenant's settings, read with its key by the authentication middleware (no second lookup). */
export function settingsOf(res: Response): TenantSettings {
  return res.locals.settings as TenantSettings;
}

export function settingsRouter(db: Db, background: BackgroundWork, openapi: OpenApiRegistry): Router {
  const router = Router();

  async function sendSettings(res: Response, tenantId: string, known?: TenantSettings) {
    const [settings, rescore] = await Promise.all([
      known ?? loadSettings(db, tenantId),
      activeRescore(db, tenantId),
    ]);
    res.setHeader('ETag', etagOf(settings.version));
    res.json({ ...settings, rescore: rescore ?? null });
  }

  openapi.add({
    method: 'get',
    path: '/v1/settings',
    summary: 'Industries, stage phases and scoring weights (ETag: their version)',
    success: 200,
  });
  router.get('/settings', async (_req, res) => {
    await sendSettings(res, actorOf(res).tenantId);
  });

  openapi.add({
    method: 'put',
    path: '/v1/settings',
    summary: 'Change settings (If-Match: a stale version is a 412); new weights rescore stored notes',
    roles: ['salesops'],
    body: settingsSchema,
    success: 200,
  });
  router.put('/settings', async (req, res) => {
    const actor = actorOf(res);
    requireRole(actor, 'salesops');
    const patch = parseOrThrow(settingsSchema, req.body, 'body');
    const settings = await changeSettings(
      db,
      background,
      actor.tenantId,
      patch,
      ifMatchVersions(req.get('if-match')),
    );
    await sendSettings(res, actor.tenantId, settings);
  });

  openapi.add({
    method: 'post',
    path: '/v1/rescore',
    summary: 'Rescore every stored note in the background',
    roles: ['salesops'],
    success: 202,
  });
  router.post('/rescore', async (_req, res) => {
    const actor = actorOf(res);
    requireRole(actor, 'salesops');
    res.status(202).json(await startRescore(db, background, actor.tenantId));
  });

  // only sales ops start background jobs (a rescore), so only they watch them
  openapi.add({
    method: 'get',
    path: '/v1/jobs/:id',
    summary: "A background job's progress",
    roles: ['salesops'],
    success: 200,
  });
  router.get('/jobs/:id', async (req, res) => {
    const actor = actorOf(res);
    requireRole(actor, 'salesops');
    const id = parseOrThrow(jobIdSchema, req.params.id, 'path.id');
    res.json(await getJob(db, actor, id));
  });

  return router;
}
