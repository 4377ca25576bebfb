// Security headers on every response, the body limit on every route that takes a body, generic
// 500s, and credentials kept out of the logs (a test scans the service's captured log lines).
import { Writable } from 'node:stream';
import { createLogger } from '../../service/src/platform/logger';
import { DATABASE_KINDS } from '../helpers/databases';
import { OPS, makeClient, startTestService, type Reply, type TestService } from '../helpers/service';
import { listRoutes, sampleRequest, seedTenant, send, type Fixture, type Route } from './api-surface';
import { errorBodyProblems } from './error-body';

const HELMET: Record<string, RegExp> = {
  'content-security-policy': /default-src 'self'/,
  'strict-transport-security': /max-age=\d+/,
  'x-content-type-options': /^nosniff$/,
  'x-frame-options': /^SAMEORIGIN$/,
  'referrer-policy': /^no-referrer$/,
  'cross-origin-opener-policy': /^same-origin$/,
  'cross-origin-resource-policy': /^same-origin$/,
  'x-dns-prefetch-control': /^off$/,
};

function headerProblems(reply: Pick<Reply, 'headers'>): string[] {
  const missing = Object.entries(HELMET)
    .filter(([name, pattern]) => !pattern.test(reply.headers.get(name) ?? ''))
    .map(([name]) => name);
  return reply.headers.get('x-powered-by') ? [...missing, 'x-powered-by'] : missing;
}

/** A logger whose lines land in memory. */
function capturedLogger() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  return { logger: createLogger('debug', stream), text: () => lines.join('') };
}

