// The /v1 surface as the running app describes it (GET /openapi.json), a seeded tenant with one of
// everything, and a valid request for every route. The security and fuzz suites enumerate routes
// from the live document, so a route added later is covered (or fails until it gets a sample here).
import { randomBytes } from 'node:crypto';
import {
  MANAGER,
  OPPORTUNITY,
  OPS,
  REP,
  samplePrompt,
  type Client,
  type Reply,
  type Role,
} from '../helpers/service';

export interface Route {
  method: string;
  /** OpenAPI form: /v1/notes/{id} */
  path: string;
  hasBody: boolean;
  query: string[];
}

/** The acting user of each role in these suites. */
export const ROLE_USERS: Record<Role, string> = { rep: REP, salesops: OPS, manager: MANAGER };

export const routeKey = (route: Pick<Route, 'method' | 'path'>) => `${route.method} ${route.path}`;

export async function listRoutes(url: string): Promise<Route[]> {
  const doc = (await (await fetch(`${url}/openapi.json`)).json()) as {
    paths: Record<
      string,
      Record<string, { requestBody?: unknown; parameters?: { in: string; name: string }[] }>
    >;
  };
  return Object.entries(doc.paths)
    .filter(([path]) => path.startsWith('/v1/'))
    .flatMap(([path, operations]) =>
      Object.entries(operations).map(([method, op]) => ({
        method: method.toUpperCase(),
        path,
        hasBody: op.requestBody !== undefined,
        query: (op.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name),
      })),
    );
}

/** What a tenant owns after seeding: every id a route can take, and a marker found in all its text. */
export interface Fixture {
  marker: string;
  oppId: string;
  accountName: string;
  /** the Salesforce Account Id the deal context carries */
  accountId: string;
  noteId: string;
  promptId: string;
  setId: string;
  /** a second set whose only version is published: room for a new draft */
  fullyPublishedSetId: string;
  publishedVersion: number;
  draftVersion: number;
  jobId: string;
  /** every id the tenant owns: none may appear in another tenant's responses */
  ids: string[];
}

export interface SampleRequest {
  method: string;
  path: string;
  body?: unknown;
  /** text/csv when the body is a string */
  query?: Record<string, string>;
}

export const opportunityOf = (fx: Pick<Fixture, 'oppId' | 'accountName' | 'accountId'>) => ({
  ...OPPORTUNITY,
  id: fx.oppId,
  accountName: fx.accountName,
  accountId: fx.accountId,
});

export const noteBody = (fx: Pick<Fixture, 'oppId' | 'accountName' | 'accountId' | 'marker'>, more = {}) => ({
  opportunityId: fx.oppId,
  opportunity: opportunityOf(fx),
  occurredAt: '2026-03-10',
  prompts: [{ text: `Ad-hoc provocation ${fx.marker}`, reaction: 'redirected' }],
  summary: `Met Dana about patient access ${fx.marker}. I raised how self-scheduling shifts volume.`,
  customerView: `Dana said the call centre loses staff ${fx.marker}.`,
  ideas: 'Together we sketched a pilot for two clinics; Dana proposed using no-show data.',
  nextStep: 'Dana brings the no-show data to a working session with IT.',
  nextStepDate: '2026-04-08',
  ...more,
});

export const promptBody = (fx: Pick<Fixture, 'marker'>, key = 'marked') =>
  samplePrompt(key, { title: `Title ${fx.marker}`, rationale: `Rationale ${fx.marker}` });

function expect2xx<T>(reply: Reply<T>, what: string): T {
  if (reply.status >= 300) throw new Error(`seeding: ${what} answered ${reply.status} ${reply.text}`);
  return reply.body;
}

/**
 * Seeds a tenant through the API: a prompt set (v1 published, v2 draft), a note by `rep` raising a
 * library prompt and an ad-hoc one on a marked account, the panel context, and a rescore job.
 */
