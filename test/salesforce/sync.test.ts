// Outcomes and users in: the first sync reads everything (Bulk API 2.0 for a large org), later syncs
// only what changed since the SystemModstamp watermark, paging through nextRecordsUrl.
import { DATABASE_KINDS } from '../helpers/databases';
import { useTestDatabase } from '../helpers/use-test-database';
import { findOpportunity } from '../../service/src/features/opportunities/repository';
import { listUsers, reportsOf } from '../../service/src/features/users/repository';
import type { SalesforceFake } from '../salesforce-fake';
import { connect, newTenant, newWorker, startFake } from './harness';

const QUERY = /GET .*\/query(\/.*)?$/;
const BULK = /\/jobs\/query/;

describe.each(DATABASE_KINDS)('sync on %s', (kind) => {
  const database = useTestDatabase(kind);
  let fake: SalesforceFake;
  let tenantId: string;

  beforeEach(async () => {
    tenantId = await newTenant(database.db);
  });
  afterEach(async () => {
    await fake.stop();
  });

  test('when a small org syncs, then query pages are followed, then only changes are read again', async () => {
    fake = await startFake({ queryPageSize: 20 });
    fake.org.generate({ opportunities: 50, users: 12 });
    await connect(database.db, fake, tenantId);
    const worker = newWorker(database.db);

    const first = await worker.syncNow(tenantId);
    expect(first.map((r) => [r.sobject, r.mode, r.records])).toEqual([
      ['User', 'query', 12],
      ['Opportunity', 'query', 50],
    ]);
    // a COUNT() and one page for users; a COUNT(), a first page and two queryMore for opportunities
    expect(fake.callCount(QUERY)).toBe(2 + 4);
    const opp = [...fake.org.table('Opportunity').values()][7]!;
    expect(await findOpportunity(database.db, tenantId, opp.Id)).toEqual({
      id: opp.Id,
      name: opp.Name,
      stage: opp.StageName,
      amount: opp.Amount,
      closeDate: '2027-03-31',
      recordType: 'New Business',
      accountName: expect.stringMatching(/^Account /),
      // the account a deal belongs to is its Id: the sync reads it with the rest of the context
      accountId: opp.AccountId,
      industry: expect.any(String),
      isClosed: opp.IsClosed,
      isWon: opp.IsWon,
      ownerId: opp.OwnerId,
    });

    fake.org.now += 3600_000;
    fake.org.update('Opportunity', opp.Id, {
      StageName: 'Closed Won',
      IsClosed: true,
      IsWon: true,
      Amount: null,
    });
    const before = fake.callCount(QUERY);
    const second = await worker.syncNow(tenantId);
    // the watermark is inclusive: records of the last second read are read again (idempotently)
    expect(second.map((r) => r.records)).toEqual([1, 1 + 2]);
    expect(fake.callCount(QUERY) - before).toBe(2);
    expect(await findOpportunity(database.db, tenantId, opp.Id)).toMatchObject({
      stage: 'Closed Won',
      isWon: true,
    });
    expect((await findOpportunity(database.db, tenantId, opp.Id))?.amount).toBeUndefined();
  });

  test('when an org has more than 2,000 records, then the first sync is one Bulk API 2.0 query job with paged results', async () => {
    fake = await startFake({ bulkPageSize: 1000, bulkPollsUntilComplete: 2 });
    fake.org.generate({ opportunities: 2500, users: 30 });
    await connect(database.db, fake, tenantId);
    const worker = newWorker(database.db);
    const reports = await worker.syncNow(tenantId);
    expect(reports.map((r) => [r.sobject, r.mode, r.records])).toEqual([
      ['User', 'query', 30],
      ['Opportunity', 'bulk', 2500],
    ]);
    // create, 3 polls, 3 result pages (Sforce-Locator)
    expect(fake.callCount(BULK)).toBe(1 + 3 + 3);
    const count = await database.db
      .selectFrom('opportunities')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('tenant_id', '=', tenantId)
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(2500);
    const last = [...fake.org.table('Opportunity').values()].at(-1)!;
    expect(await findOpportunity(database.db, tenantId, last.Id)).toMatchObject({
      stage: last.StageName,
      amount: last.Amount,
      isClosed: last.IsClosed,
      recordType: 'New Business',
    });

    // the next sync is incremental and cheap
    fake.org.now += 3600_000;
    fake.org.update('Opportunity', last.Id, { StageName: 'Closed Lost', IsClosed: true });
    const calls = fake.calls.length;
    expect((await worker.syncNow(tenantId)).map((r) => [r.mode, r.records])).toEqual([
      ['query', 1],
      // the changed record and the one that shared the watermark's second
      ['query', 2],
    ]);
    expect(fake.calls.length - calls).toBe(2);
  });

  test('when users sync, then the manager hierarchy lands in users and scopes a manager team', async () => {
    fake = await startFake();
    fake.org.generate({ users: 31 });
    await connect(database.db, fake, tenantId);
    await newWorker(database.db).syncNow(tenantId);
    const users = await listUsers(database.db, tenantId);
    const top = [...fake.org.table('User').values()].find((u) => u.Name === 'User 0')!;
    const second = [...fake.org.table('User').values()].find((u) => u.Name === 'User 1')!;
    expect(users.find((u) => u.id === second.Id)).toEqual({
      id: second.Id,
      name: 'User 1',
      managerId: top.Id,
      isActive: true,
    });
    expect(users.find((u) => u.name === 'User 16')?.isActive).toBe(false);
    // User 1 manages users 6–10, who manage 31… (none): five reports
    expect((await reportsOf(database.db, tenantId, second.Id)).length).toBe(5);
    expect((await reportsOf(database.db, tenantId, top.Id)).length).toBe(30);
  });

  test('when the org fails mid-sync, then the watermark keeps what was stored and the next run resumes', async () => {
    fake = await startFake({ queryPageSize: 10 });
    fake.org.generate({ opportunities: 30, users: 2 });
    await connect(database.db, fake, tenantId);
    const worker = newWorker(database.db);
    fake.inject('unavailable', { match: /\/query\//, times: 1 });
    await expect(worker.syncNow(tenantId)).rejects.toMatchObject({ kind: 'unavailable' });
    const { lastError } = (await database.db
      .selectFrom('salesforce_sync_schedules')
      .select('last_error as lastError')
      .where('tenant_id', '=', tenantId)
      .executeTakeFirstOrThrow()) as { lastError: string };
    expect(lastError).toMatch(/SERVER_UNAVAILABLE/);
    const reports = await worker.syncNow(tenantId);
    expect(reports.find((r) => r.sobject === 'Opportunity')?.records).toBe(30);
  });

  test('when the session expires during a sync, then it logs in again and completes', async () => {
    fake = await startFake({ queryPageSize: 10 });
    fake.org.generate({ opportunities: 25, users: 2 });
    await connect(database.db, fake, tenantId);
    const worker = newWorker(database.db);
    await worker.syncNow(tenantId);
    fake.expireSessions();
    fake.org.now += 3600_000;
    for (const opp of [...fake.org.table('Opportunity').values()].slice(0, 15)) {
      fake.org.update('Opportunity', opp.Id, { StageName: 'Negotiation/Review' });
    }
    expect((await worker.syncNow(tenantId)).map((r) => r.records)).toEqual([1, 15 + 1]);
    expect(fake.tokensIssued).toBe(2);
  });
});
