// Property-based fuzzing of every /v1 route (enumerated from the live OpenAPI document) and of the
// CSV/JSON prompt importers: malformed JSON, wrong types, huge strings, deep nesting, Unicode edge
// cases (lone surrogates, NUL, BOM, bidi), injection strings, broken percent-encoding in paths and
// queries. Every answer is a 2xx (the input happened to be valid) or a 4xx with
// {"error":{"code","message","details"}} naming the problem — never a 500, never a crash.
// FUZZ_RUNS sets the inputs per route and database (npm run test:soak runs many more).
import { jest } from '@jest/globals';
import fc from 'fast-check';
import { CSV_COLUMNS } from '../../service/src/features/prompt-sets/prompt-file';
import { DATABASE_KINDS } from '../helpers/databases';
import { OPS, startTestService, type Role, type TestService } from '../helpers/service';
import {
  ROLE_USERS,
  listRoutes,
  promptBody,
  routeKey,
  sampleRequest,
  seedTenant,
  type Fixture,
  type Route,
  type SampleRequest,
} from '../security/api-surface';
import { errorBodyProblems } from '../security/error-body';

const RUNS = Number(process.env.FUZZ_RUNS ?? 50);
const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined;
const BODY_LIMIT_KB = 256;
jest.setTimeout(Math.max(120_000, RUNS * 4_000));

// ---- inputs ----------------------------------------------------------------------------------

const NASTY_STRINGS = [
  '', ' ', '\t\n', '\u0000', 'a\u0000b', '\ud800', '\udfff', 'x\ud83d', '\ufeff', '\u202e\u2066', '\u200b',
  '👩‍👩‍👧‍👦', 'İı', 'ﬀ', 'Ω'.repeat(300), '\r\n\r\n', "' OR '1'='1", "'; DROP TABLE notes; --", '" OR ""="',
  '\\', '%', '%00', '<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '{Account.Name}', '${7*7}',
  '{{7*7}}', '%s%n%x', '../../../etc/passwd', '__proto__', 'constructor', 'toString', 'null', 'NaN', '-1',
  '1e309', '9'.repeat(40), '0x10', '2026-02-30', '0000-00-00', '006000000000001AAA', '006000000000001',
  '00000000-0000-0000-0000-000000000000', 'ffffffff-ffff-4fff-bfff-ffffffffffff', 'draft', 'salesops',
]; // prettier-ignore

const nastyString = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...NASTY_STRINGS) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.constantFrom('x', 'é', '\u0000', '\ud800', '<'), fc.integer({ min: 256, max: 300_000 }))
      .map(([c, n]) => c.repeat(n)),
  },
);

const deepValue = fc.tuple(fc.integer({ min: 20, max: 64 }), fc.boolean()).map(([depth, asArray]) => {
  let value: unknown = 'bottom';
  for (let i = 0; i < depth; i++) value = asArray ? [value] : { a: value };
  return value;
});

const nastyValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 5, arbitrary: nastyString },
  {
    weight: 2,
    arbitrary: fc.oneof(fc.integer(), fc.double(), fc.constantFrom(0, -1, 1e308, 2 ** 53 + 1, -0)),
  },
  { weight: 1, arbitrary: fc.constantFrom(null, true, false, [], {}) },
  { weight: 2, arbitrary: fc.array(nastyString, { maxLength: 5 }) },
  { weight: 2, arbitrary: fc.dictionary(nastyString, nastyString, { maxKeys: 4 }) },
  { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  { weight: 1, arbitrary: deepValue },
);

/** Bytes as %XX: any string (lone surrogates included) or raw, possibly invalid UTF-8. */
const percentEncode = (bytes: Uint8Array) =>
  [...bytes].map((b) => `%${b.toString(16).padStart(2, '0')}`).join('');
const urlPart = fc.oneof(
  nastyString.filter((s) => s.length < 2_000).map((s) => percentEncode(Buffer.from(s, 'utf8'))),
  fc.uint8Array({ maxLength: 12 }).map(percentEncode),
  fc.constantFrom('%', '%E0%A4%A', '%zz', '..', '.', '%2e%2e', '%2F', ';', '?', '#'),
);

