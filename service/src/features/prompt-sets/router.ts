// Prompt sets for sales ops: versions, publish/retire, import/export and a preview.
import type { Db } from '../../platform/database/database';
import * as sets from './prompt-sets';
import { promoteCandidate } from './promotions';
import { exportFileOffThread } from './off-thread';
import { pickPrompts } from '../opportunities';
import { idempotentReply } from '../../platform/http/idempotency-key';
import { defineRoute, type Route } from '../../platform/http/route';
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
import { promptPageResponse, promptSetListResponse, promptSetResponse, versionResponse } from './responses';

const setParams = setParamsSchema.shape;
const versionParams = versionParamsSchema.shape;

export function promptSetsRoutes(db: Db): Route[] {
  return [
    defineRoute({
      operationId: 'listPromptSets',
      method: 'get',
      path: '/prompt-sets',
      summary: 'Prompt sets with their versions',
      roles: 'any-authenticated',
      response: promptSetListResponse,
      success: 200,
      handler: async ({ actor }) => ({ body: { items: await sets.listSets(db, actor), nextCursor: null } }),
    }),
    defineRoute({
      operationId: 'createPromptSet',
      method: 'post',
      path: '/prompt-sets',
      summary: 'Create a set (draft version 1)',
      roles: ['salesops'],
      body: newPromptSetSchema,
      response: promptSetResponse,
      success: 201,
      handler: async ({ actor, body, req }) =>
        idempotentReply(db, actor, req, { route: 'POST /v1/prompt-sets', body: req.body }, async (tx) => ({
          status: 201,
          body: await sets.createSet(tx, actor, body),
        })),
    }),
    defineRoute({
      operationId: 'importPromptSet',
      method: 'post',
      path: '/prompt-sets/import',
      summary: 'Import a JSON or CSV file as a new set or a new draft',
      roles: ['salesops'],
      query: importQuerySchema,
      success: 201,
      handler: async ({ actor, query, req }) =>
        idempotentReply(
          db,
          actor,
          req,
          { route: 'POST /v1/prompt-sets/import', query, body: req.body },
          async (tx) => ({
            status: 201,
            body: await sets.importPromptSet(
              tx,
              actor,
              { format: query.format, content: req.body },
              query.setId,
            ),
          }),
        ),
    }),
    defineRoute({
      operationId: 'previewPrompts',
      method: 'post',
      path: '/prompt-sets/preview',
      summary: 'The prompts an opportunity context would get',
      roles: 'any-authenticated',
      body: previewSchema,
      response: promptPageResponse,
      success: 200,
      handler: async ({ actor, body, settings }) => ({
        body: {
          items: await pickPrompts(db, actor, body.opportunity, settings),
          nextCursor: null,
        },
      }),
    }),
    defineRoute({
      operationId: 'getPromptSet',
      method: 'get',
      path: '/prompt-sets/:setId',
      summary: 'A set and its versions',
      roles: 'any-authenticated',
      params: setParams,
      response: promptSetResponse,
      success: 200,
      handler: async ({ actor, params }) => ({ body: await sets.getSet(db, actor, params.setId) }),
    }),
    defineRoute({
      operationId: 'createDraftVersion',
      method: 'post',
      path: '/prompt-sets/:setId/versions',
      summary: 'A new draft copied from the latest version',
      roles: ['salesops'],
      params: setParams,
      response: versionResponse,
      success: 201,
      handler: async ({ actor, params, req }) =>
        idempotentReply(db, actor, req, { route: `POST versions ${params.setId}` }, async (tx) => ({
          status: 201,
          body: await sets.createDraft(tx, actor, params.setId),
        })),
    }),
    defineRoute({
      operationId: 'getPromptSetVersion',
      method: 'get',
      path: '/prompt-sets/:setId/versions/:version',
      summary: 'One version with its prompts',
      roles: 'any-authenticated',
      params: versionParams,
      response: versionResponse,
      success: 200,
      handler: async ({ actor, params }) => ({
        body: await sets.getVersion(db, actor, params.setId, params.version),
      }),
    }),
    defineRoute({
      operationId: 'saveDraft',
      method: 'put',
      path: '/prompt-sets/:setId/versions/:version',
      summary: "Replace a draft's prompts",
      roles: ['salesops'],
      params: versionParams,
      body: draftSchema,
      response: versionResponse,
      success: 200,
      handler: async ({ actor, params, body }) => ({
        body: await sets.saveDraft(db, actor, params.setId, params.version, body),
      }),
    }),
    defineRoute({
      operationId: 'publishVersion',
      method: 'post',
      path: '/prompt-sets/:setId/versions/:version/publish',
      summary: 'Publish a draft',
      roles: ['salesops'],
      params: versionParams,
      response: versionResponse,
      success: 200,
      handler: async ({ actor, params }) => ({
        body: await sets.publishVersion(db, actor, params.setId, params.version),
      }),
    }),
    defineRoute({
      operationId: 'retireVersion',
      method: 'post',
      path: '/prompt-sets/:setId/versions/:version/retire',
      summary: 'Retire a version',
      roles: ['salesops'],
      params: versionParams,
      response: versionResponse,
      success: 200,
      handler: async ({ actor, params }) => ({
        body: await sets.retireVersion(db, actor, params.setId, params.version),
      }),
    }),
    defineRoute({
      operationId: 'exportVersion',
      method: 'get',
      path: '/prompt-sets/:setId/versions/:version/export',
      summary: 'Export a version as JSON or CSV',
      roles: 'any-authenticated',
      params: versionParams,
      query: exportQuerySchema,
      success: 200,
      handler: async ({ actor, params, query }) => {
        const found = await sets.getVersion(db, actor, params.setId, params.version);
        const filename = `prompt-set-v${params.version}.${query.format}`;
        return {
          body: await exportFileOffThread(actor.tenantId, query.format, found),
          headers: {
            'Content-Disposition': `attachment; filename="${filename}"`,
            'Content-Type': query.format === 'csv' ? 'text/csv' : 'application/json',
          },
        };
      },
    }),
    defineRoute({
      operationId: 'previewVersion',
      method: 'post',
      path: '/prompt-sets/:setId/versions/:version/preview',
      summary: 'The prompts an opportunity context would get were this version published',
      roles: 'any-authenticated',
      params: versionParams,
      body: previewSchema,
      response: promptPageResponse,
      success: 200,
      handler: async ({ actor, params, body, settings }) => ({
        body: {
          items: await sets.previewVersion(
            db,
            actor,
            params.setId,
            params.version,
            body.opportunity,
            settings,
          ),
          nextCursor: null,
        },
      }),
    }),
    defineRoute({
      operationId: 'republishVersion',
      method: 'post',
      path: '/prompt-sets/:setId/versions/:version/republish',
      summary: 'Roll back: publish a copy of an earlier version as a new version',
      roles: ['salesops'],
      params: versionParams,
      response: versionResponse,
      success: 201,
      handler: async ({ actor, params }) => ({
        status: 201,
        body: await sets.republishVersion(db, actor, params.setId, params.version),
      }),
    }),
    defineRoute({
      operationId: 'promoteCandidate',
      method: 'post',
      path: '/prompt-sets/:setId/promotions',
      summary: "Promote a candidate into a prompt of the set's draft",
      roles: ['salesops'],
      params: setParams,
      body: promotionSchema,
      success: 201,
      handler: async ({ actor, params, body, settings, req }) =>
        idempotentReply(
          db,
          actor,
          req,
          { route: `POST promotions ${params.setId}`, body: req.body },
          async (tx) => ({
            status: 201,
            body: await promoteCandidate(tx, actor, params.setId, body, settings),
          }),
        ),
    }),
  ];
}
