// Two service instances over one Postgres database: their workers drain the same outbox at the same
// time and never send the same roll-up twice (row leases taken with FOR UPDATE SKIP LOCKED).
import { openDatabase, type Db } from '../../service/src/platform/database/database';
import { createPostgresDatabase } from '../helpers/databases';
import type { SalesforceFake } from '../salesforce-fake';
import { connect, logNote, newTenant, newWorker, outboxRows, postponeSync, startFake } from './harness';

describe('two instances on one Postgres', () => {
  let first: Db;
  let second: Db;
  let fake: SalesforceFake;

  beforeAll(async () => {
    const url = await createPostgresDatabase();
    first = await openDatabase({ kind: 'postgres', url });
    second = await openDatabase({ kind: 'postgres', url });
    fake = await startFake();
    fake.org.generate({ opportunities: 900, users: 5 });
  });
  afterAll(async () => {
    await fake.stop();
    await first.destroy();
    await second.destroy();
  });

  test('when both workers run at once, then every roll-up is written exactly once', async () => {
    const tenantId = await newTenant(first);
    await connect(first, fake, tenantId);
    await postponeSync(first, tenantId);
    const opps = [...fake.org.table('Opportunity').keys()];
    for (const opp of opps) await logNote(first, tenantId, opp);
    // slow answers keep both workers inside a batch at the same time
    fake.inject('slow', { times: 1000, match: /composite/, delayMs: 100 });

    const a = newWorker(first, { outbox: { batchSize: 50 } });
    const b = newWorker(second, { outbox: { batchSize: 50 } });
    const reports = await Promise.all([a.runTenant(tenantId), b.runTenant(tenantId)]);

    expect(reports[0]!.written).toBeGreaterThan(0);
    expect(reports[1]!.written).toBeGreaterThan(0);
    expect(reports[0]!.written + reports[1]!.written).toBe(900);
    expect(fake.writes).toHaveLength(900);
    expect(new Set(fake.writes.map((w) => w.id)).size).toBe(900);
    expect(await outboxRows(first, tenantId)).toEqual([]);
  });
});