const MALFORMED_JSON = [
  '', '{', '}', '[', '{"summary": ', '{"summary": "x",}', "{'summary': 'x'}", '{"summary": "\\u00"}',
  '{"summary": "x"} trailing', 'null', 'true', '"just a string"', '123', 'NaN', '{"a":1,"a":2}',
  '\ufeff{"summary": "x"}', '{"summary": "x"\u0000}', '[]', '{"__proto__": {"polluted": true}}',
  '['.repeat(100_000) + ']'.repeat(100_000), '{"a":'.repeat(30_000) + '1' + '}'.repeat(30_000),
  `{"summary": ${'['.repeat(50_000)}"x"${']'.repeat(50_000)}}`,
]; // prettier-ignore

type Mutation =
  | { kind: 'replace-body'; value: unknown }
  | { kind: 'field'; at: number; value: unknown; remove: boolean }
  | { kind: 'extra-key'; key: string; value: unknown }
  | { kind: 'raw-body'; text: string; contentType: string }
  | { kind: 'param'; at: number; raw: string }
  | { kind: 'query'; pairs: [string, string][]; keep: boolean }
  | { kind: 'idempotency-key'; value: string };

const mutation = (route: Route): fc.Arbitrary<Mutation> =>
  fc.oneof(
    fc.record({ kind: fc.constant('replace-body' as const), value: nastyValue }),
    fc.record({ kind: fc.constant('field' as const), at: fc.nat(), value: nastyValue, remove: fc.boolean() }),
    fc.record({
      kind: fc.constant('extra-key' as const),
      key: fc.oneof(nastyString, fc.constantFrom('__proto__', 'constructor', 'prototype')),
      value: nastyValue,
    }),
    fc.record({
      kind: fc.constant('raw-body' as const),
      text: fc.oneof(fc.constantFrom(...MALFORMED_JSON), fc.string({ unit: 'binary', maxLength: 200 })),
      contentType: fc.constantFrom(
        'application/json',
        'application/json; charset=latin1',
        'application/json; charset=utf-16',
        'text/csv',
        'text/plain',
        'application/x-www-form-urlencoded',
        'multipart/form-data; boundary=x',
      ),
    }),
    fc.record({ kind: fc.constant('param' as const), at: fc.nat(), raw: urlPart }),
    fc.record({
      kind: fc.constant('query' as const),
      pairs: fc.array(
        fc.tuple(fc.oneof(fc.constantFrom(...route.query, 'limit', 'cursor'), urlPart), urlPart),
        {
          minLength: 1,
          maxLength: 4,
        },
      ),
      keep: fc.boolean(),
    }),
    fc.record({
      kind: fc.constant('idempotency-key' as const),
      value: fc.oneof(
        fc.string({ unit: 'binary-ascii', maxLength: 250 }).filter((s) => /^[\x20-\x7e]*$/.test(s)),
        fc.constantFrom('', ' ', 'k'.repeat(201), 'same-key'),
      ),
    }),
  );

// ---- applying a mutation to a valid request ---------------------------------------------------

/** Paths to every value inside a JSON body, so one can be replaced or removed. */
function leafPaths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (value === null || typeof value !== 'object') return prefix.length > 0 ? [prefix] : [];
  const entries = Array.isArray(value) ? value.map((v, i) => [i, v] as const) : Object.entries(value);
  return [
    ...(prefix.length > 0 ? [prefix] : []),
    ...entries.flatMap(([k, v]) => leafPaths(v, [...prefix, k])),
  ];
}

function setAt(body: unknown, path: (string | number)[], value: unknown, remove: boolean): unknown {
  const copy = structuredClone(body) as Record<string | number, unknown>;
  let parent = copy;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
  const last = path.at(-1)!;
  if (remove) delete parent[last];
  else parent[last] = value;
  return copy;
}

interface WireRequest {
  method: string;
  path: string;
  body?: string;
  headers: Record<string, string>;
}

