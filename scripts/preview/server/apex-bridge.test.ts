// The preview's Apex bridge takes its mapping from apex-routes.json and nowhere else: every method in
// the file is callable through POST /preview/apex/:method and produces the request the controller
// contract documents; a changed file changes the request; the browser never sees the tenant key.
import express from 'express';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createLogger } from '../../../service/src/platform/logger';
import { DEMO_OPPORTUNITIES } from '../../../service/src/features/demo';
import {
  ERROR_UNREACHABLE,
  INVALID_IDEMPOTENCY_KEY,
  NOT_ACCESSIBLE,
  loadApexRoutes,
  type ApexRoutes,
} from './apex-mapping';
import { previewRouter, REPO_ROOT } from './router';
import { salesforceModules } from '../plugins';

const KEY = 'uan_preview-bridge-test-key-0123456789';
const TOKEN = 'preview-token-of-this-start';
const REP = { userId: '005000000000001AAA', role: 'rep' };
const OPP = DEMO_OPPORTUNITIES[0]!;
const SET = '7f1c2d3e-1111-4222-8333-944445555666';
const NOTE = '0a1b2c3d-1111-4222-8333-944445555666';
const KEY_UUID = '3f2a9c1e-5b7d-4e8f-9a0b-1c2d3e4f5a6b';

interface Seen {
  method: string;
  url: string;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

let upstream: Server;
let upstreamUrl: string;
const seen: Seen[] = [];
let reply: { status: number; body: string } = { status: 200, body: '{"ok":true}' };

beforeAll(async () => {
  const fake = express();
  fake.use(express.text({ type: '*/*' }));
  fake.all('/{*any}', (req, res) => {
    seen.push({
      method: req.method,
      url: req.originalUrl,
      headers: req.headers,
      body: typeof req.body === 'string' ? req.body : '',
    });
    res.status(reply.status).type('application/json').send(reply.body);
  });
  upstream = await new Promise((resolve) => {
    const s = fake.listen(0, '127.0.0.1', () => resolve(s));
  });
  upstreamUrl = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => upstream.close(() => resolve())));

async function bridge(routes?: ApexRoutes, serviceUrl?: string) {
  const app = express();
  app.use(
    previewRouter({
      apiKey: KEY,
      token: TOKEN,
      logger: createLogger('silent'),
      buildDir: '/nonexistent',
      status: () => ({ state: 'ready' }),
      routes,
      serviceUrl: () => serviceUrl ?? upstreamUrl,
      timeoutMs: 2000,
    }),
  );
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const port = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}`;
  // what the browser holds after opening the printed link
  const cookie = { cookie: `uan_preview_${port}=${TOKEN}` };
  return {
    url,
    cookie,
    async call(method: string, params: Record<string, unknown>, actor: unknown = REP) {
      const response = await fetch(`${url}/preview/apex/${method}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...cookie },
        body: JSON.stringify({ params, actor }),
      });
      return { status: response.status, body: (await response.json()) as any };
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const context = {
  id: OPP.id,
  name: OPP.name,
  stage: OPP.stage,
  amount: OPP.amount,
  closeDate: OPP.closeDate,
  recordType: OPP.recordType,
  accountName: OPP.accountName,
  accountId: OPP.accountId,
  industry: OPP.industry,
  isClosed: OPP.isClosed,
  isWon: OPP.isWon,
  ownerId: OPP.ownerId,
};

// The contract (/v1 request per controller method), written out independently of the JSON.
const DOCUMENTED: Record<
  string,
  {
    params: Record<string, unknown>;
    method: string;
    url: string;
    body?: unknown;
    text?: string;
    headers?: Record<string, string>;
  }
