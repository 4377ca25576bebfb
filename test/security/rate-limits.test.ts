// Rate limits that hold against a flood: per connecting address before the API key is even looked
// at, and in tokens that expensive routes spend faster than cheap ones.
import { startTestService, type TestService } from '../helpers/service';

describe('rate limit per address, in front of authentication', () => {
  let service: TestService;

  beforeAll(async () => {
    service = await startTestService('pglite', {
      rateLimitPerAddressPerMinute: 30,
      rateLimitPerMinute: 1_000_000,
    });
  });
  afterAll(() => service.close());

  test('when an address floods with bad keys, then it gets 429 with Retry-After before any key lookup', async () => {
    const statuses: number[] = [];
    let refused: Response | undefined;
    for (let i = 0; i < 40 && !refused; i++) {
      const reply = await fetch(`${service.url}/v1/settings`, {
        headers: { authorization: 'Bearer not-a-key' },
      });
      statuses.push(reply.status);
      if (reply.status === 429) refused = reply;
    }
    expect(statuses.slice(0, 30).every((s) => s === 401)).toBe(true);
    expect(refused?.status).toBe(429);
    expect(Number(refused?.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    const body = (await refused!.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('rate_limited_address');
    expect(body.error.message).toMatch(/too many requests from this address: retry in \d+ s/);
    // a valid key from the same address waits too: the limit is the address's
    expect((await service.client.request('GET', '/v1/settings')).status).toBe(429);
  });
});

describe('rate limit per address behind a load balancer', () => {
  const flood = async (url: string, forwardedFor: string) => {
    for (let served = 0; served < 40; served++) {
      const reply = await fetch(`${url}/v1/settings`, {
        headers: { authorization: 'Bearer not-a-key', 'x-forwarded-for': forwardedFor },
      });
      if (reply.status === 429) return served;
    }
    return Infinity;
  };

  test('when the proxy is trusted, then each client address named in X-Forwarded-For has its own allowance', async () => {
    const service = await startTestService('pglite', {
      rateLimitPerAddressPerMinute: 30,
      trustProxy: 'loopback',
    });
    try {
      // 30 a minute, and half a token a second refills while a flood runs
      expect(await flood(service.url, '203.0.113.1')).toBeGreaterThanOrEqual(30);
      expect(await flood(service.url, '203.0.113.2')).toBeGreaterThanOrEqual(30);
    } finally {
      await service.close();
    }
  });

  test('when no proxy is trusted, then X-Forwarded-For is ignored and cannot step around the limit', async () => {
    const service = await startTestService('pglite', { rateLimitPerAddressPerMinute: 30 });
    try {
      expect(await flood(service.url, '203.0.113.1')).toBeGreaterThanOrEqual(30);
      // the same bucket: at most what refilled since the first flood was refused
      expect(await flood(service.url, '203.0.113.2')).toBeLessThanOrEqual(1);
    } finally {
      await service.close();
    }
  });
});

describe('expensive routes cost more of a tenant’s allowance', () => {
  let service: TestService;

  beforeAll(async () => {
    service = await startTestService('pglite', { rateLimitPerMinute: 60 });
  });
  afterAll(() => service.close());

  const spendUntilRefused = async (
    tenant: string,
    request: (c: TestService['client']) => Promise<number>,
  ) => {
    const { apiKey } = await service.newTenant(tenant);
    const client = service.clientFor(apiKey, '005000000000S00AAA', 'salesops');
    for (let served = 0; served < 100; served++) if ((await request(client)) === 429) return served;
    return Infinity;
  };

  test('when a tenant calls the dashboard, then it is refused after a sixth of the cheap calls', async () => {
    const cheap = await spendUntilRefused(
      'cheap',
      async (c) => (await c.request('GET', '/v1/settings')).status,
    );
    const dashboards = await spendUntilRefused(
      'dashboards',
      async (c) => (await c.request('GET', '/v1/analytics/dashboard')).status,
    );
    const scores = await spendUntilRefused(
      'scores',
      async (c) => (await c.request('POST', '/v1/score', { summary: 'Raised tariffs with the CFO.' })).status,
    );
    // 60 tokens a minute, refilled by one a second while the loop runs
    expect(cheap).toBeGreaterThanOrEqual(60);
    expect(dashboards).toBeGreaterThanOrEqual(6);
    expect(dashboards).toBeLessThanOrEqual(7);
    expect(scores).toBeGreaterThanOrEqual(12);
    expect(scores).toBeLessThanOrEqual(13);
  });

  test('when a rescore costs more than is left, then Retry-After says when it will fit', async () => {
    const { apiKey } = await service.newTenant('rescorer');
    const ops = service.clientFor(apiKey, '005000000000S00AAA', 'salesops');
    expect((await ops.request('POST', '/v1/rescore')).status).toBe(202);
    const refused = await ops.request('POST', '/v1/rescore');
    expect(refused.status).toBe(429);
    // the whole minute's allowance (60 tokens; a rescore's 50 is capped at it) refills in a minute
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(40);
  });
});