const encodeQuery = (query: Record<string, string> = {}) =>
  Object.entries(query).map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`);

function toWire(route: Route, sample: SampleRequest, m: Mutation): WireRequest {
  const headers: Record<string, string> = {};
  let body = sample.body === undefined ? undefined : JSON.stringify(sample.body);
  let contentType = typeof sample.body === 'string' ? 'text/csv' : 'application/json';
  if (typeof sample.body === 'string') body = sample.body;
  let path = sample.path;
  let query = encodeQuery(sample.query);
  switch (m.kind) {
    case 'replace-body':
      body = JSON.stringify(m.value) ?? 'null';
      break;
    case 'field': {
      const paths = leafPaths(sample.body);
      body = JSON.stringify(
        paths.length > 0 ? setAt(sample.body, paths[m.at % paths.length]!, m.value, m.remove) : m.value,
      );
      break;
    }
    case 'extra-key':
      body = JSON.stringify({ ...(sample.body as object), [m.key]: m.value });
      if (m.key === '__proto__')
        body = body.replace(/^\{/, `{"__proto__":${JSON.stringify(m.value) ?? 'null'},`);
      break;
    case 'raw-body':
      body = m.text;
      contentType = m.contentType;
      break;
    case 'param': {
      const segments = route.path.split('/');
      const params = segments.flatMap((s, i) => (s.startsWith('{') ? [i] : []));
      if (params.length === 0) break;
      const actual = sample.path.split('/');
      actual[params[m.at % params.length]!] = m.raw;
      path = actual.join('/');
      break;
    }
    case 'query':
      query = [...(m.keep ? query : []), ...m.pairs.map(([k, v]) => `${k}=${v}`)];
      break;
    case 'idempotency-key':
      headers['idempotency-key'] = m.value;
      break;
  }
  if (body !== undefined && route.method !== 'GET') headers['content-type'] = contentType;
  if (route.method === 'GET') body = undefined; // fetch sends no body with a GET
  return {
    method: route.method,
    path: query.length > 0 ? `${path}?${query.join('&')}` : path,
    body,
    headers,
  };
}

// ---- the property -------------------------------------------------------------------------------

interface Tally {
  inputs: number;
  ok2xx: number;
  client4xx: number;
}

describe.each(DATABASE_KINDS)('fuzzing on %s', (kind) => {
  let service: TestService;
  let routes: Route[];
  let fx: Fixture;
  const tallies = new Map<string, Tally>();
  let started = 0;

  async function call(wire: WireRequest, role: Role): Promise<{ status: number; text: string }> {
    const response = await fetch(`${service.url}${wire.path}`, {
      method: wire.method,
      headers: {
        authorization: `Bearer ${service.apiKey}`,
        'x-actor-id': ROLE_USERS[role],
        'x-actor-role': role,
        ...wire.headers,
      },
      body: wire.body,
    });
    return { status: response.status, text: await response.text() };
  }

  /** Sends one input and fails the property (with the input shrunk) on a 5xx or a malformed error. */
  async function check(label: string, wire: WireRequest, role: Role = 'salesops'): Promise<void> {
    const tally = tallies.get(label) ?? { inputs: 0, ok2xx: 0, client4xx: 0 };
    tallies.set(label, tally);
    tally.inputs++;
    const { status, text } = await call(wire, role);
    if (status >= 500 || status < 200 || status === 401) {
      throw new Error(`${wire.method} ${wire.path.slice(0, 200)} -> ${status}: ${text.slice(0, 300)}`);
    }
    if (status < 300) tally.ok2xx++;
    else tally.client4xx++;
    const problems = errorBodyProblems(status, text);
    if (problems.length > 0)
      throw new Error(
        `${wire.method} ${wire.path.slice(0, 200)} -> ${status} ${problems.join(', ')}: ${text.slice(0, 300)}`,
      );
  }

  /** Reports a failure with the shrunk input, printed safely (fast-check's own printer recurses). */
  function reporter<T>(details: fc.RunDetails<T>): void {
    if (!details.failed) return;
    let input: string;
    try {
      input = JSON.stringify(details.counterexample).slice(0, 2_000);
    } catch {
      input = '(not printable)';
    }
    const cause =
      details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
    throw new Error(
      `fuzz failure (seed ${details.seed}, path ${details.counterexamplePath}): ${cause}\ninput: ${input}`,
    );
  }
  const params = <T>(runs = RUNS): fc.Parameters<T> => ({ numRuns: runs, seed: SEED, reporter: reporter<T> });

  beforeAll(async () => {
    started = Date.now();
    service = await startTestService(kind, { rateLimitPerMinute: 100_000_000 });
    routes = await listRoutes(service.url);
    fx = await seedTenant(service.client, service.client.as(OPS, 'salesops'), 'F');
  });
  afterAll(async () => {
    const rows = [...tallies.entries()].map(([endpoint, t]) => ({ endpoint, ...t }));
    const total = rows.reduce((sum, r) => sum + r.inputs, 0);
    console.log(
      `fuzzing on ${kind}: ${total} inputs over ${rows.length} endpoints in ${((Date.now() - started) / 1000).toFixed(1)} s (FUZZ_RUNS=${RUNS})\n` +
        rows
          .map(
            (r) =>
              `${String(r.inputs).padStart(6)} ${String(r.ok2xx).padStart(5)} 2xx ${String(r.client4xx).padStart(6)} 4xx  ${r.endpoint}`,
          )
          .join('\n'),
    );
    await service.close();
  });

  test('when every /v1 route gets malformed bodies, params, queries and headers, then it answers 2xx or a clear 4xx', async () => {
    for (const route of routes) {
      await fc.assert(
        fc.asyncProperty(
          mutation(route),
          fc.constantFrom<Role>('salesops', 'salesops', 'rep', 'manager'),
          async (m, role) => {
            await check(routeKey(route), toWire(route, sampleRequest(route, fx), m), role);
          },
        ),
        params(),
      );
    }
    expect((await fetch(`${service.url}/readyz`)).status).toBe(200);
  });

  const csvCell = fc.oneof(
    nastyString.filter((s) => s.length < 5_000),
    fc.constantFrom('"', '""', ',', '\n', '\r', 'a"b', '"a', ';;'),
  );
  const csvLine = (cells: string[]) =>
    cells.map((c) => (/[",\n\r]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',');
  const importCsv = (text: string): WireRequest => ({
    method: 'POST',
    path: '/v1/prompt-sets/import?format=csv',
    body: text,
    headers: { 'content-type': 'text/csv' },
  });

  test('when the CSV importer gets broken files, then it imports them or names the problem', async () => {
    const headerRow = fc.oneof(
      fc.constant<string[]>([...CSV_COLUMNS]),
      fc.shuffledSubarray([...CSV_COLUMNS]),
      fc.array(csvCell, { maxLength: 14 }),
    );
    const structured = fc
      .tuple(headerRow, fc.array(fc.array(csvCell, { maxLength: 15 }), { maxLength: 5 }), fc.boolean())
      .map(([header, rows, quoteAll]) =>
        [header, ...rows]
          .map((cells) =>
            quoteAll ? cells.map((c) => `"${c.replace(/"/g, '""')}"`).join(',') : csvLine(cells),
          )
          .join('\r\n'),
      );
    const validWithOneBadCell = fc.tuple(fc.nat(CSV_COLUMNS.length - 1), csvCell).map(([at, cell]) => {
      const row = [
        'key-1',
        'Title',
        'Provocation',
        'Follow up',
        'Rationale',
        'Source',
        '',
        'Healthcare',
        'middle',
        '',
        '',
        '',
        '',
      ];
      row[at] = cell;
      return `${csvLine([...CSV_COLUMNS])}\n${csvLine(row)}\n`;
    });
    const raw = fc.string({ unit: 'binary', maxLength: 500 });
    await fc.assert(
      fc.asyncProperty(fc.oneof(structured, validWithOneBadCell, raw), async (text) => {
        await check('POST /v1/prompt-sets/import?format=csv (file)', importCsv(text));
      }),
      params(RUNS * 3),
    );
  });

  test('when the JSON importer gets broken files, then it imports them or names the problem', async () => {
    const file = {
      format: 'upatnight.prompt-set/v1',
      name: 'Imported',
      description: '',
      prompts: [promptBody(fx), promptBody(fx, 'second')],
    };
    const route: Route = {
      method: 'POST',
      path: '/v1/prompt-sets/import',
      hasBody: true,
      query: ['format', 'setId'],
    };
    const sample: SampleRequest = { method: 'POST', path: route.path, body: file, query: { format: 'json' } };
    await fc.assert(
      fc.asyncProperty(mutation(route), async (m) => {
        await check('POST /v1/prompt-sets/import?format=json (file)', toWire(route, sample, m));
      }),
      params(RUNS * 3),
    );
  });

  test('when the body is just under or over the limit, then it is processed or refused with 413', async () => {
    const sizes = [BODY_LIMIT_KB * 1024 - 200, BODY_LIMIT_KB * 1024 + 1];
    for (const size of sizes) {
      const wire: WireRequest = {
        method: 'POST',
        path: '/v1/score',
        body: JSON.stringify({ summary: 'é'.repeat(Math.floor(size / 2) - 20) }),
        headers: { 'content-type': 'application/json' },
      };
      await check('POST /v1/score (size)', wire);
    }
  });
});