describe.each(DATABASE_KINDS)('headers, limits and errors on %s', (kind) => {
  let service: TestService;
  let routes: Route[];
  let fx: Fixture;
  const logs = capturedLogger();
  const ops = () => service.client.as(OPS, 'salesops');

  beforeAll(async () => {
    service = await startTestService(kind, {
      bodyLimit: '10kb',
      rateLimitPerMinute: 1_000_000,
      logger: logs.logger,
    });
    routes = await listRoutes(service.url);
    fx = await seedTenant(service.client, ops(), 'H');
  });
  afterAll(async () => {
    await service.close();
  });

  test('when any route, probe or error answers, then the helmet headers are on it', async () => {
    const failures: string[] = [];
    const note = (what: string, reply: Pick<Reply, 'headers'>) => {
      const problems = headerProblems(reply);
      if (problems.length > 0) failures.push(`${what}: ${problems.join(', ')}`);
    };
    for (const route of routes) {
      const reply = await send(ops(), sampleRequest(route, fx));
      note(`${route.method} ${route.path} ${reply.status}`, reply);
    }
    for (const path of ['/healthz', '/readyz', '/metrics', '/openapi.json', '/v1/nowhere', '/nowhere']) {
      note(path, await fetch(`${service.url}${path}`));
    }
    note('401', await makeClient(service.url, 'uan_unknown-key-0000000000').request('GET', '/v1/settings'));
    note('413', await ops().request('POST', '/v1/notes', { summary: 'x'.repeat(20_000) }));
    expect(failures).toEqual([]);
  });

  test('when a body is over the limit on any route, then it is 413 payload_too_large, JSON or CSV', async () => {
    const oversized = { summary: 'x'.repeat(11 * 1024) };
    const failures: string[] = [];
    for (const route of routes.filter((r) => ['POST', 'PUT', 'PATCH'].includes(r.method))) {
      const request = { ...sampleRequest(route, fx), body: oversized };
      const reply = await send(ops(), request);
      if (reply.status !== 413 || reply.body?.error?.code !== 'payload_too_large')
        failures.push(`${route.method} ${request.path} -> ${reply.status}`);
    }
    const csv = await ops().request(
      'POST',
      '/v1/prompt-sets/import?format=csv',
      `key\n${'x'.repeat(11 * 1024)}\n`,
    );
    expect(csv.status).toBe(413);
    expect(failures).toEqual([]);
  });

  test('when requests go wrong in many ways, then no error body shows stack frames, paths or SQL', async () => {
    const bad = [
      ['POST', '/v1/notes', '{"summary": '],
      ['POST', '/v1/notes', '{"summary": 1, "opportunityId": "\' OR 1=1 --"}'],
      ['PATCH', `/v1/notes/${fx.noteId}`, '{"summary": null, "prompts": [{"promptId": "x"}]}'],
      ['GET', "/v1/notes/1' OR '1'='1", undefined],
      ['GET', '/v1/notes/%E0%A4%A', undefined],
      ['GET', `/v1/prompt-sets/${fx.setId}/versions/99999999999999999999`, undefined],
      ['GET', `/v1/opportunities/${fx.oppId}/notes?limit=-1&cursor=%00`, undefined],
      ['GET', '/v1/analytics/notes?cursor=not-a-cursor', undefined],
      ['POST', '/v1/prompt-sets/import?format=csv', undefined],
      ['PUT', '/v1/settings', '{"stagePhases": {"Closed": "nope"}}'],
    ] as const;
    const failures: string[] = [];
    for (const [method, path, body] of bad) {
      const reply = await fetch(`${service.url}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${service.apiKey}`,
          'x-actor-id': OPS,
          'x-actor-role': 'salesops',
          'content-type': 'application/json',
        },
        body,
      });
      const text = await reply.text();
      if (reply.status < 400 || reply.status >= 500) failures.push(`${method} ${path} -> ${reply.status}`);
      const problems = errorBodyProblems(reply.status, text);
      if (problems.length > 0)
        failures.push(`${method} ${path} ${problems.join(', ')}: ${text.slice(0, 200)}`);
    }
    expect(failures).toEqual([]);
  });

  test('when keys and connection secrets pass through, then none of them reaches the log', async () => {
    const unknownKey = 'uan_an-unknown-key-that-must-not-be-logged';
    const clientSecret = 'a-client-secret-that-must-not-be-logged';
    const idempotencyKey = 'an-idempotency-key-that-must-not-be-logged';
    const previewToken = 'a-preview-token-that-must-not-be-logged';
    await service.client.request('GET', '/v1/settings');
    await fetch(`${service.url}/?token=${previewToken}`); // the local preview's printed link
    await service.client.request(
      'POST',
      '/v1/notes',
      { summary: 'logged?', opportunityId: fx.oppId },
      { 'idempotency-key': idempotencyKey },
    );
    await makeClient(service.url, unknownKey).request('GET', '/v1/settings');
    await ops().request('PUT', '/v1/salesforce/connection', {
      loginUrl: 'https://login.salesforce.com',
      auth: { flow: 'client_credentials', clientId: 'client', clientSecret },
    });
    const text = logs.text();
    expect(text).toContain('[redacted]'); // the headers were logged, redacted
    expect(text).toContain('/v1/settings');
    for (const secret of [service.apiKey, unknownKey, clientSecret, idempotencyKey, previewToken])
      expect(text).not.toContain(secret);
  });
});

test('when the database goes away under a running app, then the 500 is generic and the cause is only logged', async () => {
  const logs = capturedLogger();
  const service = await startTestService('pglite', { logger: logs.logger });
  try {
    expect((await service.client.request('GET', '/v1/settings')).status).toBe(200);
    await service.db.destroy();
    // the key is still known from the request before (kept 2 s); reading settings needs the database
    const reply = await service.client.request('GET', '/v1/settings');
    expect(reply.status).toBe(500);
    expect(reply.body).toEqual({
      error: { code: 'internal', message: 'something went wrong on our side', details: [] },
    });
    expect(errorBodyProblems(reply.status, reply.text)).toEqual([]);
    expect(logs.text()).toMatch(/unhandled error/);
    expect(logs.text()).not.toContain(service.apiKey);
  } finally {
    await service.close().catch(() => undefined); // the database is already closed
  }
});
