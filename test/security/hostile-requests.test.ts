// Hostile requests generated from the live OpenAPI document: for every /v1 route, every query
// parameter and every field of its sample body gets the edges of its schema — dates at and past the
// calendar's ends, numbers at, past and far past their bounds, every enum value, and pathological
// strings as long as the schema allows (runs of punctuation, deep combining marks, right-to-left and
// zero-width text), one field at a time and all at once. Every answer must be a clear 2xx/4xx, and
// the service time each request reports (Server-Timing: app;dur=) must stay under a bound.
// SOAK=1 (npm run test:soak) runs every string shape on both databases; the default runs a subset on
// PGlite.
import { jest } from '@jest/globals';
import { DATABASE_KINDS } from '../helpers/databases';
import { OPS, startTestService, type Role, type TestService } from '../helpers/service';
import { HOSTILE_SHAPES, hostileNote } from '../scoring/hostile-notes';
import {
  ROLE_USERS,
  listRoutes,
  routeKey,
  sampleRequest,
  seedTenant,
  type Fixture,
  type Route,
} from './api-surface';
import { errorBodyProblems } from './error-body';

const SOAK = process.env.SOAK === '1';
/** Service time any one request may take on a busy two-core machine: generous, and far below the
 * seconds one hostile note or dashboard used to cost. */
const MAX_SERVICE_MS = Number(process.env.HOSTILE_MAX_SERVICE_MS ?? 3000);
const KINDS = SOAK ? DATABASE_KINDS : (['pglite'] as const);
const SHAPES = SOAK
  ? Object.keys(HOSTILE_SHAPES)
  : ['questionMarks', 'dashedLetters', 'combiningMarks', 'zeroWidthJoined', 'rightToLeft'];
jest.setTimeout(SOAK ? 1_800_000 : 300_000);

interface JsonSchema {
  type?: string | string[];
  enum?: unknown[];
  format?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  maxLength?: number;
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
}

interface OpenApi {
  paths: Record<string, Record<string, { parameters?: Array<{ in: string; name: string; schema: JsonSchema }>; requestBody?: { content: Record<string, { schema: JsonSchema }> } }>>; // prettier-ignore
}

const DATES = ['0000-01-01', '0001-01-01', '1899-12-31', '1900-01-01', '1970-01-01', '2024-02-29', '2023-02-29', '2999-12-31', '3000-01-01', '9999-12-31', '10000-01-01', '+010000-01-01', '2026-13-01']; // prettier-ignore
const NUMBER_EDGES = (s: JsonSchema): unknown[] => {
  const low = s.minimum ?? s.exclusiveMinimum;
  const high = s.maximum ?? s.exclusiveMaximum;
  return [
    ...[low, high].flatMap((b) => (b === undefined ? [] : [b, b - 1, b + 1])),
    0, -0, -1, 1.5, 1e-300, -1e308, 1e308, Number.MAX_SAFE_INTEGER + 2, '1e309', 'NaN', '', ' 7 ', '0x10',
  ]; // prettier-ignore
};
/** Short oddities for any text: empty, direction overrides, zero-width, deep combining marks. */
const ODD_TEXT = ['', ' ', '\u202e\u05e9\u05dc\u05d5\u05dd\u202c', '\u200b\u200c\u200d\ufeff', `a${'\u0301'.repeat(500)}`, '👩‍👩‍👧‍👦'.repeat(50), 'İ'.repeat(100)]; // prettier-ignore

/** A hostile string of one shape, as long as the schema allows (a query string stays well inside Node's 16 KB header limit). */
function hostileText(shape: string, maxLength: number | undefined, inQuery: boolean): string {
  const length = Math.min(maxLength ?? 2_000, inQuery ? 400 : 10_000);
  return (
    hostileNote(shape as keyof typeof HOSTILE_SHAPES)
      .summary.slice(0, length)
      .trim() || '?'
  );
}

/** The schema of the value at `path` inside `schema` (objects, arrays, nullable unions). */
function schemaAt(schema: JsonSchema | undefined, path: (string | number)[]): JsonSchema | undefined {
  let node = schema;
  for (const key of path) {
    node = node?.anyOf?.find((s) => s.type !== 'null') ?? node;
    node = typeof key === 'number' ? node?.items : node?.properties?.[key];
  }
  return node?.anyOf?.find((s) => s.type !== 'null') ?? node;
}

function leafPaths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(value)) return value.flatMap((v, i) => leafPaths(v, [...prefix, i]));
  if (value !== null && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) => leafPaths(v, [...prefix, k]));
  return [prefix];
}

function withValue(body: unknown, path: (string | number)[], value: unknown): unknown {
  if (path.length === 0) return value;
  const copy = (Array.isArray(body) ? [...body] : { ...(body as object) }) as Record<
    string | number,
    unknown
  >;
  copy[path[0]!] = withValue(copy[path[0]!], path.slice(1), value);
  return copy;
}

/** The values a field of this schema is tried with. */
function edgesOf(schema: JsonSchema | undefined, inQuery: boolean, shapes: string[]): unknown[] {
  const type = Array.isArray(schema?.type) ? schema!.type[0] : schema?.type;
  if (schema?.enum)
    return [...schema.enum, ...schema.enum.map((v) => String(v).toUpperCase()), `${schema.enum[0]} `];
  if (type === 'number' || type === 'integer') return NUMBER_EDGES(schema!);
  if (type === 'boolean') return [true, false, 'true', 0];
  if (schema?.format === 'date' || /date/i.test(String(schema?.format))) return DATES;
  return [
    ...shapes.map((s) => hostileText(s, schema?.maxLength, inQuery)),
    ...ODD_TEXT,
    ...DATES.slice(0, 3),
  ];
}

