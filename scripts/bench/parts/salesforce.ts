// Salesforce API economy, measured against the local Salesforce fake (no real org is reachable):
// calls to write 1,000 roll-ups, to sync 10,000 changed opportunities incrementally, and to
// backfill an org of 200,000 opportunities. OAuth token requests are not API calls and not counted.
import { randomBytes } from 'node:crypto';
import { openDatabase, type Db } from '../../../service/src/platform/database/database';
import { createLogger } from '../../../service/src/platform/logger';
import { createTenant } from '../../../service/src/features/tenants';
import { createNote } from '../../../service/src/features/notes';
import { defaultSettings } from '../../../service/src/features/settings';
import { ConnectionFactory, connectOrg, SalesforceWorker } from '../../../service/src/features/salesforce';
import { startSalesforceFake, type SalesforceFake } from '../../../test/salesforce-fake';
import type { BenchFigures } from './index';

const SECRETS_KEY = randomBytes(32);
const API = /\/services\/data\//;

async function connectedTenant(
  db: Db,
  fake: SalesforceFake,
): Promise<{ tenantId: string; worker: SalesforceWorker }> {
  fake.registerClient({ clientId: 'bench', clientSecret: 'bench-secret' });
  const slug = `bench-${randomBytes(3).toString('hex')}`;
  const { tenant } = await createTenant(db, { slug, name: slug, withDefaultLibrary: false });
  await connectOrg(
    db,
    { secretsKey: SECRETS_KEY, allowPasswordFlow: false, allowLocalOrg: true },
    tenant.id,
    {
      loginUrl: fake.url,
      auth: { flow: 'client_credentials', clientId: 'bench', clientSecret: 'bench-secret' },
      // the bench measures calls, not the budget
      budgetShare: 0.5,
    },
  );
  const worker = new SalesforceWorker(
    db,
    new ConnectionFactory(db, { secretsKey: SECRETS_KEY, endpoints: { allowLocalOrg: true } }),
    createLogger('silent'),
    {
      maxBatchesPerTick: 1000,
      sync: { lagMs: 0, bulkPollIntervalMs: 50 },
    },
  );
  return { tenantId: tenant.id, worker };
}

async function rollupCalls(db: Db): Promise<number> {
  const fake = await startSalesforceFake({ dailyLimit: 10_000_000 });
  try {
    fake.org.generate({ opportunities: 1000, users: 10 });
    const { tenantId, worker } = await connectedTenant(db, fake);
    await db
      .updateTable('salesforce_sync_schedules')
      .set({ next_run_at: new Date(Date.now() + 86400_000) })
      .execute();
    const actor = { tenantId, userId: '005000000000001AAA', role: 'rep' as const };
    for (const opportunityId of fake.org.table('Opportunity').keys()) {
      await createNote(
        db,
        actor,
        { opportunityId, summary: 'They asked how the tariff changes hit their margins.', prompts: [] },
        defaultSettings(),
      );
    }
    await worker.runTenant(tenantId);
    if (fake.writes.length !== 1000)
      throw new Error(`expected 1000 roll-ups written, got ${fake.writes.length}`);
    return fake.callCount(API);
  } finally {
    await fake.stop();
  }
}

async function syncCalls(
  db: Db,
  opportunities: number,
  changed: number,
): Promise<{ first: number; incremental: number }> {
  const fake = await startSalesforceFake({ dailyLimit: 10_000_000 });
  try {
    fake.org.generate({ opportunities, users: 200 });
    const { tenantId, worker } = await connectedTenant(db, fake);
    await worker.syncNow(tenantId);
    const first = fake.callCount(API);
    fake.org.now += 3600_000;
    for (const opp of [...fake.org.table('Opportunity').values()].slice(0, changed)) {
      fake.org.update('Opportunity', opp.Id, { StageName: 'Closed Won', IsClosed: true, IsWon: true });
    }
    await worker.syncNow(tenantId);
    return { first, incremental: fake.callCount(API) - first };
  } finally {
    await fake.stop();
  }
}

export async function runSalesforceBench(): Promise<BenchFigures> {
  const db = await openDatabase({ kind: 'pglite', durability: 'relaxed' });
  try {
    const perThousand = await rollupCalls(db);
    const incremental = await syncCalls(db, 10_000, 10_000);
    const backfill = await syncCalls(db, 200_000, 0);
    return {
      'salesforce.apiCallsPer1000Rollups': perThousand,
      'salesforce.apiCallsIncremental10k': incremental.incremental,
      'salesforce.apiCallsBackfill200k': backfill.first,
    };
  } finally {
    await db.destroy();
  }
}
