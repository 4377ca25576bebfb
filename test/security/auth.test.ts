// Authentication beyond test/api/ops-and-auth.test.ts: every /v1 route needs a key, revoked keys
// and odd headers are refused with 401 (never a 500), keys are stored only as SHA-256 digests and
// compared in constant time, and the per-tenant rate limit's Retry-After is honest.
import { createHash } from 'node:crypto';
import crypto from 'node:crypto';
import { jest } from '@jest/globals';
import type { NextFunction, Request, Response } from 'express';
import { rateLimitPerTenant } from '../../service/src/platform/http/rate-limit';
import { digestsEqual, hashApiKey } from '../../service/src/platform/lib/api-keys';
import type { AppError } from '../../service/src/platform/lib/errors';
import { openDatabase } from '../../service/src/platform/database/database';
import { revokeApiKeys } from '../../service/src/features/tenants/repository';
import { DATABASE_KINDS } from '../helpers/databases';
import { makeClient, startTestService, type TestService } from '../helpers/service';
import { listRoutes, withQuery } from './api-surface';
import { rawRequest } from './raw-http';

describe('API key digests', () => {
  test('when digests are compared, then crypto.timingSafeEqual decides, and unequal lengths are false without throwing', () => {
    const spy = jest.spyOn(crypto, 'timingSafeEqual');
    const digest = hashApiKey('uan_some-key-0000000000');
    expect(digestsEqual(digest, digest)).toBe(true);
    expect(digestsEqual(digest, hashApiKey('uan_other-key-000000000'))).toBe(false);
    expect(spy).toHaveBeenCalledTimes(2);
    expect(digestsEqual(digest, digest.slice(0, 10))).toBe(false);
    expect(digestsEqual(digest, 'not hex at all')).toBe(false);
    spy.mockRestore();
  });
});

describe('rate limit clock', () => {
  test('when a tenant has spent its minute, then Retry-After says exactly when the next request passes', () => {
    let now = 1_000_000;
    const limit = rateLimitPerTenant(6, () => now); // one token every 10 s
    const run = (tenantId: string) => {
      const res = { locals: { actor: { tenantId } }, headers: {} as Record<string, string> };
      (res as unknown as { setHeader: (k: string, v: string) => void }).setHeader = (k, v) =>
        (res.headers[k] = v);
      let error: AppError | undefined;
      limit({} as Request, res as unknown as Response, ((e?: AppError) => (error = e)) as NextFunction);
      return { error, retryAfter: res.headers['Retry-After'] };
    };
    for (let i = 0; i < 6; i++) expect(run('t1').error).toBeUndefined();
    const refused = run('t1');
    expect(refused.error?.status).toBe(429);
    expect(refused.retryAfter).toBe('10');
    expect(run('t2').error).toBeUndefined();
    now += 9_000;
    expect(run('t1').error?.status).toBe(429);
    now += 1_000;
    expect(run('t1').error).toBeUndefined();
  });
});