interface Probe {
  label: string;
  path: string;
  body?: unknown;
}

/** Every hostile variant of a route's sample request. */
function probesFor(route: Route, doc: OpenApi, fx: Fixture): Probe[] {
  const sample = sampleRequest(route, fx);
  const operation = doc.paths[route.path]![route.method.toLowerCase()]!;
  const query = (extra: Record<string, string>) => {
    const search = new URLSearchParams({ ...sample.query, ...extra }).toString();
    return search ? `${sample.path}?${search}` : sample.path;
  };
  const probes: Probe[] = [];
  for (const p of operation.parameters ?? []) {
    if (p.in !== 'query') continue;
    for (const value of edgesOf(p.schema, true, SHAPES))
      probes.push({
        label: `query ${p.name}=${JSON.stringify(value).slice(0, 40)}`,
        path: query({ [p.name]: String(value) }),
        body: sample.body,
      });
  }
  const bodySchema = operation.requestBody?.content['application/json']?.schema;
  if (sample.body !== undefined && typeof sample.body === 'object') {
    for (const leaf of leafPaths(sample.body)) {
      const schema = schemaAt(bodySchema, leaf);
      for (const value of edgesOf(schema, false, SHAPES))
        probes.push({
          label: `body ${leaf.join('.')}`,
          path: query({}),
          body: withValue(sample.body, leaf, value),
        });
    }
    // every text field at its longest at once, in each shape
    for (const shape of SHAPES) {
      let body: unknown = sample.body;
      for (const leaf of leafPaths(sample.body)) {
        const schema = schemaAt(bodySchema, leaf);
        if (schema?.type === 'string' && !schema.enum && !schema.format)
          body = withValue(body, leaf, hostileText(shape, schema.maxLength, false));
      }
      probes.push({ label: `all text ${shape}`, path: query({}), body });
    }
  }
  return probes;
}

/** A note body with every field at its limit in one shape, twenty ad-hoc prompts included. */
const fullNote = (fx: Fixture, shape: string) => {
  const note = hostileNote(shape as keyof typeof HOSTILE_SHAPES);
  return {
    ...note,
    opportunityId: fx.oppId,
    prompts: note.prompts.map((p) => ({ text: p.text!.trim() || '?' })),
  };
};

describe.each(KINDS)('hostile requests from the OpenAPI document on %s', (kind) => {
  let service: TestService;
  let doc: OpenApi;
  let routes: Route[];
  let fx: Fixture;
  const slowest = { ms: 0, what: '' };

  beforeAll(async () => {
    service = await startTestService(kind, { rateLimitPerMinute: 100_000_000 });
    doc = (await (await fetch(`${service.url}/openapi.json`)).json()) as OpenApi;
    routes = await listRoutes(service.url);
    fx = await seedTenant(service.client, service.client.as(OPS, 'salesops'), 'H');
  });
  afterAll(async () => {
    console.log(
      `hostile requests on ${kind}: slowest service time ${slowest.ms.toFixed(1)} ms (${slowest.what})`,
    );
    await service.close();
  });

  async function send(route: Route, probe: Probe, role: Role = 'salesops'): Promise<string[]> {
    let reply: Response;
    try {
      reply = await fetch(`${service.url}${probe.path}`, {
        method: route.method,
        headers: {
          authorization: `Bearer ${service.apiKey}`,
          'x-actor-id': ROLE_USERS[role],
          'x-actor-role': role,
          ...(probe.body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: probe.body === undefined || route.method === 'GET' ? undefined : JSON.stringify(probe.body),
      });
    } catch (error) {
      return [
        `${routeKey(route)} ${probe.label}: no answer (${String((error as Error).cause ?? error)}) ${probe.path.slice(0, 120)}`,
      ];
    }
    const text = await reply.text();
    const ms = Number(/app;dur=([\d.]+)/.exec(reply.headers.get('server-timing') ?? '')?.[1] ?? NaN);
    const what = `${routeKey(route)} ${probe.label} -> ${reply.status}`;
    if (ms > slowest.ms) Object.assign(slowest, { ms, what });
    const problems = [];
    if (reply.status >= 500) problems.push(`${what}: ${text.slice(0, 200)}`);
    problems.push(...errorBodyProblems(reply.status, text).map((p) => `${what}: ${p}`));
    if (!(ms <= MAX_SERVICE_MS)) problems.push(`${what}: service time ${ms} ms over ${MAX_SERVICE_MS} ms`);
    return problems;
  }

  test('when every route gets the edges of its schema, then no 5xx and every answer is quick', async () => {
    const problems: string[] = [];
    let sent = 0;
    for (const route of routes) {
      const probes = probesFor(route, doc, fx);
      // building a route's probes can keep this thread busy past the keep-alive timeouts on a loaded
      // machine; the expired timers run first, so the client drops its idle connection rather than
      // reusing it in the instant the in-process server closes it (a reset no server can prevent)
      await new Promise((resolve) => setTimeout(resolve, 0));
      for (const probe of probes) {
        problems.push(...(await send(route, probe)));
        sent++;
      }
    }
    expect(sent).toBeGreaterThan(500);
    expect(problems).toEqual([]);
  });

  test('when a rep sends the largest notes the schema admits, then scoring them stays quick', async () => {
    const problems: string[] = [];
    const route = (method: string, path: string) =>
      routes.find((r) => r.method === method && r.path === path)!;
    for (const shape of SHAPES) {
      const body = fullNote(fx, shape);
      problems.push(
        ...(await send(route('POST', '/v1/score'), { label: shape, path: '/v1/score', body }, 'rep')),
      );
      problems.push(
        ...(await send(route('POST', '/v1/notes'), { label: shape, path: '/v1/notes', body }, 'rep')),
      );
    }
    expect(problems).toEqual([]);
  });
});
