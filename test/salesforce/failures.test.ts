// Salesforce misbehaving: outages, throttling, partial failures, slow and lost answers, expired
// sessions. Roll-ups queue and are delivered once the org recovers; none is lost, none written twice.
import { sql } from 'kysely';
import { DATABASE_KINDS } from '../helpers/databases';
import { useTestDatabase } from '../helpers/use-test-database';
import type { SalesforceFake } from '../salesforce-fake';
import { salesforceStatus } from '../../service/src/features/salesforce/admin';
import { rollupFieldsOf } from '../../service/src/features/salesforce/rollups';
import { leaseDue } from '../../service/src/features/salesforce/data-access/outbox';
import { rollupSources } from '../../service/src/features/salesforce/data-access/rollups';
import {
  connect,
  drain,
  expireLeases,
  logNote,
  newTenant,
  newWorker,
  outboxRows,
  postponeSync,
  startFake,
} from './harness';

const PATCH = /PATCH .*\/composite\/sobjects$/;

describe.each(DATABASE_KINDS)('failures on %s', (kind) => {
  const database = useTestDatabase(kind);
  let fake: SalesforceFake;
  let opps: string[];
  let tenantId: string;

  beforeEach(async () => {
    fake = await startFake();
    fake.org.generate({ opportunities: 6, users: 2 });
    opps = [...fake.org.table('Opportunity').keys()];
    tenantId = await newTenant(database.db);
    await connect(database.db, fake, tenantId);
    await postponeSync(database.db, tenantId);
  });
  afterEach(async () => {
    await fake.stop();
  });

  const writesPerOpp = () => opps.map((id) => fake.writesOf(id).length);

  test('when Salesforce is down (503), then the roll-ups wait and are written once after it recovers', async () => {
    for (const opp of opps.slice(0, 3)) await logNote(database.db, tenantId, opp);
    fake.inject('unavailable', { times: 3, match: PATCH });
    const worker = newWorker(database.db);
    const first = await worker.runTenant(tenantId);
    expect(first.failure).toMatchObject({ kind: 'unavailable' });
    // paused: the next tick makes no call at all
    const calls = fake.calls.length;
    expect((await worker.runTenant(tenantId)).paused).toMatch(/unavailable/);
    expect(fake.calls.length).toBe(calls);
    expect((await outboxRows(database.db, tenantId)).every((r) => r.attempts === 0)).toBe(true);

    await drain(worker, database.db, tenantId);
    expect(writesPerOpp()).toEqual([1, 1, 1, 0, 0, 0]);
  });

  test('when the org answers REQUEST_LIMIT_EXCEEDED, then background work stops until the pause ends', async () => {
    await logNote(database.db, tenantId, opps[0]!);
    fake.inject('limit', { match: PATCH });
    const worker = newWorker(database.db);
    expect((await worker.runTenant(tenantId)).failure).toMatchObject({
      kind: 'throttled',
      code: 'REQUEST_LIMIT_EXCEEDED',
    });
    const status = await salesforceStatus(database.db, tenantId);
    expect(status).toMatchObject({
      apiUsage: { paused: true, pauseReason: expect.stringMatching(/REQUEST_LIMIT_EXCEEDED/) },
    });
    expect((await worker.runTenant(tenantId)).paused).toBeDefined();

    await drain(worker, database.db, tenantId);
    expect(fake.writesOf(opps[0]!)).toHaveLength(1);
  });

  test('when some records fail, then the others are written, transient failures retried and permanent ones parked with their reason', async () => {
    for (const opp of opps.slice(0, 4)) await logNote(database.db, tenantId, opp);
    fake.failRecord(opps[0]!, 'UNABLE_TO_LOCK_ROW', 'unable to obtain exclusive access to this record', 2);
    fake.org.delete('Opportunity', opps[1]!);
    fake.failRecord(opps[2]!, 'UNABLE_TO_LOCK_ROW', 'unable to obtain exclusive access to this record', 99);

    const worker = newWorker(database.db);
    const first = await worker.runTenant(tenantId);
    expect(first).toMatchObject({ written: 1, retried: 2, parked: 1 });
    await drain(worker, database.db, tenantId);

    expect(writesPerOpp().slice(0, 4)).toEqual([1, 0, 0, 1]);
    const status = await salesforceStatus(database.db, tenantId);
    if (!status.connected) throw new Error('not connected');
    expect(status.outbox.parked).toBe(2);
    expect(status.outbox.parkedItems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          opportunityId: opps[1],
          reason: expect.stringMatching(/^ENTITY_IS_DELETED/),
        }),
        expect.objectContaining({
          opportunityId: opps[2],
          reason: expect.stringMatching(/^UNABLE_TO_LOCK_ROW/),
          attempts: 4,
        }),
      ]),
    );
  });

  test('when the opportunity changes while it is parked, then it is retried', async () => {
    await logNote(database.db, tenantId, opps[0]!);
    fake.failRecord(opps[0]!, 'FIELD_CUSTOM_VALIDATION_EXCEPTION', 'a validation rule blocked it');
    const worker = newWorker(database.db);
    await worker.runTenant(tenantId);
    expect((await outboxRows(database.db, tenantId))[0]).toMatchObject({ status: 'parked' });
    await logNote(database.db, tenantId, opps[0]!, { occurredAt: '2026-11-21' });
    await drain(worker, database.db, tenantId);
    expect(fake.writesOf(opps[0]!)).toEqual([expect.objectContaining({ UAN_Conversation_Count__c: 2 })]);
  });

  test('when answers are slow but within the timeout, then every roll-up is written once', async () => {
    for (const opp of opps) await logNote(database.db, tenantId, opp);
    fake.inject('slow', { times: 5, delayMs: 300 });
    await drain(newWorker(database.db, { outbox: { batchSize: 2 } }), database.db, tenantId);
    expect(writesPerOpp()).toEqual([1, 1, 1, 1, 1, 1]);
  });

  test('when the answer to a write never arrives (timeout, dropped connection), then a read-back settles it without a second write', async () => {
    for (const opp of opps.slice(0, 4)) await logNote(database.db, tenantId, opp);
    fake.inject('slow', { match: PATCH, delayMs: 600 });
    const worker = newWorker(database.db, { outbox: { batchSize: 2 } }, 300);
    const first = await worker.runTenant(tenantId);
    expect(first.failure).toMatchObject({ kind: 'unavailable', noAnswer: true });
    fake.inject('lostResponse', { match: PATCH });
    await drain(worker, database.db, tenantId);

    expect(writesPerOpp().slice(0, 4)).toEqual([1, 1, 1, 1]);
    expect(fake.callCount(/GET .*\/query$/)).toBeGreaterThanOrEqual(2);
  });

  test('when a worker dies mid-batch, then another picks the batch up after the lease and writes only what did not land', async () => {
    for (const opp of opps) await logNote(database.db, tenantId, opp);
    const dying = newWorker(database.db);
    // it leased everything, wrote half of it, and died before recording anything
    const leased = await leaseDue(database.db, tenantId, dying.options.owner, 200, 60_000);
    expect(leased).toHaveLength(6);
    for (const source of (await rollupSources(database.db, tenantId, opps)).slice(0, 3)) {
      fake.org.update('Opportunity', source.opportunityId, rollupFieldsOf(source));
      fake.writes.push({ id: source.opportunityId, fields: { ...rollupFieldsOf(source) } });
    }
    const survivor = newWorker(database.db);
    expect((await survivor.runTenant(tenantId)).written).toBe(0);
    await expireLeases(database.db, tenantId);
    const report = await survivor.runTenant(tenantId);
    expect(report).toMatchObject({ confirmed: 3, written: 3 });
    expect(writesPerOpp()).toEqual([1, 1, 1, 1, 1, 1]);
    expect(await outboxRows(database.db, tenantId)).toEqual([]);
  });

  test('when the session expires, then the worker logs in again and the write goes through once', async () => {
    await logNote(database.db, tenantId, opps[0]!);
    const worker = newWorker(database.db);
    await drain(worker, database.db, tenantId);
    expect(fake.tokensIssued).toBe(1);
    fake.expireSessions();
    await logNote(database.db, tenantId, opps[0]!, { occurredAt: '2026-11-22' });
    await drain(worker, database.db, tenantId);
    expect(fake.tokensIssued).toBe(2);
    expect(fake.writesOf(opps[0]!)).toHaveLength(2);
    expect(fake.calls.filter((c) => c.status === 401)).toHaveLength(1);
  });

  test('when our calls reach the budget share of the daily allocation, then background work pauses and says so', async () => {
    fake.dailyLimit = 60; // 5 % = 3 calls
    for (const opp of opps.slice(0, 5)) await logNote(database.db, tenantId, opp);
    const worker = newWorker(database.db, { outbox: { batchSize: 1 } });
    const report = await worker.runTenant(tenantId);
    expect(report.written).toBe(3);
    expect(report.paused).toMatch(/^budget: 3 calls in 24 h reached 5 % of the org's 60/);
    const calls = fake.calls.length;
    expect((await worker.runTenant(tenantId)).paused).toBeDefined();
    expect(fake.calls.length).toBe(calls);
    expect((await outboxRows(database.db, tenantId)).filter((r) => r.status === 'pending')).toHaveLength(2);

    // a day later the rolling window has room again
    await sql`update salesforce_api_calls set hour = hour - interval '25 hours' where tenant_id = ${tenantId}`.execute(
      database.db,
    );
    await drain(worker, database.db, tenantId);
    expect(writesPerOpp().slice(0, 5)).toEqual([1, 1, 1, 1, 1]);
  });
});
