// When a newcomer runs `npm start` (upatnight serve): the demo tenant is seeded, its key printed,
// data survives restarts (also with the same DEMO_API_KEY each time), and production refuses to guess where its data lives.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ensureBuilt } from '../helpers/build-output';
import { createPostgresDatabase } from '../helpers/databases';
import { makeClient } from '../helpers/service';
import { spawnService } from '../helpers/spawn-service';

const DEMO_OPP = '006000000000001AAA';
let dataDir: string;
// three real starts (a new data directory is seeded, the preview may build in the background)
const STARTS_MS = 300_000;

beforeAll(() => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'upatnight-start-'));
});
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

async function demoState(url: string, apiKey: string) {
  const rep = makeClient(url, apiKey, '005000000000001AAA', 'rep');
  const sets = await rep.request('GET', '/v1/prompt-sets');
  const notes = await rep.request('GET', `/v1/opportunities/${DEMO_OPP}/notes`);
  const panel = await rep.request('POST', `/v1/opportunities/${DEMO_OPP}/panel`, {
    opportunity: {
      id: DEMO_OPP,
      industry: 'Healthcare',
      stage: 'Needs Analysis',
      accountName: 'St. Agnes Health',
    },
  });
  return { sets: sets.body.items, notes: notes.body.items, panel: panel.body };
}

test(
  'when the service starts on a new data directory, then it seeds the demo tenant and prints a working key; a restart keeps the data',
  async () => {
    const first = await spawnService({ DATA_DIR: dataDir });
    try {
      expect(first.apiKey).toMatch(/^uan_/);
      expect((await fetch(`${first.url}/healthz`)).status).toBe(200);
      const state = await demoState(first.url, first.apiKey!);
      expect(state.sets).toHaveLength(1);
      expect(state.sets[0].versions[0].status).toBe('published');
      expect(state.sets[0].versions[0].promptCount).toBeGreaterThanOrEqual(90);
      expect(state.notes.length).toBeGreaterThan(0);
      expect(state.notes.every((n: { score: unknown }) => n.score !== null)).toBe(true);
      expect(state.panel.prompts.length).toBeGreaterThanOrEqual(3);
      expect(state.panel.prompts[0].provocation).not.toContain('{Account.Name}');
      expect(state.panel.summary.noteCount).toBe(state.notes.length);
    } finally {
      expect(await first.stop()).toBe(0);
    }

    const chosenKey = 'uan_demo-key-chosen-by-the-developer';
    const second = await spawnService({ DATA_DIR: dataDir, DEMO_API_KEY: chosenKey });
    try {
      expect(second.apiKey).toBe(chosenKey);
      const state = await demoState(second.url, chosenKey);
      expect(state.sets).toHaveLength(1);
      const firstRunNotes = state.notes.length;
      expect(firstRunNotes).toBeGreaterThan(0);
      expect((await makeClient(second.url, first.apiKey!).request('GET', '/v1/prompt-sets')).status).toBe(
        401,
      );
    } finally {
      expect(await second.stop()).toBe(0);
    }

    // the README's recommended setup: the same DEMO_API_KEY on every start
    const third = await spawnService({ DATA_DIR: dataDir, DEMO_API_KEY: chosenKey });
    try {
      expect(third.apiKey).toBe(chosenKey);
      expect((await demoState(third.url, chosenKey)).sets).toHaveLength(1);
    } finally {
      expect(await third.stop()).toBe(0);
    }
  },
  STARTS_MS,
);

test(
  'when DATABASE_URL names a Postgres server, then the same start works there',
  async () => {
    const url = await createPostgresDatabase();
    const service = await spawnService({ DATABASE_URL: url, DATA_DIR: '' });
    try {
      const state = await demoState(service.url, service.apiKey!);
      expect(state.notes.length).toBeGreaterThan(0);
    } finally {
      await service.stop();
    }
  },
  STARTS_MS,
);

test('when production mode has no database configured, then it exits naming the variable', async () => {
  await ensureBuilt();
  const result = spawnSync(
    process.execPath,
    [path.resolve(__dirname, '../../scripts/upatnight.cjs'), 'serve'],
    {
      env: { ...process.env, NODE_OPTIONS: '', NODE_ENV: 'production', DATA_DIR: '', DATABASE_URL: '' },
      encoding: 'utf8',
    },
  );
  expect(result.status).not.toBe(0);
  expect(result.stderr).toMatch(/DATABASE_URL/);
});
