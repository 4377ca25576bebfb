// Nothing acknowledged is lost: under a steady load of note writes, `kill -9` the service (a real
// `upatnight serve` process), restart it on the same data and check that every note answered 201
// is there exactly once — on Postgres and on embedded PGlite in both durability settings.
// SOAK=1 (npm run test:soak) kills it five times under longer load.
import { mkdtempSync, rmSync } from 'node:fs';
import { jest } from '@jest/globals';
import os from 'node:os';
import path from 'node:path';
import type { DatabaseTarget } from '../../service/src/platform/database/database';
import { createPostgresDatabase } from '../helpers/databases';
import { createTenantIn, databaseEnv, startServiceProcess } from '../helpers/service-process';
import { lossesAndDuplicates, startWriteLoad, storedNotes, type WriteLoad } from './load';

const SOAK = process.env.SOAK === '1';
const ROUNDS = SOAK ? 5 : 1;
const MIN_LOAD_MS = SOAK ? 5_000 : 1_000;
const MIN_ACKS = SOAK ? 200 : 40;
const OPPORTUNITY_ID = '006000000000077AAA';
jest.setTimeout(SOAK ? 900_000 : 180_000);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs the load until it has lasted long enough and had enough notes acknowledged (bounded). */
async function loadFor(load: WriteLoad): Promise<void> {
  const started = Date.now();
  while (
    (Date.now() - started < MIN_LOAD_MS || load.acked.size < MIN_ACKS) &&
    Date.now() - started < 60_000
  ) {
    await sleep(50);
  }
}

const pglite = (durability: 'safe' | 'relaxed') => async (): Promise<DatabaseTarget> => ({
  kind: 'pglite',
  dataDir: mkdtempSync(path.join(os.tmpdir(), `upatnight-durability-${durability}-`)),
  durability,
});

const CASES: [string, () => Promise<DatabaseTarget>][] = [
  ['Postgres', async () => ({ kind: 'postgres', url: await createPostgresDatabase() })],
  ['PGlite, PGLITE_DURABILITY=safe (the default)', pglite('safe')],
  // relaxed changes nothing on Node's file system (see docs/operations.md), so only the soak run repeats it
  ...(SOAK
    ? [['PGlite, PGLITE_DURABILITY=relaxed', pglite('relaxed')] as [string, () => Promise<DatabaseTarget>]]
    : []),
];

test.each(CASES)(
  'when the service is killed with SIGKILL under write load on %s, then every acknowledged note is there exactly once',
  async (name, makeTarget) => {
    const target = await makeTarget();
    try {
      const apiKey = await createTenantIn(target, 'durable');
      const all = { acked: new Map<string, string>(), unknown: new Set<string>() };
      for (let round = 0; round < ROUNDS; round++) {
        const service = await startServiceProcess(databaseEnv(target));
        const load = startWriteLoad(service.url, apiKey, OPPORTUNITY_ID);
        await loadFor(load);
        service.child.kill('SIGKILL');
        expect((await service.exited).signal).toBe('SIGKILL');
        await load.done;
        expect(load.unexpected).toEqual([]);
        load.acked.forEach((id, token) => all.acked.set(token, id));
        load.unknown.forEach((token) => all.unknown.add(token));
      }
      const restarted = await startServiceProcess(databaseEnv(target));
      try {
        const stored = await storedNotes(restarted.url, apiKey, OPPORTUNITY_ID);
        console.log(
          `kill -9 on ${name}: ${ROUNDS} kill(s), ${all.acked.size} notes acknowledged, ${all.unknown.size} in flight at the kill, ${stored.length} stored`,
        );
        expect(lossesAndDuplicates(all, stored)).toEqual([]);
        expect(all.acked.size).toBeGreaterThanOrEqual(MIN_ACKS);
      } finally {
        await restarted.stop();
      }
    } finally {
      if (target.kind === 'pglite' && target.dataDir)
        rmSync(target.dataDir, { recursive: true, force: true });
    }
  },
);