export async function seedTenant(rep: Client, ops: Client, label: string): Promise<Fixture> {
  const marker = `MARK${label}${randomBytes(4).toString('hex')}`;
  const oppId = `006${randomBytes(6).toString('hex').slice(0, 12)}AAA`;
  // not marked: another tenant may send the same opportunity and account, and see them echoed
  const accountName = `Account ${label}${randomBytes(4).toString('hex')} Health`;
  const accountId = `001${randomBytes(6).toString('hex').slice(0, 12)}AAA`;
  const set = expect2xx(
    await ops.request('POST', '/v1/prompt-sets', {
      name: `Set ${marker}`,
      description: `About ${marker}`,
      prompts: [promptBody({ marker })],
    }),
    'create set',
  );
  const setId = set.id as string;
  expect2xx(await ops.request('POST', `/v1/prompt-sets/${setId}/versions/1/publish`), 'publish');
  const v1 = expect2xx(await ops.request('GET', `/v1/prompt-sets/${setId}/versions/1`), 'read v1');
  const promptId = v1.prompts[0].id as string;
  expect2xx(await ops.request('POST', `/v1/prompt-sets/${setId}/versions`), 'draft v2');
  const other = expect2xx(
    await ops.request('POST', '/v1/prompt-sets', {
      name: `Other ${marker}`,
      prompts: [promptBody({ marker })],
    }),
    'second set',
  );
  expect2xx(await ops.request('POST', `/v1/prompt-sets/${other.id}/versions/1/publish`), 'publish second');
  // the second set is rolled forward once, so its version 1 is retired and can be republished
  expect2xx(await ops.request('POST', `/v1/prompt-sets/${other.id}/versions`), 'draft second v2');
  expect2xx(await ops.request('POST', `/v1/prompt-sets/${other.id}/versions/2/publish`), 'publish second v2');
  const base = { marker, oppId, accountName, accountId };
  expect2xx(
    await rep.request('POST', `/v1/opportunities/${oppId}/panel`, { opportunity: opportunityOf(base) }),
    'panel',
  );
  const note = expect2xx(
    await rep.request(
      'POST',
      '/v1/notes',
      noteBody(base, { prompts: [{ promptId, reaction: 'new_to_them' }, ...noteBody(base).prompts] }),
    ),
    'note',
  );
  const job = expect2xx(await ops.request('POST', '/v1/rescore'), 'rescore');
  return {
    ...base,
    noteId: note.id,
    promptId,
    setId,
    fullyPublishedSetId: other.id,
    publishedVersion: 1,
    draftVersion: 2,
    jobId: job.id,
    ids: [note.id, promptId, setId, other.id, job.id],
  };
}

const connection = (fx: Fixture) => ({
  loginUrl: 'https://login.salesforce.com',
  auth: { flow: 'client_credentials', clientId: `client-${fx.marker}`, clientSecret: `secret-${fx.marker}` },
});

type Sample = (fx: Fixture) => Omit<SampleRequest, 'method' | 'path'> & { params?: Record<string, string> };