> = {
  getPanel: {
    params: { opportunityId: OPP.id },
    method: 'POST',
    url: `/v1/opportunities/${OPP.id}/panel`,
    body: { opportunity: context },
  },
  scoreDraft: {
    params: { opportunityId: OPP.id, note: { summary: 'draft', ideas: null } },
    method: 'POST',
    url: '/v1/score',
    body: { summary: 'draft', opportunityId: OPP.id, opportunity: context },
  },
  saveNote: {
    params: { opportunityId: OPP.id, note: { summary: 'kept' }, idempotencyKey: KEY_UUID },
    method: 'POST',
    url: '/v1/notes',
    body: { summary: 'kept', opportunityId: OPP.id, opportunity: context },
    headers: { 'idempotency-key': KEY_UUID },
  },
  getNotes: {
    params: { opportunityId: OPP.id, cursor: 'abc=' },
    method: 'GET',
    url: `/v1/opportunities/${OPP.id}/notes?cursor=abc%3D`,
  },
  updateNote: {
    params: { opportunityId: OPP.id, noteId: NOTE, patch: { summary: 'changed' } },
    method: 'PATCH',
    url: `/v1/notes/${NOTE}?opportunityId=${OPP.id}`,
    body: { summary: 'changed' },
  },
  deleteNote: {
    params: { opportunityId: OPP.id, noteId: NOTE },
    method: 'DELETE',
    url: `/v1/notes/${NOTE}?opportunityId=${OPP.id}`,
  },
  listPromptSets: { params: {}, method: 'GET', url: '/v1/prompt-sets' },
  getPromptSetVersion: {
    params: { setId: SET, version: 2 },
    method: 'GET',
    url: `/v1/prompt-sets/${SET}/versions/2`,
  },
  createPromptSet: {
    params: { promptSet: { name: 'New', prompts: [] } },
    method: 'POST',
    url: '/v1/prompt-sets',
    body: { name: 'New', prompts: [] },
  },
  createDraftVersion: { params: { setId: SET }, method: 'POST', url: `/v1/prompt-sets/${SET}/versions` },
  saveDraft: {
    params: { setId: SET, version: 3, draft: { prompts: [] } },
    method: 'PUT',
    url: `/v1/prompt-sets/${SET}/versions/3`,
    body: { prompts: [] },
  },
  publishVersion: {
    params: { setId: SET, version: 3 },
    method: 'POST',
    url: `/v1/prompt-sets/${SET}/versions/3/publish`,
  },
  retireVersion: {
    params: { setId: SET, version: 1 },
    method: 'POST',
    url: `/v1/prompt-sets/${SET}/versions/1/retire`,
  },
  exportPromptSet: {
    params: { setId: SET, version: 1, format: 'csv' },
    method: 'GET',
    url: `/v1/prompt-sets/${SET}/versions/1/export?format=csv`,
  },
  importPromptSet: {
    params: { format: 'csv', content: 'key,title\na,b\n', setId: SET },
    method: 'POST',
    url: `/v1/prompt-sets/import?format=csv&setId=${SET}`,
    text: 'key,title\na,b\n',
    headers: { 'content-type': 'text/csv' },
  },
  previewPrompts: {
    params: { context: { industry: 'Banking', stage: 'Prospecting' } },
    method: 'POST',
    url: '/v1/prompt-sets/preview',
    body: { opportunity: { industry: 'Banking', stage: 'Prospecting' } },
  },
  previewVersion: {
    params: { setId: SET, version: 3, context: { industry: 'Banking' } },
    method: 'POST',
    url: `/v1/prompt-sets/${SET}/versions/3/preview`,
    body: { opportunity: { industry: 'Banking' } },
  },
  republishVersion: {
    params: { setId: SET, version: 1 },
    method: 'POST',
    url: `/v1/prompt-sets/${SET}/versions/1/republish`,
  },
  promoteCandidate: {
    params: { setId: SET, candidate: { kind: 'adhoc', text: 'Rates double' } },
    method: 'POST',
    url: `/v1/prompt-sets/${SET}/promotions`,
    body: { kind: 'adhoc', text: 'Rates double' },
  },
  getSettings: { params: {}, method: 'GET', url: '/v1/settings' },
  saveSettings: {
    params: { settings: { weights: { provocation: 2 } } },
    method: 'PUT',
    url: '/v1/settings',
    body: { weights: { provocation: 2 } },
  },
  startRescore: { params: {}, method: 'POST', url: '/v1/rescore' },
  getJob: { params: { jobId: 'job 1' }, method: 'GET', url: '/v1/jobs/job%201' },
  getDashboard: {
    params: { query: { toDate: '2026-12-31', bucket: 'week', fromDate: '2026-10-01', repId: null } },
    method: 'GET',
    url: '/v1/analytics/dashboard?bucket=week&from=2026-10-01&to=2026-12-31',
  },
  getPromptEffectiveness: {
    params: { query: { industry: 'Health & Care', phase: 'early' } },
    method: 'GET',
    url: '/v1/analytics/prompts?industry=Health+%26+Care&phase=early',
  },
  getDrilldown: {
    params: { query: { repId: '005000000000001AAA', cursor: 'c1', opportunityId: OPP.id } },
    method: 'GET',
    url: `/v1/analytics/notes?cursor=c1&opportunityId=${OPP.id}&repId=005000000000001AAA`,
  },
  getBandDeals: {
    params: { query: { band: '60-79', cursor: 'd1' } },
    method: 'GET',
    url: '/v1/analytics/deals?band=60-79&cursor=d1',
  },
  getInsideView: {
    params: { accountId: '001000000000001AAA' },
    method: 'GET',
    url: '/v1/accounts/001000000000001AAA/inside-view',
  },
  updateInsideViewEntry: {
    params: { accountId: '001000000000001AAA', entryId: `${NOTE}.2`, change: { outdated: true } },
    method: 'PATCH',
    url: `/v1/accounts/001000000000001AAA/inside-view/${NOTE}.2`,
    body: { outdated: true },
  },
  getBrief: {
    params: { opportunityId: OPP.id },
    method: 'POST',
    url: `/v1/opportunities/${OPP.id}/brief`,
    body: { opportunity: context },
  },
};

