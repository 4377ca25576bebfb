// Roll-ups to Opportunity: after notes are logged, edited or deleted (or rescored), the worker writes
// the recomputed roll-up fields through sObject Collections, coalesced, once each.
import { deleteNote, updateNote } from '../../service/src/features/notes/notes';
import { defaultSettings } from '../../service/src/features/settings/settings';
import { queueRescore, runRescore } from '../../service/src/features/jobs/rescore';
import { DATABASE_KINDS } from '../helpers/databases';
import { useTestDatabase } from '../helpers/use-test-database';
import type { SalesforceFake } from '../salesforce-fake';
import {
  actorFor,
  connect,
  drain,
  logNote,
  newTenant,
  newWorker,
  outboxRows,
  postponeSync,
  startFake,
} from './harness';

describe.each(DATABASE_KINDS)('roll-ups on %s', (kind) => {
  const database = useTestDatabase(kind);
  let fake: SalesforceFake;
  let opportunities: string[];

  beforeEach(async () => {
    fake = await startFake();
    fake.org.generate({ opportunities: 5, users: 3 });
    opportunities = [...fake.org.table('Opportunity').keys()];
  });
  afterEach(async () => {
    await fake.stop();
  });

  async function connectedTenant() {
    const tenantId = await newTenant(database.db);
    await connect(database.db, fake, tenantId);
    await postponeSync(database.db, tenantId);
    return tenantId;
  }

  test('when a note is logged, then its roll-ups reach the opportunity in one collection call', async () => {
    const tenantId = await connectedTenant();
    const opp = opportunities[0]!;
    const note = await logNote(database.db, tenantId, opp, {
      reaction: 'redirected',
      occurredAt: '2026-11-20',
    });
    await drain(newWorker(database.db), database.db, tenantId);

    expect(fake.writesOf(opp)).toEqual([
      {
        UAN_Last_Conversation_Date__c: '2026-11-20',
        UAN_Conversation_Score__c: note.score!.overall,
        UAN_Provocation_Score__c: (note.score as any).dimensions.provocation,
        UAN_Customer_View_Score__c: (note.score as any).dimensions.customerView,
        UAN_Collaboration_Score__c: (note.score as any).dimensions.collaboration,
        UAN_Business_Focus_Score__c: (note.score as any).dimensions.businessFocus,
        UAN_Next_Step_Score__c: (note.score as any).dimensions.nextStep,
        UAN_Conversation_Count__c: 1,
        UAN_Last_Reaction__c: 'redirected',
      },
    ]);
    expect(fake.callCount(/PATCH .*\/composite\/sobjects$/)).toBe(1);
    expect(await outboxRows(database.db, tenantId)).toEqual([]);
  });

  test('when an opportunity changes many times before the worker runs, then one write carries the latest state', async () => {
    const tenantId = await connectedTenant();
    const opp = opportunities[1]!;
    await logNote(database.db, tenantId, opp, { occurredAt: '2026-11-01' });
    const second = await logNote(database.db, tenantId, opp, {
      occurredAt: '2026-11-05',
      reaction: 'new_to_them',
    });
    await logNote(database.db, tenantId, opp, { occurredAt: '2026-10-01', reaction: 'dismissed' });
    await updateNote(
      database.db,
      actorFor(tenantId),
      second.id,
      { summary: 'We only discussed pricing and the demo.' },
      defaultSettings(),
    );
    expect(await outboxRows(database.db, tenantId)).toHaveLength(1);

    await drain(newWorker(database.db), database.db, tenantId);
    const writes = fake.writesOf(opp);
    expect(writes).toHaveLength(1);
    // the latest conversation is the one on 5 November (not the last one logged), as edited
    const edited = await database.db
      .selectFrom('notes')
      .select('overall')
      .where('id', '=', second.id)
      .executeTakeFirstOrThrow();
    expect(writes[0]).toMatchObject({
      UAN_Last_Conversation_Date__c: '2026-11-05',
      UAN_Conversation_Count__c: 3,
      UAN_Last_Reaction__c: 'new_to_them',
      UAN_Conversation_Score__c: edited.overall,
    });
  });

  test('when the last note of an opportunity is deleted, then its roll-ups are cleared with a count of 0', async () => {
    const tenantId = await connectedTenant();
    const opp = opportunities[2]!;
    const note = await logNote(database.db, tenantId, opp);
    const worker = newWorker(database.db);
    await drain(worker, database.db, tenantId);
    await deleteNote(database.db, actorFor(tenantId), note.id);
    await drain(worker, database.db, tenantId);

    expect(fake.writesOf(opp).at(-1)).toEqual({
      UAN_Last_Conversation_Date__c: null,
      UAN_Conversation_Score__c: null,
      UAN_Provocation_Score__c: null,
      UAN_Customer_View_Score__c: null,
      UAN_Collaboration_Score__c: null,
      UAN_Business_Focus_Score__c: null,
      UAN_Next_Step_Score__c: null,
      UAN_Conversation_Count__c: 0,
      UAN_Last_Reaction__c: null,
    });
  });

  test('when a tenant is rescored, then every rescored opportunity is queued in the same transaction and written once', async () => {
    const tenantId = await connectedTenant();
    for (const opp of opportunities.slice(0, 3)) await logNote(database.db, tenantId, opp);
    await drain(newWorker(database.db), database.db, tenantId);
    const before = fake.writes.length;

    const { job } = await queueRescore(database.db, tenantId);
    await runRescore(database.db, tenantId, job.id);
    expect((await outboxRows(database.db, tenantId)).map((r) => r.opportunity_id).sort()).toEqual(
      opportunities.slice(0, 3).sort(),
    );
    await drain(newWorker(database.db), database.db, tenantId);
    expect(fake.writes.length - before).toBe(3);
  });

  test('when the tenant has no connection (standalone mode), then notes queue nothing and cost no call', async () => {
    const tenantId = await newTenant(database.db);
    await logNote(database.db, tenantId, opportunities[0]!);
    expect(await outboxRows(database.db, tenantId)).toEqual([]);
    const report = await newWorker(database.db).runTenant(tenantId);
    expect(report).toMatchObject({ written: 0 });
    expect(fake.calls).toEqual([]);
    expect(fake.tokensIssued).toBe(0);
  });

  test('when an org is connected after notes were logged, then their roll-ups are sent', async () => {
    const tenantId = await newTenant(database.db);
    await logNote(database.db, tenantId, opportunities[3]!);
    await connect(database.db, fake, tenantId);
    await postponeSync(database.db, tenantId);
    await drain(newWorker(database.db), database.db, tenantId);
    expect(fake.writesOf(opportunities[3]!)).toHaveLength(1);
  });
});
