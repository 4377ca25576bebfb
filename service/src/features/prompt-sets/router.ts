// Prompt sets for sales ops: versions, publish/retire, import/export and a preview.
import type { Db } from '../../platform/database/database';
import * as sets from './prompt-sets';
import { fromCsvFile, toCsvFile, toJsonFile } from './prompt-file';
import { pickPrompts } from '../opportunities';
import { badRequest } from '../../platform/lib/errors';
import { parseOrThrow } from '../../platform/lib/validation';
import { tenantSettings } from '../settings';
import { idempotentReply } from '../../platform/http/idempotency-key';
import { defineRoute, type Route } from '../../platform/http/route';
import {
  csvPromptsSchema,
  draftSchema,
  exportQuerySchema,
  importQuerySchema,
  newPromptSetSchema,
  previewSchema,
  promptSetFileSchema,
  setParamsSchema,
  versionParamsSchema,
} from './contracts';
import { promptPageResponse, promptSetListResponse, promptSetResponse, versionResponse } from './responses';

/** The imported file, as the query's format says the body carries it. */
function importedFile(body: unknown, format: 'json' | 'csv'): sets.ImportedFile {
  if (format === 'csv') {
    if (typeof body !== 'string') {
      throw badRequest('send the CSV file as the body with Content-Type: text/csv', [], 'invalid_csv');
    }
    return { format, prompts: parseOrThrow(csvPromptsSchema, fromCsvFile(body), 'csv.rows') };
  }
  return { format, set: parseOrThrow(promptSetFileSchema, body, 'body') };
}

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
      handler: async ({ actor, query, req }) => {
        const file = importedFile(req.body, query.format);
        return idempotentReply(
          db,
          actor,
          req,
          { route: 'POST /v1/prompt-sets/import', query, body: req.body },
          async (tx) => ({ status: 201, body: await sets.importPromptSet(tx, actor, file, query.setId) }),
        );
      },
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
          items: await pickPrompts(db, actor, body.opportunity, tenantSettings(settings)),
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
          body: query.format === 'csv' ? toCsvFile(found.prompts) : toJsonFile(found),
          headers: {
            'Content-Disposition': `attachment; filename="${filename}"`,
            'Content-Type': query.format === 'csv' ? 'text/csv' : 'application/json',
          },
        };
      },
    }),
  ];
}