describe('the preview Apex bridge', () => {
  const routes = loadApexRoutes();

  it('when the contract is compared with apex-routes.json, then they name the same methods', () => {
    expect(Object.keys(routes).sort()).toEqual(Object.keys(DOCUMENTED).sort());
  });

  it.each(Object.keys(DOCUMENTED))(
    'when %s is called through the preview, then the service gets the documented request with the tenant key and actor',
    async (method) => {
      const expected = DOCUMENTED[method]!;
      const b = await bridge();
      try {
        seen.length = 0;
        reply = { status: 200, body: '{"ok":true}' };
        const answer = await b.call(method, expected.params);
        // the parsed answer, as the controller's typed response carries it; an exported file as its text
        const returnValue = method === 'exportPromptSet' ? '{"ok":true}' : { ok: true };
        expect(answer).toEqual({ status: 200, body: { returnValue } });
        expect(seen).toHaveLength(1);
        const request = seen[0]!;
        expect({ method: request.method, url: request.url }).toEqual({
          method: expected.method,
          url: expected.url,
        });
        expect(request.headers.authorization).toBe(`Bearer ${KEY}`);
        expect(request.headers['x-actor-id']).toBe(REP.userId);
        expect(request.headers['x-actor-role']).toBe(REP.role);
        expect(request.headers['content-type']).toBe(
          expected.headers?.['content-type'] ?? 'application/json',
        );
        expect(request.headers['idempotency-key']).toBe(expected.headers?.['idempotency-key']);
        if (expected.body !== undefined) expect(JSON.parse(request.body)).toEqual(expected.body);
        else if (expected.text !== undefined) expect(request.body).toBe(expected.text);
        else expect(request.body).toBe('');
      } finally {
        await b.close();
      }
    },
  );

  it('when apex-routes.json changes, then the request follows it (there is no second mapping)', async () => {
    const changed: ApexRoutes = JSON.parse(JSON.stringify(routes));
    changed.getPanel!.path = '/v1/elsewhere/{opportunityId}';
    changed.getPanel!.method = 'PUT';
    delete changed.listPromptSets;
    const b = await bridge(changed);
    try {
      seen.length = 0;
      await b.call('getPanel', { opportunityId: OPP.id });
      expect({ method: seen[0]!.method, url: seen[0]!.url }).toEqual({
        method: 'PUT',
        url: `/v1/elsewhere/${OPP.id}`,
      });
      const missing = await b.call('listPromptSets', {});
      expect(missing.status).toBe(500);
      expect(missing.body.body.message).toMatch(/No such Apex method/);
      expect(seen).toHaveLength(1);
    } finally {
      await b.close();
    }
  });

  it('when the service answers an error, 204 or nothing, then the call resolves or rejects as Apex would', async () => {
    const b = await bridge();
    const down = await bridge(undefined, 'http://127.0.0.1:9');
    try {
      reply = {
        status: 400,
        body: '{"error":{"code":"validation_failed","message":"summary: is required"}}',
      };
      expect(await b.call('saveNote', DOCUMENTED.saveNote!.params)).toEqual({
        status: 500,
        body: {
          body: {
            message: 'summary: is required',
            exceptionType: 'System.AuraHandledException',
            isUserDefinedException: false,
          },
        },
      });
      reply = { status: 502, body: '<html>bad gateway</html>' };
      expect((await b.call('getSettings', {})).body.body.message).toMatch(/unavailable/);
      reply = { status: 204, body: '' };
      expect(await b.call('deleteNote', { opportunityId: OPP.id, noteId: NOTE })).toEqual({
        status: 200,
        body: { returnValue: null },
      });
      expect((await down.call('getSettings', {})).body.body.message).toBe(ERROR_UNREACHABLE);
    } finally {
      await b.close();
      await down.close();
    }
  });

  it('when a call is malformed, then it fails before calling out, as the controller does', async () => {
    const b = await bridge();
    try {
      seen.length = 0;
      const message = async (method: string, params: Record<string, unknown>, actor?: unknown) =>
        (await b.call(method, params, actor)).body.body.message;
      expect(await message('getPanel', { opportunityId: '006000000000099AAA' })).toBe(NOT_ACCESSIBLE);
      expect(await message('scoreDraft', { opportunityId: OPP.id, note: null })).toBe('note is required.');
      expect(await message('saveSettings', { settings: [1] })).toBe('settings is required.');
      expect(await message('getJob', { jobId: '  ' })).toBe('A required identifier is missing.');
      const note = { opportunityId: OPP.id, note: { summary: 'kept' } };
      expect(await message('saveNote', { ...note, idempotencyKey: '{!$Credential.Password}' })).toBe(
        INVALID_IDEMPOTENCY_KEY,
      );
      const unseen = '006000000000099AAA';
      expect(await message('deleteNote', { opportunityId: unseen, noteId: NOTE })).toBe(NOT_ACCESSIBLE);
      expect(await message('updateNote', { opportunityId: unseen, noteId: NOTE, patch: {} })).toBe(
        NOT_ACCESSIBLE,
      );
      expect(await message('getDrilldown', { query: { opportunityId: unseen } })).toBe(NOT_ACCESSIBLE);
      expect(await message('getDashboard', { query: { repId: ['a'] } })).toMatch(/single value/);
      expect(await message('getSettings', {}, { userId: '005000000000001AAA', role: 'admin' })).toMatch(
        /demo users/,
      );
      expect(await message('getSettings', {}, { userId: '005999999999999AAA', role: 'rep' })).toMatch(
        /demo users/,
      );
      expect(seen).toHaveLength(0);
    } finally {
      await b.close();
    }
  });

  it('when the page and its data are served, then the tenant key is not in them', async () => {
    const b = await bridge();
    try {
      for (const p of ['/preview/context', `/preview/records/${OPP.id}`, '/preview/status']) {
        const response = await fetch(`${b.url}${p}`, { headers: b.cookie });
        expect(response.status).toBe(200);
        expect(await response.text()).not.toContain(KEY);
      }
    } finally {
      await b.close();
    }
  });

  it('when the bundle is built, then every Apex import of force-app resolves only through apex-routes.json', async () => {
    const lwcDir = path.join(REPO_ROOT, 'force-app/main/default/lwc');
    const imported = new Set<string>();
    for (const component of readdirSync(lwcDir)) {
      const file = path.join(lwcDir, component, `${component}.js`);
      let source = '';
      try {
        source = readFileSync(file, 'utf8');
      } catch {
        continue;
      }
      for (const m of source.matchAll(/@salesforce\/apex\/(\w+)\.(\w+)/g)) imported.add(`${m[1]}.${m[2]}`);
    }
    expect([...imported].filter((m) => routes[m.split('.')[1]!]?.controller !== m.split('.')[0])).toEqual([]);

    const plugin = salesforceModules({
      lwcDir,
      labelsFile: path.join(REPO_ROOT, 'force-app/main/default/labels/CustomLabels.labels-meta.xml'),
      staticResourcesDir: path.join(REPO_ROOT, 'force-app/main/default/staticresources'),
      apexRoutesFile: path.join(__dirname, 'apex-routes.json'),
      clientDir: path.join(REPO_ROOT, 'scripts/preview/client'),
      repoRoot: REPO_ROOT,
    });
    const hooks = plugin as unknown as {
      buildStart(this: unknown): Promise<void>;
      load(this: unknown, id: string): string;
    };
    const ctx = {
      addWatchFile: () => undefined,
      error: (message: string) => {
        throw new Error(message);
      },
    };
    await hooks.buildStart.call(ctx);
    expect(
      hooks.load.call(ctx, '\0uan-preview:@salesforce/apex/UpAtNightPanelController.getNotes'),
    ).toContain('apexMethod("getNotes", {"cacheable":true})');
    expect(() =>
      hooks.load.call(ctx, '\0uan-preview:@salesforce/apex/UpAtNightPanelController.notThere'),
    ).toThrow(/not in scripts\/preview\/server\/apex-routes.json/);
    expect(() =>
      hooks.load.call(ctx, '\0uan-preview:@salesforce/apex/UpAtNightSettingsController.getPanel'),
    ).toThrow(/only knows getPanel on UpAtNightPanelController/);
  });
});
