// Tenant settings (picklists, scoring weights) and the rescoring job a weight change starts.
import { Router } from 'express';
import type { Db } from '../../storage/database';
import type { BackgroundWork } from '../../domain/jobs/background';
import { activeRescore, getJob, queueRescore, runRescore } from '../../domain/jobs/rescore';
import { loadSettings, saveSettings } from '../../domain/settings/settings';
import { requireRole, type Actor } from '../../domain/actor';
import { DIMENSIONS } from '../../domain/scoring/types';
import { actorOf } from '../http/auth';
import type { OpenApiRegistry } from '../http/openapi';
import { parseOrThrow } from '../http/validation';
import { jobIdSchema, settingsSchema } from './schemas';

export function settingsRouter(db: Db, background: BackgroundWork, openapi: OpenApiRegistry): Router {
  const router = Router();

  async function startRescore(actor: Actor) {
    const { job, started } = await queueRescore(db, actor.tenantId);
    if (started) background.start('rescore', () => runRescore(db, actor.tenantId, job.id));
    return job;
  }

  async function settingsView(tenantId: string) {
    const [settings, rescore] = await Promise.all([loadSettings(db, tenantId), activeRescore(db, tenantId)]);
    return { ...settings, rescore: rescore ?? null };
  }

  openapi.add({
    method: 'get',
    path: '/v1/settings',
    summary: 'Industries, stage phases and scoring weights',
    success: 200,
  });
  router.get('/settings', async (_req, res) => {
    res.json(await settingsView(actorOf(res).tenantId));
  });

  openapi.add({
    method: 'put',
    path: '/v1/settings',
    summary: 'Change settings; new weights rescore stored notes',
    roles: ['salesops'],
    body: settingsSchema,
    success: 200,
  });
  router.put('/settings', async (req, res) => {
    const actor = actorOf(res);
    requireRole(actor, 'salesops');
    const patch = parseOrThrow(settingsSchema, req.body, 'body');
    const current = await loadSettings(db, actor.tenantId);
    const next = { ...current, ...patch };
    await saveSettings(db, actor.tenantId, next);
    const weightsChanged = DIMENSIONS.some((d) => current.weights[d] !== next.weights[d]);
    if (weightsChanged) await startRescore(actor);
    res.json(await settingsView(actor.tenantId));
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
    res.status(202).json(await startRescore(actor));
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