describe.each(DATABASE_KINDS)('authentication on %s', (kind) => {
  let service: TestService;

  beforeAll(async () => {
    service = await startTestService(kind, { rateLimitPerMinute: 120 });
  });
  afterAll(async () => {
    await service.close();
  });

  test('when any /v1 route is called without a key, then it is 401 before anything else happens', async () => {
    const routes = await listRoutes(service.url);
    expect(routes.length).toBeGreaterThan(20);
    for (const route of routes) {
      const path = withQuery(route.path.replace(/\{\w+\}/g, '00000000-0000-4000-8000-000000000000'));
      const reply = await fetch(`${service.url}${path}`, {
        method: route.method,
        headers: { 'content-type': 'application/json', 'x-actor-id': 'x', 'x-actor-role': 'salesops' },
        body: route.method === 'GET' || route.method === 'DELETE' ? undefined : '{}',
      });
      expect([`${route.method} ${route.path}`, reply.status]).toEqual([`${route.method} ${route.path}`, 401]);
    }
  });

  test('when a key is revoked without a replacement, then it is refused at once', async () => {
    const tenant = await service.newTenant(`revoked-${kind}`);
    const client = makeClient(service.url, tenant.apiKey);
    expect((await client.request('GET', '/v1/settings')).status).toBe(200);
    expect(await revokeApiKeys(service.db, tenant.tenantId)).toBe(1);
    const refused = await client.request('GET', '/v1/settings');
    expect(refused.status).toBe(401);
    expect(refused.body.error).toEqual({
      code: 'unauthorized',
      message: 'the API key is not valid',
      details: [],
    });
  });

  // embedded PGlite belongs to one process: only a Postgres database has writers elsewhere
  if (kind === 'postgres') {
    test('when another process revokes a key, then this one refuses it within the 2 s the key lookup is kept', async () => {
      const tenant = await service.newTenant(`revoked-elsewhere-${kind}`);
      const client = makeClient(service.url, tenant.apiKey);
      expect((await client.request('GET', '/v1/settings')).status).toBe(200);
      // a second connection pool writing directly, as the CLI or another instance would
      const elsewhere = await openDatabase(service.target);
      try {
        await elsewhere
          .updateTable('api_keys')
          .set({ revoked_at: new Date() })
          .where('tenant_id', '=', tenant.tenantId)
          .execute();
      } finally {
        await elsewhere.destroy();
      }
      const revokedAt = Date.now();
      let status = 200;
      while (status === 200 && Date.now() - revokedAt < 5_000) {
        status = (await client.request('GET', '/v1/settings')).status;
        if (status === 200) await new Promise((resolve) => setTimeout(resolve, 50));
      }
      expect(status).toBe(401);
      expect(Date.now() - revokedAt).toBeLessThan(2_500);
    });
  }

  test('when the Authorization header is odd, then it is 401 and never a 500', async () => {
    const odd = [
      'Bearer',
      'Bearer ',
      `Bearer ${service.apiKey} extra`,
      `Bearer ${service.apiKey.slice(0, -1)}`,
      `Bearer ${service.apiKey}x`,
      `Bearer ${'a'.repeat(8000)}`,
      'Bearer uan_ключ-не-ascii-000000000',
      'Bearer \u0000\u0001',
      `Token ${service.apiKey}`,
      `Basic ${Buffer.from(`user:${service.apiKey}`).toString('base64')}`,
    ];
    const answers = [];
    for (const authorization of odd) {
      const reply = await rawRequest(service.url, 'GET', '/v1/settings', {
        authorization,
        'x-actor-id': 'x',
        'x-actor-role': 'rep',
      });
      answers.push([authorization.slice(0, 30), reply.status]);
    }
    // control characters never reach the app: Node's HTTP parser refuses the request with a 400
    const hasControl = (header: string) => [...header].some((c) => c.charCodeAt(0) < 0x20);
    const expected = (header: string) => (hasControl(header) ? 400 : 401);
    expect(answers).toEqual(odd.map((header) => [header.slice(0, 30), expected(header)]));
    // the scheme is case-insensitive, as RFC 7235 says
    const lower = await rawRequest(service.url, 'GET', '/v1/settings', {
      authorization: `bearer ${service.apiKey}`,
      'x-actor-id': 'x',
      'x-actor-role': 'rep',
    });
    expect(lower.status).toBe(200);
  });

  test('when keys are stored, then only their SHA-256 digest and a short hint are kept', async () => {
    const tenant = await service.newTenant(`stored-${kind}`);
    const rows = await service.db
      .selectFrom('api_keys')
      .selectAll()
      .where('tenant_id', '=', tenant.tenantId)
      .execute();
    expect(rows).toHaveLength(1);
    const row = rows[0]!;
    expect(row.key_hash).toBe(createHash('sha256').update(tenant.apiKey).digest('hex'));
    expect(row.hint).toBe(tenant.apiKey.slice(0, 10));
    const everything = JSON.stringify(await service.db.selectFrom('api_keys').selectAll().execute()).concat(
      JSON.stringify(await service.db.selectFrom('tenants').selectAll().execute()),
    );
    expect(everything).not.toContain(tenant.apiKey);
    expect(everything).not.toContain(service.apiKey);
  });

  test('when a tenant is rate limited, then every route answers 429 with Retry-After and a JSON error until it passes', async () => {
    const tenant = await service.newTenant(`limited-${kind}`);
    const client = makeClient(service.url, tenant.apiKey);
    let limited;
    for (let i = 0; i < 400 && !limited; i++) {
      const reply = await client.request('GET', '/v1/prompt-sets');
      if (reply.status === 429) limited = reply;
    }
    expect(limited?.body.error.code).toBe('rate_limited');
    const retryAfter = Number(limited?.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    const onOtherRoute = await client.request('POST', '/v1/score', { summary: 'x' });
    expect(onOtherRoute.status).toBe(429);
    await new Promise((resolve) => setTimeout(resolve, retryAfter * 1000 + 100));
    expect((await client.request('GET', '/v1/prompt-sets')).status).toBe(200);
  });
});
