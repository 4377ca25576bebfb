// Graceful shutdown: SIGTERM during write load lets in-flight requests finish, exits 0 and loses
// nothing (every request either got its 201 and the note is stored once, or never connected).
// Then, on the restarted process: the same Idempotency-Key from several concurrent clients
// creates one note.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { jest } from '@jest/globals';
import type { DatabaseTarget } from '../../service/src/platform/database/database';
import { createPostgresDatabase, DATABASE_KINDS } from '../helpers/databases';
import { makeClient } from '../helpers/service';
import {
  createTenantIn,
  databaseEnv,
  startServiceProcess,
  type ServiceProcess,
} from '../helpers/service-process';
import { lossesAndDuplicates, noteFor, startWriteLoad, storedNotes } from './load';

const OPPORTUNITY_ID = '006000000000088AAA';
jest.setTimeout(180_000);

describe.each(DATABASE_KINDS)('a service process on %s', (kind) => {
  let target: DatabaseTarget;
  let apiKey: string;
  let restarted: ServiceProcess | undefined;

  beforeAll(async () => {
    target =
      kind === 'postgres'
        ? { kind: 'postgres', url: await createPostgresDatabase() }
        : { kind: 'pglite', dataDir: mkdtempSync(path.join(os.tmpdir(), 'upatnight-shutdown-')) };
    apiKey = await createTenantIn(target, 'draining');
  });
  afterAll(async () => {
    await restarted?.stop();
    if (target.kind === 'pglite' && target.dataDir) rmSync(target.dataDir, { recursive: true, force: true });
  });

  test('when SIGTERM arrives during write load, then in-flight requests finish, it exits 0 and nothing is lost', async () => {
    const service = await startServiceProcess(databaseEnv(target));
    const load = startWriteLoad(service.url, apiKey, OPPORTUNITY_ID, 6);
    while (load.acked.size < 30) await new Promise((resolve) => setTimeout(resolve, 20));
    const signalled = Date.now();
    const exit = await service.stop('SIGTERM');
    const drainMs = Date.now() - signalled;
    await load.done;
    expect(exit).toEqual({ code: 0, signal: null });
    expect(service.output()).not.toMatch(/drain timed out|shutdown failed/);
    expect(load.unexpected).toEqual([]); // no 5xx (or anything but 201) while draining
    restarted = await startServiceProcess(databaseEnv(target));
    const stored = await storedNotes(restarted.url, apiKey, OPPORTUNITY_ID);
    console.log(
      `SIGTERM on ${kind}: drained in ${drainMs} ms; ${load.acked.size} acknowledged, ${load.unknown.size} refused at connect or cut, ${stored.length} stored`,
    );
    expect(lossesAndDuplicates(load, stored)).toEqual([]);
  });

  test('when several clients send the same Idempotency-Key at once, then one note is created and all see it', async () => {
    const url = restarted!.url;
    const body = noteFor(OPPORTUNITY_ID, `idem-${kind}`);
    const replies = await Promise.all(
      Array.from({ length: 8 }, () =>
        makeClient(url, apiKey).request('POST', '/v1/notes', body, {
          'idempotency-key': `concurrent-${kind}`,
        }),
      ),
    );
    const created = replies.filter((r) => r.status === 201);
    // a request that overlaps the first one's transaction may be told to retry (409), never duplicated
    expect(replies.every((r) => r.status === 201 || r.body?.error?.code === 'idempotency_in_progress')).toBe(
      true,
    );
    expect(new Set(created.map((r) => r.body.id)).size).toBe(1);
    const stored = await storedNotes(url, apiKey, OPPORTUNITY_ID);
    expect(stored.filter((n) => n.summary.includes(`idem-${kind}:`))).toHaveLength(1);
  });
});
