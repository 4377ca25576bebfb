// Prompt sets for sales ops: versions, publish/retire, import/export and a preview.
import { Router } from 'express';
import type { Db } from '../../platform/database/database';
import * as sets from './prompt-sets';
import { promoteCandidate } from './promotions';
import { toCsvFile, toJsonFile } from './prompt-file';
import { pickPrompts } from '../opportunities';
import { runIdempotent } from '../../platform/idempotency/idempotency';
import { requireRole } from '../../platform/actor';
import { actorOf } from '../../platform/http/auth';
import { settingsOf } from '../settings';
import { idempotencyKeyOf, sendOutcome } from '../../platform/http/idempotency-key';
import type { OpenApiRegistry } from '../../platform/http/openapi';
import { parseOrThrow } from '../../platform/http/validation';
import {
  draftSchema,
  exportQuerySchema,
  importQuerySchema,
  newPromptSetSchema,
  previewSchema,
  promotionSchema,
  setParamsSchema,
  versionParamsSchema,
} from './contracts';

const SALESOPS = ['salesops'];

export function promptSetsRouter(db: Db, openapi: OpenApiRegistry): Router {
  const router = Router();
  const base = '/prompt-sets';

  openapi.add({
    method: 'get',
    path: '/v1/prompt-sets',
    summary: 'Prompt sets with their versions',
    success: 200,
  });
  router.get(base, async (_req, res) => {
    res.json({ items: await sets.listSets(db, actorOf(res)), nextCursor: null });
  });

  openapi.add({
    method: 'post',
    path: '/v1/prompt-sets',
    summary: 'Create a set (draft version 1)',
    roles: SALESOPS,
    body: newPromptSetSchema,
    success: 201,
  });
  router.post(base, async (req, res) => {
    const actor = actorOf(res);
    requireRole(actor, 'salesops');
    const input = parseOrThrow(newPromptSetSchema, req.body, 'body');
    const outcome = await runIdempotent(
      db,
      actor.tenantId,
      idempotencyKeyOf(req),
      { route: 'POST /v1/prompt-sets', body: req.body },
      async (tx) => ({
        status: 201,
        body: await sets.createSet(tx, actor, input),
      }),
    );
    sendOutcome(res, outcome);
  });

  openapi.add({
    method: 'post',
    path: '/v1/prompt-sets/import',
    summary: 'Import a JSON or CSV file as a new set or a new draft',
    roles: SALESOPS,
    query: importQuerySchema,
    success: 201,
  });
  router.post(`${base}/import`, async (req, res) => {
    const actor = actorOf(res);
    requireRole(actor, 'salesops');
    const query = parseOrThrow(importQuerySchema, req.query, 'query');
    const outcome = await runIdempotent(
      db,
      actor.tenantId,
      idempotencyKeyOf(req),
      { route: 'POST /v1/prompt-sets/import', query, body: req.body },
      async (tx) => ({
        status: 201,
        body: await sets.importPromptSet(tx, actor, { format: query.format, content: req.body }, query.setId),
      }),
    );
    sendOutcome(res, outcome);
  });

  openapi.add({
    method: 'post',
    path: '/v1/prompt-sets/preview',
    summary: 'The prompts an opportunity context would get',
    body: previewSchema,
    success: 200,
  });
  router.post(`${base}/preview`, async (req, res) => {
    const { opportunity } = parseOrThrow(previewSchema, req.body, 'body');
    res.json({
      items: await pickPrompts(db, actorOf(res), opportunity, settingsOf(res)),
      nextCursor: null,
    });
  });

  openapi.add({
    method: 'get',
    path: '/v1/prompt-sets/:setId',
    summary: 'A set and its versions',
    success: 200,
  });
  router.get(`${base}/:setId`, async (req, res) => {
    const { setId } = parseOrThrow(setParamsSchema, req.params, 'path');
    res.json(await sets.getSet(db, actorOf(res), setId));
  });

  openapi.add({
    method: 'post',
    path: '/v1/prompt-sets/:setId/versions',
    summary: 'A new draft copied from the latest version',
    roles: SALESOPS,
    success: 201,
  });
  router.post(`${base}/:setId/versions`, async (req, res) => {
    const actor = actorOf(res);
    const { setId } = parseOrThrow(setParamsSchema, req.params, 'path');
    const outcome = await runIdempotent(
      db,
      actor.tenantId,
      idempotencyKeyOf(req),
      { route: `POST versions ${setId}` },
      async (tx) => ({
        status: 201,
        body: await sets.createDraft(tx, actor, setId),
      }),
    );
    sendOutcome(res, outcome);
  });

  openapi.add({
    method: 'get',
    path: '/v1/prompt-sets/:setId/versions/:version',
    summary: 'One version with its prompts',
    success: 200,
  });
  router.get(`${base}/:setId/versions/:version`, async (req, res) => {
    const { setId, version } = parseOrThrow(versionParamsSchema, req.params, 'path');
    res.json(await sets.getVersion(db, actorOf(res), setId, version));
  });

  openapi.add({
    method: 'put',
    path: '/v1/prompt-sets/:setId/versions/:version',
    summary: "Replace a draft's prompts",
    roles: SALESOPS,
    body: draftSchema,
    success: 200,
  });
  router.put(`${base}/:setId/versions/:version`, async (req, res) => {
    const actor = actorOf(res);
    requireRole(actor, 'salesops');
    const { setId, version } = parseOrThrow(versionParamsSchema, req.params, 'path');
    const draft = parseOrThrow(draftSchema, req.body, 'body');
    res.json(await sets.saveDraft(db, actor, setId, version, draft));
  });

  openapi.add({
    method: 'post',
    path: '/v1/prompt-sets/:setId/versions/:version/publish',
    summary: 'Publish a draft',
    roles: SALESOPS,
    success: 200,
  });
  router.post(`${base}/:setId/versions/:version/publish`, async (req, res) => {
    const { setId, version } = parseOrThrow(versionParamsSchema, req.params, 'path');
    res.json(await sets.publishVersion(db, actorOf(res), setId, version));
  });

  openapi.add({
    method: 'post',
    path: '/v1/prompt-sets/:setId/versions/:version/retire',
    summary: 'Retire a version',
    roles: SALESOPS,
    success: 200,
  });
  router.post(`${base}/:setId/versions/:version/retire`, async (req, res) => {
    const { setId, version } = parseOrThrow(versionParamsSchema, req.params, 'path');
    res.json(await sets.retireVersion(db, actorOf(res), setId, version));
  });

  openapi.add({
    method: 'get',
    path: '/v1/prompt-sets/:setId/versions/:version/export',
    summary: 'Export a version as JSON or CSV',
    query: exportQuerySchema,
    success: 200,
  });
  router.get(`${base}/:setId/versions/:version/export`, async (req, res) => {
    const { setId, version } = parseOrThrow(versionParamsSchema, req.params, 'path');
    const { format } = parseOrThrow(exportQuerySchema, req.query, 'query');
    const found = await sets.getVersion(db, actorOf(res), setId, version);
    const filename = `prompt-set-v${version}.${format}`;
    res.setHeader('Content-Disposition', `attachment; filename="${filename}"`);
    if (format === 'csv') res.type('text/csv').send(toCsvFile(found.prompts, found.name));
    else res.type('application/json').send(toJsonFile(found));
  });

  openapi.add({
    method: 'post',
    path: '/v1/prompt-sets/:setId/versions/:version/preview',
    summary: 'The prompts an opportunity context would get were this version published',
    body: previewSchema,
    success: 200,
  });
  router.post(`${base}/:setId/versions/:version/preview`, async (req, res) => {
    const { setId, version } = parseOrThrow(versionParamsSchema, req.params, 'path');
    const { opportunity } = parseOrThrow(previewSchema, req.body, 'body');
    const items = await sets.previewVersion(db, actorOf(res), setId, version, opportunity, settingsOf(res));
    res.json({ items, nextCursor: null });
  });

  openapi.add({
    method: 'post',
    path: '/v1/prompt-sets/:setId/versions/:version/republish',
    summary: 'Roll back: publish a copy of an earlier version as a new version',
    roles: SALESOPS,
    success: 201,
  });
  router.post(`${base}/:setId/versions/:version/republish`, async (req, res) => {
    const { setId, version } = parseOrThrow(versionParamsSchema, req.params, 'path');
    res.status(201).json(await sets.republishVersion(db, actorOf(res), setId, version));
  });

  openapi.add({
    method: 'post',
    path: '/v1/prompt-sets/:setId/promotions',
    summary: "Promote a candidate into a prompt of the set's draft",
    roles: SALESOPS,
    body: promotionSchema,
    success: 201,
  });
  router.post(`${base}/:setId/promotions`, async (req, res) => {
    const actor = actorOf(res);
    requireRole(actor, 'salesops');
    const { setId } = parseOrThrow(setParamsSchema, req.params, 'path');
    const input = parseOrThrow(promotionSchema, req.body, 'body');
    const outcome = await runIdempotent(
      db,
      actor.tenantId,
      idempotencyKeyOf(req),
      { route: `POST promotions ${setId}`, body: req.body },
      async (tx) => ({ status: 201, body: await promoteCandidate(tx, actor, setId, input, settingsOf(res)) }),
    );
    sendOutcome(res, outcome);
  });

  return router;
}
