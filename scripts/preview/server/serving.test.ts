// The preview is a development feature: `npm start` (development) mounts it; production does not
// serve any of it, not the page, the bundle, the assets nor the Apex bridge.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startService, type RunningService } from '../../../service/src/index';
import { loadConfig } from '../../../service/src/config';
import { startOptions } from '../../cli/commands/serve';

jest.setTimeout(120_000);

const PREVIEW_PATHS = [
  ['GET', '/'],
  ['GET', '/preview/status'],
  ['GET', '/preview/context'],
  ['GET', '/preview/app/main.js'],
  ['GET', '/assets/styles/salesforce-lightning-design-system.min.css'],
  ['POST', '/preview/apex/getSettings'],
] as const;

// one data directory: development creates and seeds it, production reopens it (much faster than a new one)
let dataDir: string;
beforeAll(() => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'upatnight-preview-serving-'));
});
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

async function withService(env: Record<string, string>, check: (service: RunningService) => Promise<void>) {
  const config = loadConfig({
    DATA_DIR: dataDir,
    PORT: '0',
    LOG_LEVEL: 'silent',
    PGLITE_DURABILITY: 'relaxed',
    ...env,
  });
  // as `upatnight serve` starts it
  const service = await startService(config, startOptions(config));
  try {
    await check(service);
  } finally {
    await service.stop();
  }
}

/** The cookie a browser gets by opening the printed preview link. */
async function previewCookie(service: RunningService): Promise<string> {
  expect(service.previewUrl).toMatch(new RegExp(`^${service.url}/\\?token=[\\w-]{32}$`));
  const entry = await fetch(service.previewUrl!, { redirect: 'manual' });
  expect(entry.status).toBe(303);
  return entry.headers.get('set-cookie')!.split(';')[0]!;
}

const request = (service: RunningService, method: string, p: string, cookie = '') =>
  fetch(`${service.url}${p}`, {
    method,
    headers: {
      ...(method === 'POST' ? { 'content-type': 'application/json' } : {}),
      ...(cookie ? { cookie } : {}),
    },
    body:
      method === 'POST'
        ? JSON.stringify({ params: {}, actor: { userId: '005000000000009AAA', role: 'salesops' } })
        : undefined,
  });

test('when the service runs in development, then the preview is mounted and its Apex bridge reaches the service', async () => {
  await withService({ NODE_ENV: 'development' }, async (service) => {
    expect((await request(service, 'GET', '/preview/context')).status).toBe(403);
    const cookie = await previewCookie(service);
    const status = (await (await request(service, 'GET', '/preview/status', cookie)).json()) as {
      state: string;
    };
    expect(['ready', 'building', 'failed']).toContain(status.state);
    expect((await request(service, 'GET', '/preview/context', cookie)).status).toBe(200);
    const settings = await request(service, 'POST', '/preview/apex/getSettings', cookie);
    expect(settings.status).toBe(200);
    const { returnValue } = (await settings.json()) as { returnValue: unknown };
    expect(returnValue).toHaveProperty('weights');
  });
});

test('when the service runs in production, then no preview route answers', async () => {
  await withService({ NODE_ENV: 'production' }, async (service) => {
    expect(service.previewUrl).toBeUndefined();
    for (const [method, p] of PREVIEW_PATHS) {
      const response = await request(service, method, p);
      expect({ path: p, status: response.status }).toEqual({ path: p, status: 404 });
    }
  });
});
