// The local preview acts with the demo tenant's key: only the developer who started it may use it.
import express from 'express';
import { request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createLogger } from '../../../service/src/platform/logger';
import { previewRouter } from './router';

const TOKEN = 'this-start-only-token-0123456789abcdef';
let server: Server;
let port: number;
let upstreamCalls = 0;

beforeAll(async () => {
  const app = express();
  app.use(
    previewRouter({
      apiKey: 'uan_demo-key-that-must-stay-on-the-server',
      token: TOKEN,
      logger: createLogger('silent'),
      buildDir: '/nonexistent',
      status: () => ({ state: 'ready' }),
      // the bridge's callout: counted, never answered with data
      serviceUrl: () => {
        upstreamCalls++;
        return 'http://127.0.0.1:9';
      },
      timeoutMs: 500,
    }),
  );
  server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** A raw request, so the Host header can be what a rebinding page would send. */
function send(method: string, path: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; headers: Record<string, unknown>; body: string }>(
    (resolve, reject) => {
      const req = httpRequest(
        {
          host: '127.0.0.1',
          port,
          method,
          path,
          headers: { host: `127.0.0.1:${port}`, 'content-type': 'application/json', ...headers },
        },
        (res) => {
          let body = '';
          res.on('data', (chunk: Buffer) => (body += chunk.toString()));
          res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }));
        },
      );
      req.on('error', reject);
      req.end(
        method === 'POST'
          ? JSON.stringify({ params: {}, actor: { userId: '005000000000009AAA', role: 'salesops' } })
          : undefined,
      );
    },
  );
}

const ROUTES: Array<[string, string]> = [
  ['GET', '/'],
  ['GET', '/preview/status'],
  ['GET', '/preview/context'],
  ['GET', '/preview/records/006000000000001AAA'],
  ['GET', '/assets/styles/salesforce-lightning-design-system.min.css'],
  ['POST', '/preview/apex/getSettings'],
];
const cookie = () => ({ cookie: `uan_preview_${port}=${TOKEN}` });

describe('access to the local preview', () => {
  test('when a request carries no token, then every preview route refuses it and the bridge calls nothing', async () => {
    for (const [method, path] of ROUTES) {
      const reply = await send(method, path);
      expect({ path, status: reply.status }).toEqual({ path, status: 403 });
      expect(reply.body).toMatch(/link npm start printed/);
    }
    for (const wrong of [`uan_preview_${port}=${TOKEN}x`, `uan_preview_${port + 1}=${TOKEN}`])
      expect((await send('GET', '/preview/context', { cookie: wrong })).status).toBe(403);
    expect(upstreamCalls).toBe(0);
  });

  test('when the Host is not loopback (DNS rebinding), then even the right token is refused', async () => {
    for (const host of [
      `rebind.example:${port}`,
      `127.0.0.1.rebind.example:${port}`,
      '127.0.0.1',
      `127.0.0.1:${port + 1}`,
    ]) {
      for (const [method, path] of ROUTES) {
        const reply = await send(method, path, { host, ...cookie() });
        expect({ host, path, status: reply.status }).toEqual({ host, path, status: 403 });
      }
      expect((await send('GET', `/?token=${TOKEN}`, { host })).headers['set-cookie']).toBeUndefined();
    }
    expect(upstreamCalls).toBe(0);
  });

  test('when the printed link is opened, then a cookie for this port replaces the token in the address', async () => {
    expect((await send('GET', '/?token=not-the-token')).status).toBe(403);
    const entry = await send('GET', `/?token=${TOKEN}`);
    expect(entry.status).toBe(303);
    expect(entry.headers.location).toBe('/');
    const [setCookie] = entry.headers['set-cookie'] as string[];
    expect(setCookie).toMatch(new RegExp(`^uan_preview_${port}=${TOKEN};`));
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Strict/);
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`]) {
      const reply = await send('GET', '/preview/context', { host, ...cookie() });
      expect({ host, status: reply.status }).toEqual({ host, status: 200 });
    }
    const apex = await send('POST', '/preview/apex/getSettings', cookie());
    expect(upstreamCalls).toBe(1);
    expect(JSON.parse(apex.body).body.message).toMatch(/did not answer|could not be reached/);
  });
});
