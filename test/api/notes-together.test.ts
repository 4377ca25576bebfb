// Notes that arrive together are written together (group commit): each request still gets its own
// answer, a retried key is stored once, a note that cannot be stored fails alone, and the analytics
// kept by triggers match the notes — on PGlite and on Postgres.
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { insertNote } from '../../service/src/features/notes/repository';
import { upsertOpportunities } from '../../service/src/features/opportunities/repository';
import { scoredDays } from '../helpers/analytics';
import { DATABASE_KINDS } from '../helpers/databases';
import { OPPORTUNITY, startTestService, type TestService } from '../helpers/service';

const OTHER_DEAL = { ...OPPORTUNITY, id: '006000000000077AAA', stage: 'Proposal' };

const note = (i: number, deal = i % 2 === 0 ? OPPORTUNITY : OTHER_DEAL) => ({
  opportunityId: deal.id,
  opportunity: deal,
  occurredAt: `2026-11-${String(10 + i).padStart(2, '0')}`,
  prompts: [{ text: `Self-scheduling moves volume away from call centre ${i}`, reaction: 'new_to_them' }],
  summary: `Call ${i}: I raised how self-scheduling shifts patient volume.`,
  customerView: 'Dana said the call centre loses staff faster than they can hire.',
  nextStep: 'Dana brings the no-show data to a working session with IT.',
  nextStepDate: '2026-12-08',
});

describe.each(DATABASE_KINDS)('notes sent together on %s', (kind) => {
  let service: TestService;

  beforeAll(async () => {
    service = await startTestService(kind);
  });
  afterAll(async () => {
    await service.close();
  });

  const count = async (query: ReturnType<typeof sql<{ n: string | number }>>) =>
    Number((await query.execute(service.db)).rows[0]!.n);

  test('when many notes arrive at once, then each gets its own answer and a retried key is stored once', async () => {
    const run = randomUUID();
    const sent = Array.from({ length: 12 }, (_, i) => ({ key: `${run}-${i}`, body: note(i) }));
    // the last request is a retry of the fifth, sent while the fifth is still on its way
    sent.push(sent[4]!);
    const answers = await Promise.all(
      sent.map(({ key, body }) =>
        service.client.request('POST', '/v1/notes', body, { 'idempotency-key': key }),
      ),
    );

    expect(answers.map((a) => a.status)).toEqual(sent.map(() => 201));
    answers.forEach((answer, i) => {
      expect(answer.body).toMatchObject({
        opportunityId: sent[i]!.body.opportunityId,
        opportunityStage: sent[i]!.body.opportunity.stage,
        summary: sent[i]!.body.summary,
      });
    });
    const retried = [answers[4]!, answers[12]!];
    expect(retried.map((a) => a.headers.get('idempotent-replayed') ?? 'first').sort()).toEqual([
      'first',
      'true',
    ]);
    expect(retried[1]!.body).toEqual(retried[0]!.body);
    expect(new Set(answers.map((a) => a.body.id)).size).toBe(12);

    const stored = await count(sql`select count(*) as n from notes where tenant_id = ${service.tenantId}`);
    expect(stored).toBe(12);
    expect(
      await count(sql`select count(*) as n from note_prompts where tenant_id = ${service.tenantId}`),
    ).toBe(12);
    // the analytics triggers ran over every note of each statement
    expect(
      await count(
        sql`select coalesce(sum(note_count), 0) as n from analytics_tenant_daily where tenant_id = ${service.tenantId}`,
      ),
    ).toBe(12);
    const { kept, fromNotes } = await scoredDays(service.db, service.tenantId);
    expect(kept).toEqual(fromNotes);
    expect(kept).toHaveLength(2);
  });

  test('when one of the notes written together cannot be stored, then only its caller gets the error', async () => {
    const tenant = await service.newTenant(`together-${kind}`);
    const fields = (summary: string) => ({
      opportunityId: OPPORTUNITY.id,
      authorId: '005000000000001AAA',
      occurredAt: '2026-11-20',
      opportunityStage: 'Prospecting',
      prompts: [],
      summary,
      customerView: null,
      ideas: null,
      nextStep: null,
      nextStepDate: null,
    });
    const taken = randomUUID();
    // the first goes alone; the others wait for it and go together, one of them with a taken id
    const results = await Promise.allSettled(
      [
        [randomUUID(), 'first'],
        [taken, 'second'],
        [taken, 'same id again'],
        [randomUUID(), 'fourth'],
      ].map(([id, summary]) => insertNote(service.db, tenant.tenantId, id!, fields(summary!), null)),
    );

    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled']);
    const rows = await service.db
      .selectFrom('notes')
      .select('summary')
      .where('tenant_id', '=', tenant.tenantId)
      .orderBy('summary')
      .execute();
    expect(rows.map((r) => r.summary)).toEqual(['first', 'fourth', 'second']);
    expect(
      await count(
        sql`select coalesce(sum(note_count), 0) as n from analytics_tenant_daily where tenant_id = ${tenant.tenantId}`,
      ),
    ).toBe(3);
  });

  test('when deal contexts are stored together, then each deal ends as if they came one after another', async () => {
    const tenant = await service.newTenant(`contexts-${kind}`);
    const read = (id: string) =>
      service.db
        .selectFrom('opportunities')
        .select(['name', 'stage', 'amount', 'industry', 'is_won', 'updated_at'])
        .where('tenant_id', '=', tenant.tenantId)
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
    const [a, b] = ['006000000000081AAA', '006000000000082AAA'];
    await upsertOpportunities(service.db, tenant.tenantId, [
      { id: b!, name: 'Beta', amount: 10 },
      { id: a!, name: 'Alpha', stage: 'Prospecting', isWon: false },
      { id: a!, stage: 'Proposal', industry: 'Healthcare' },
    ]);
    expect(await read(a!)).toMatchObject({
      name: 'Alpha',
      stage: 'Proposal',
      amount: null,
      industry: 'Healthcare',
      is_won: false,
    });
    expect(await read(b!)).toMatchObject({ name: 'Beta', stage: null, amount: 10 });

    // a field left out keeps its value; a context that changes nothing writes nothing
    const before = await read(a!);
    await upsertOpportunities(service.db, tenant.tenantId, [{ id: a!, stage: 'Proposal' }, { id: a! }]);
    expect(await read(a!)).toEqual(before);
    // …and takes no lock on its row, so it neither waits on other writers nor makes its statement a
    // write (one that gets a transaction id and flushes the log at commit)
    const transactionId = await service.db.transaction().execute(async (tx) => {
      await upsertOpportunities(tx, tenant.tenantId, [
        { id: a!, stage: 'Proposal' },
        { id: b!, amount: 10 },
      ]);
      return (await sql<{ id: string | null }>`select txid_current_if_assigned() as id`.execute(tx)).rows[0]!
        .id;
    });
    expect(transactionId).toBeNull();
    await upsertOpportunities(service.db, tenant.tenantId, [{ id: a!, isWon: true }]);
    expect(await read(a!)).toMatchObject({ name: 'Alpha', stage: 'Proposal', is_won: true });
  });
});
