// A tenant's costly requests over real HTTP: a few run, the rest wait their turn, a full line is
// refused, and another tenant's requests never wait behind them.
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import express from 'express';
import { errorHandler } from './errors';
import { heavyRequestsPerTenant, isHeavy, LARGE_BODY_BYTES } from './heavy-requests';

describe('which requests are heavy', () => {
  const request = (method: string, path: string, headers: Record<string, string> = {}) => ({
    method,
    path,
    headers,
  });

  test('when a route costs as much as analytics or more, then it is heavy', () => {
    expect(isHeavy(request('GET', '/analytics/dashboard'))).toBe(true);
    expect(isHeavy(request('POST', '/prompt-sets/import', { 'content-length': '10' }))).toBe(true);
    expect(isHeavy(request('POST', '/rescore'))).toBe(true);
  });

  test('when a note or a draft is of ordinary length, then it is not heavy; when it is long, it is', () => {
    expect(isHeavy(request('POST', '/notes', { 'content-length': '1500' }))).toBe(false);
    expect(isHeavy(request('POST', '/score', { 'content-length': String(LARGE_BODY_BYTES) }))).toBe(false);
    expect(isHeavy(request('POST', '/score', { 'content-length': String(LARGE_BODY_BYTES + 1) }))).toBe(true);
    expect(isHeavy(request('GET', '/settings'))).toBe(false);
  });

  test('when a body comes in chunks without a length, then it is heavy', () => {
    expect(isHeavy(request('POST', '/notes', { 'transfer-encoding': 'chunked' }))).toBe(true);
  });
});

describe('heavy requests per tenant', () => {
  let server: Server;
  let url: string;
  /** requests the handler holds, by tenant, until the test lets them go */
  const held: Array<{ tenant: string; release: () => void }> = [];
  let served: string[] = [];

  beforeAll(async () => {
    const app = express();
    app.use((req, res, next) => {
      res.locals.actor = { tenantId: req.header('x-tenant') };
      next();
    });
    app.use(heavyRequestsPerTenant({ perTenant: 2, waiting: 1 }));
    app.get('/analytics/dashboard', (req, res) => {
      const tenant = req.header('x-tenant')!;
      served.push(tenant);
      held.push({ tenant, release: () => res.json({ tenant }) });
    });
    app.get('/settings', (_req, res) => res.json({ ok: true }));
    app.use(errorHandler);
    server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));
  beforeEach(() => {
    served = [];
  });

  const dashboard = (tenant: string, signal?: AbortSignal) =>
    fetch(`${url}/analytics/dashboard`, { headers: { 'x-tenant': tenant }, signal });
  const until = async (condition: () => boolean) => {
    for (let i = 0; i < 200 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 5));
    expect(condition()).toBe(true);
  };
  const releaseAll = async () => {
    while (held.length > 0) {
      held.shift()!.release();
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };

  test('when a tenant sends more than its share, then the rest wait their turn and a full line is refused', async () => {
    const first = [dashboard('b'), dashboard('b')];
    await until(() => served.length === 2);
    const third = dashboard('b');
    await new Promise((resolve) => setTimeout(resolve, 50));
    // the third waits: the handler has not seen it
    expect(served).toEqual(['b', 'b']);

    const refused = await dashboard('b');
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('1');
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('heavy_requests_waiting');

    held.shift()!.release();
    await until(() => served.length === 3);
    await releaseAll();
    expect((await Promise.all([...first, third])).map((reply) => reply.status)).toEqual([200, 200, 200]);
  });

  test("when one tenant's share is taken, then another tenant's heavy and light requests go at once", async () => {
    const busy = [dashboard('b'), dashboard('b')];
    await until(() => served.length === 2);
    const light = await fetch(`${url}/settings`, { headers: { 'x-tenant': 'b' } });
    expect(light.status).toBe(200);
    const other = dashboard('a');
    await until(() => served.includes('a'));
    await releaseAll();
    expect((await Promise.all([...busy, other])).map((reply) => reply.status)).toEqual([200, 200, 200]);
  });

  test('when a waiting client gives up, then it leaves the line and the next one takes the slot', async () => {
    const busy = [dashboard('b'), dashboard('b')];
    await until(() => served.length === 2);
    const abandon = new AbortController();
    const gaveUp = dashboard('b', abandon.signal).catch((error: Error) => error.name);
    await new Promise((resolve) => setTimeout(resolve, 50));
    abandon.abort();
    expect(await gaveUp).toBe('AbortError');
    await new Promise((resolve) => setTimeout(resolve, 50));
    // the line is empty again: one may wait, and it is served once a slot frees
    const next = dashboard('b');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(served).toEqual(['b', 'b']);
    held.shift()!.release();
    await until(() => served.length === 3);
    await releaseAll();
    expect((await Promise.all([...busy, next])).map((reply) => reply.status)).toEqual([200, 200, 200]);
  });
});
