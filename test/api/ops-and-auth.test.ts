// When clients probe the service, authenticate, or send malformed requests.
import { DATABASE_KINDS } from '../helpers/databases';
import { makeClient, OPPORTUNITY, REP, startTestService, type TestService } from '../helpers/service';
import { rotateKey } from '../../service/src/features/tenants/tenants';

const METRICS_TOKEN = 'a-metrics-token-for-the-scraper-only';

describe.each(DATABASE_KINDS)('probes, auth and bad requests on %s', (kind) => {
  let service: TestService;

  beforeAll(async () => {
    service = await startTestService(kind, {
      bodyLimit: '10kb',
      rateLimitPerMinute: 60,
      metrics: { token: METRICS_TOKEN },
    });
  });
  afterAll(async () => {
    await service.close();
  });

  test('when probes are called, then health, readiness and OpenAPI answer without a key, metrics with their token', async () => {
    expect((await fetch(`${service.url}/healthz`)).status).toBe(200);
    expect(await (await fetch(`${service.url}/readyz`)).json()).toEqual({ status: 'ready' });
    await service.client.request('GET', '/v1/prompt-sets');
    expect((await fetch(`${service.url}/metrics`)).status).toBe(401);
    const metrics = await (
      await fetch(`${service.url}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } })
    ).text();
    expect(metrics).toContain(
      'upatnight_http_requests_total{method="GET",route="/v1/prompt-sets",status="200"}',
    );
    const openapi: any = await (await fetch(`${service.url}/openapi.json`)).json();
    expect(openapi.openapi).toBe('3.1.0');
    expect(openapi.paths['/v1/notes'].post.requestBody.content['application/json'].schema.required).toContain(
      'summary',
    );
    expect(Object.keys(openapi.paths)).toEqual(
      expect.arrayContaining([
        '/v1/opportunities/{oppId}/panel',
        '/v1/score',
        '/v1/prompt-sets/{setId}/versions/{version}/publish',
      ]),
    );
  });

  test('when the key is missing, malformed, unknown or rotated away, then it is 401 with a reason', async () => {
    const noKey = await fetch(`${service.url}/v1/prompt-sets`);
    expect(noKey.status).toBe(401);
    expect(((await noKey.json()) as any).error.message).toMatch(/missing Authorization/);
    const basic = await fetch(`${service.url}/v1/prompt-sets`, { headers: { authorization: 'Basic abc' } });
    expect(basic.status).toBe(401);
    expect(
      (await makeClient(service.url, 'uan_not-a-real-key-at-all-000000').request('GET', '/v1/prompt-sets'))
        .status,
    ).toBe(401);
    expect((await makeClient(service.url, 'bad key!').request('GET', '/v1/prompt-sets')).status).toBe(401);
    const tenant = await service.newTenant(`rotating-${kind}`);
    const oldClient = makeClient(service.url, tenant.apiKey);
    expect((await oldClient.request('GET', '/v1/prompt-sets')).status).toBe(200);
    const { apiKey } = await rotateKey(service.db, `rotating-${kind}`);
    expect((await oldClient.request('GET', '/v1/prompt-sets')).status).toBe(401);
    expect((await makeClient(service.url, apiKey).request('GET', '/v1/prompt-sets')).status).toBe(200);
  });

  test("when a tenant is given the key it already has, then it stays valid; another tenant's key is refused", async () => {
    const chosen = `uan_chosen-key-for-${kind}-restarts`;
    await service.newTenant(`chosen-${kind}`);
    await rotateKey(service.db, `chosen-${kind}`, chosen);
    await rotateKey(service.db, `chosen-${kind}`, chosen); // a second start with the same DEMO_API_KEY
    expect((await makeClient(service.url, chosen).request('GET', '/v1/prompt-sets')).status).toBe(200);
    await rotateKey(service.db, `chosen-${kind}`);
    expect((await makeClient(service.url, chosen).request('GET', '/v1/prompt-sets')).status).toBe(401);
    await expect(rotateKey(service.db, `chosen-${kind}`, service.apiKey)).rejects.toThrow(/already in use/);
    expect((await service.client.request('GET', '/v1/prompt-sets')).status).toBe(200);
  });

  test('when actor headers are missing or wrong, then it is 400 naming the header', async () => {
    const reply = await service.client.request('GET', '/v1/prompt-sets', undefined, {
      'x-actor-role': 'admin',
      'x-actor-id': '',
    });
    expect(reply.status).toBe(400);
    expect(reply.body.error.details.map((d: { path: string }) => d.path)).toEqual([
      'headers.x-actor-id',
      'headers.x-actor-role',
    ]);
  });

  test('when the body is not JSON, too large, or the route unknown, then it is a clear 4xx without internals', async () => {
    const broken = await fetch(`${service.url}/v1/notes`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${service.apiKey}`,
        'x-actor-id': REP,
        'x-actor-role': 'rep',
        'content-type': 'application/json',
      },
      body: '{"summary": ',
    });
    expect(broken.status).toBe(400);
    const brokenBody: any = await broken.json();
    expect(brokenBody.error.code).toBe('invalid_json');
    expect(JSON.stringify(brokenBody)).not.toMatch(/at .*\.js|node_modules/);
    const huge = await service.client.request('POST', '/v1/notes', {
      opportunityId: OPPORTUNITY.id,
      summary: 'x'.repeat(20000),
    });
    expect(huge.status).toBe(413);
    expect(huge.body.error.code).toBe('payload_too_large');
    const unknown = await service.client.request('GET', '/v1/nothing-here');
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('route_not_found');
    const badId = await service.client.request('GET', '/v1/notes/not-a-uuid');
    expect(badId.status).toBe(400);
    expect(badId.body.error.details[0].path).toBe('path.id');
  });

  test('when responses go out, then security headers are set and the request id is echoed', async () => {
    const reply = await service.client.request('GET', '/v1/prompt-sets', undefined, {
      'x-request-id': 'trace-123',
    });
    expect(reply.headers.get('x-request-id')).toBe('trace-123');
    expect(reply.headers.get('x-content-type-options')).toBe('nosniff');
    expect(reply.headers.get('x-powered-by')).toBeNull();
  });

  test('when an answer goes out, then Server-Timing carries the service time of the request', async () => {
    const started = performance.now();
    const reply = await service.client.request('POST', '/v1/score', {
      summary: 'We raised how payer consolidation will squeeze their margins; they had not considered it.',
      prompts: [],
    });
    const roundTrip = performance.now() - started;
    expect(reply.status).toBe(200);
    const timing = /^app;dur=(\d+\.\d{2})$/.exec(reply.headers.get('server-timing') ?? '');
    expect(timing).not.toBeNull();
    // the scorer ran inside the measured span, which the client's round trip contains
    expect(Number(timing![1])).toBeGreaterThan(0);
    expect(Number(timing![1])).toBeLessThanOrEqual(roundTrip);
  });

  test('when a tenant exceeds its rate, then it gets 429 with Retry-After while other tenants are unaffected', async () => {
    const noisy = await service.newTenant(`noisy-${kind}`);
    const client = makeClient(service.url, noisy.apiKey);
    let limited: Awaited<ReturnType<typeof client.request>> | undefined;
    for (let i = 0; i < 200 && !limited; i++) {
      const reply = await client.request('GET', '/v1/settings');
      if (reply.status === 429) limited = reply;
    }
    expect(limited?.status).toBe(429);
    expect(Number(limited?.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect((await service.client.request('GET', '/v1/settings')).status).toBe(200);
  });
});