/** A valid request for every /v1 route, keyed "METHOD /v1/openapi/{path}". */
const SAMPLES: Record<string, Sample> = {
  'POST /v1/notes': (fx) => ({ body: noteBody(fx) }),
  'GET /v1/notes/{id}': (fx) => ({ params: { id: fx.noteId } }),
  'PATCH /v1/notes/{id}': (fx) => ({ params: { id: fx.noteId }, body: { nextStep: `Call ${fx.marker}` } }),
  'DELETE /v1/notes/{id}': (fx) => ({ params: { id: fx.noteId } }),
  'POST /v1/score': (fx) => ({ body: noteBody(fx) }),
  'POST /v1/opportunities/{oppId}/panel': (fx) => ({
    params: { oppId: fx.oppId },
    body: { opportunity: opportunityOf(fx) },
  }),
  'GET /v1/opportunities/{oppId}/notes': (fx) => ({ params: { oppId: fx.oppId }, query: { limit: '50' } }),
  'GET /v1/prompt-sets': () => ({}),
  'POST /v1/prompt-sets': (fx) => ({ body: { name: `New ${fx.marker}`, prompts: [promptBody(fx)] } }),
  'POST /v1/prompt-sets/import': (fx) => ({
    query: { format: 'json' },
    body: { name: `Imported ${fx.marker}`, prompts: [promptBody(fx)] },
  }),
  'POST /v1/prompt-sets/preview': (fx) => ({ body: { opportunity: opportunityOf(fx) } }),
  'GET /v1/prompt-sets/{setId}': (fx) => ({ params: { setId: fx.setId } }),
  'POST /v1/prompt-sets/{setId}/versions': (fx) => ({ params: { setId: fx.fullyPublishedSetId } }),
  'GET /v1/prompt-sets/{setId}/versions/{version}': (fx) => ({
    params: { setId: fx.setId, version: String(fx.publishedVersion) },
  }),
  'PUT /v1/prompt-sets/{setId}/versions/{version}': (fx) => ({
    params: { setId: fx.setId, version: String(fx.draftVersion) },
    body: { prompts: [promptBody(fx, 'edited')] },
  }),
  'POST /v1/prompt-sets/{setId}/versions/{version}/publish': (fx) => ({
    params: { setId: fx.setId, version: String(fx.draftVersion) },
  }),
  'POST /v1/prompt-sets/{setId}/versions/{version}/retire': (fx) => ({
    params: { setId: fx.setId, version: String(fx.publishedVersion) },
  }),
  'POST /v1/prompt-sets/{setId}/versions/{version}/preview': (fx) => ({
    params: { setId: fx.setId, version: String(fx.draftVersion) },
    body: { opportunity: opportunityOf(fx) },
  }),
  'POST /v1/prompt-sets/{setId}/versions/{version}/republish': (fx) => ({
    params: { setId: fx.fullyPublishedSetId, version: '1' },
  }),
  'POST /v1/prompt-sets/{setId}/promotions': (fx) => ({
    params: { setId: fx.setId },
    body: { kind: 'adhoc', text: `Ad-hoc provocation ${fx.marker}` },
  }),
  'GET /v1/prompt-sets/{setId}/versions/{version}/export': (fx) => ({
    params: { setId: fx.setId, version: String(fx.publishedVersion) },
    query: { format: 'csv' },
  }),
  'GET /v1/settings': () => ({}),
  'PUT /v1/settings': () => ({ body: { industries: ['Healthcare', 'Banking'] } }),
  'POST /v1/rescore': () => ({}),
  'GET /v1/jobs/{id}': (fx) => ({ params: { id: fx.jobId } }),
  'PUT /v1/salesforce/connection': (fx) => ({ body: connection(fx) }),
  'GET /v1/salesforce/connection': () => ({}),
  'DELETE /v1/salesforce/connection': () => ({}),
  'POST /v1/salesforce/connection/test': () => ({}),
  'POST /v1/salesforce/sync': () => ({ body: {} }),
  'GET /v1/salesforce/status': () => ({}),
  'GET /v1/analytics/dashboard': () => ({ query: { days: '90' } }),
  'GET /v1/analytics/prompts': () => ({}),
  'GET /v1/analytics/notes': (fx) => ({ query: { opportunityId: fx.oppId } }),
  'GET /v1/analytics/deals': () => ({ query: { band: '60-79' } }),
  // a user outside everyone's team, so importing it changes no one's scope
  'POST /v1/users/import': (fx) => ({
    body: { users: [{ userId: '005000000000U01AAA', name: `Imported ${fx.marker}`, managerId: null }] },
  }),
  'GET /v1/analytics/accounts/{accountName}/provocations': (fx) => ({
    params: { accountName: fx.accountName },
  }),
  'GET /v1/accounts/{accountId}/inside-view': (fx) => ({ params: { accountId: fx.accountId } }),
  'GET /v1/accounts/{accountId}/provocations': (fx) => ({ params: { accountId: fx.accountId } }),
  // the seeded note's first entry: what the customer pointed to after the redirected provocation
  'PATCH /v1/accounts/{accountId}/inside-view/{entryId}': (fx) => ({
    params: { accountId: fx.accountId, entryId: `${fx.noteId}.1` },
    body: { outdated: true, correction: `Corrected ${fx.marker}` },
  }),
  'POST /v1/opportunities/{oppId}/brief': (fx) => ({
    params: { oppId: fx.oppId },
    body: { opportunity: opportunityOf(fx) },
  }),
};

export const hasSample = (route: Route) => routeKey(route) in SAMPLES;

export function sampleRequest(route: Route, fx: Fixture): SampleRequest {
  const sample = SAMPLES[routeKey(route)];
  if (!sample)
    throw new Error(`no sample request for ${routeKey(route)}: add one to test/security/api-surface.ts`);
  const { params = {}, body, query } = sample(fx);
  const path = route.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`sample for ${routeKey(route)} lacks {${name}}`);
    return encodeURIComponent(value);
  });
  return { method: route.method, path, body, query };
}

export const withQuery = (path: string, query: Record<string, string> = {}) => {
  const search = new URLSearchParams(query).toString();
  return search ? `${path}?${search}` : path;
};

export function send(client: Client, request: SampleRequest, headers?: Record<string, string>) {
  return client.request(request.method, withQuery(request.path, request.query), request.body, headers);
}
