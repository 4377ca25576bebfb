// Rescoring a tenant: batches are scored while the previous one is written, yet every note ends with
// the scorer's score under the tenant's weights, progress is reported batch by batch in page order,
// and a failing scorer fails the job (after the write in flight settles) instead of hanging it.
import { randomUUID } from 'node:crypto';
import { DATABASE_KINDS, openTestDatabase, type TestDatabase } from '../../../../test/helpers/databases';
import { findJob } from './repository';
import { defaultSettings, putSettings } from '../settings';
import { noteToRescore, pageNotesById, pageNotesToRescore, scoringInputOf } from '../notes';
import { createTenant } from '../tenants';
import { scoreNote, type Weights } from '../scoring';
import { queueRescore, RESCORE_BATCH, runNextRescore, runRescore } from './rescore';

const NOTES = 2 * RESCORE_BATCH + 250;
const WEIGHTS: Weights = { provocation: 3, customerView: 1, collaboration: 2, businessFocus: 1, nextStep: 0 };

const SUMMARIES = [
  'Raised the risk that new tariffs on imported components will squeeze their margins next year.',
  'We walked through the dashboard, the integration options and the licence tiers.',
  'They did not share their budget for next year and would not discuss the hiring freeze.',
  'Dana suggested starting with the two plants that have the most unplanned downtime.',
];
const VIEWS = [
  'Priya says the board wants profitability by next year, so hiring is frozen.',
  'They seem happy with the current vendor.',
  undefined,
];

async function tenantWithNotes(db: TestDatabase['db'], count: number, weights: Weights): Promise<string> {
  const { tenant } = await createTenant(db, {
    slug: `rescore-${randomUUID().slice(0, 8)}`,
    name: 'Rescore',
    withDefaultLibrary: false,
  });
  await putSettings(db, tenant.id, { ...defaultSettings(), weights });
  for (let offset = 0; offset < count; offset += 250) {
    const rows = Array.from({ length: Math.min(250, count - offset) }, (_, k) => {
      const i = offset + k;
      return {
        tenant_id: tenant.id,
        id: randomUUID(),
        opportunity_id: `006${String(i % 7).padStart(12, '0')}`,
        author_id: '005000000000001',
        occurred_at: '2026-11-20',
        opportunity_stage: null,
        summary: `${SUMMARIES[i % SUMMARIES.length]} ${SUMMARIES[(i * 7) % SUMMARIES.length]} Call ${i}.`,
        customer_view: VIEWS[i % VIEWS.length] ?? null,
        ideas: null,
        next_step:
          i % 2 === 0 ? `Workshop with Dana on March ${1 + (i % 28)} to agree the pilot scope.` : null,
        next_step_date: i % 3 === 0 ? '2026-12-08' : null,
        prompts: JSON.stringify([
          {
            promptId: i % 4 === 0 ? null : randomUUID(),
            promptKey: null,
            setId: null,
            version: null,
            title: null,
            text: i % 4 === 0 ? 'Will the new tariff squeeze their margins next year?' : null,
            reaction: i % 5 === 0 ? 'new_to_them' : null,
          },
        ]),
      };
    });
    await db.insertInto('notes').values(rows).execute();
  }
  return tenant.id;
}

describe.each(DATABASE_KINDS)('rescoring on %s', (kind) => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await openTestDatabase(kind);
  });
  afterAll(async () => {
    await database.close();
  });

  test('when a tenant is rescored, then every note has the scorer’s score with its weights and progress counts up by batch', async () => {
    const db = database.db;
    const tenantId = await tenantWithNotes(db, NOTES, WEIGHTS);
    const { job } = await queueRescore(db, tenantId);
    const progress: Array<[number, number]> = [];

    const finished = await runRescore(db, tenantId, job.id, (done, total) => {
      progress.push([done, total]);
    });

    expect(finished).toMatchObject({ status: 'done', done: NOTES, total: NOTES });
    expect(progress).toEqual([
      [RESCORE_BATCH, NOTES],
      [2 * RESCORE_BATCH, NOTES],
      [NOTES, NOTES],
    ]);
    const stored = await pageNotesById(db, tenantId, NOTES + 1);
    expect(stored).toHaveLength(NOTES);
    for (const note of stored) {
      expect(note.score).toEqual(JSON.parse(JSON.stringify(scoreNote(scoringInputOf(note), WEIGHTS))));
    }
    // evidence is stored without its texts, which reading puts back from the note's fields
    const rows = await db.selectFrom('notes').select('score').where('tenant_id', '=', tenantId).execute();
    const evidence = rows.flatMap((row) => (row.score as { evidence: object[] }).evidence);
    expect(evidence.length).toBeGreaterThan(NOTES);
    for (const item of evidence) expect(item).not.toHaveProperty('text');
  });

  test('when a worker runs a rescore, then it is paced after every batch it writes and waits for each pause', async () => {
    const db = database.db;
    const tenantId = await tenantWithNotes(db, NOTES, WEIGHTS);
    const { job } = await queueRescore(db, tenantId);
    const steps: Array<{ tenantId: string; stepMs: number; done: number }> = [];
    let pausing = false;
    let writtenDuringPause = 0;

    const finished = await runNextRescore(db, 'paced-worker', 60_000, async (tenant, stepMs) => {
      steps.push({ tenantId: tenant, stepMs, done: (await findJob(db, tenantId, job.id))!.done });
      pausing = true;
      const before = (await findJob(db, tenantId, job.id))!.done;
      await new Promise((resolve) => setTimeout(resolve, 200));
      if ((await findJob(db, tenantId, job.id))!.done !== before) writtenDuringPause++;
      pausing = false;
    });

    expect(finished).toMatchObject({ id: job.id, status: 'done', done: NOTES });
    // one step per batch, each after its batch is recorded, and nothing written during a pause
    expect(steps.map((step) => [step.tenantId, step.done])).toEqual([
      [tenantId, RESCORE_BATCH],
      [tenantId, 2 * RESCORE_BATCH],
      [tenantId, NOTES],
    ]);
    expect({ pausing, writtenDuringPause }).toEqual({ pausing: false, writtenDuringPause: 0 });
    for (const { stepMs } of steps) expect(stepMs).toBeGreaterThan(0);
  });

  test('when a page of notes crosses to the scoring thread as JSON, then it holds each note as stored, in pages that follow on', async () => {
    const db = database.db;
    const tenantId = await tenantWithNotes(db, 30, WEIGHTS);
    const stored = await pageNotesById(db, tenantId, 31);
    const asRescored = stored.map(
      ({ score: _score, createdAt: _created, updatedAt: _updated, ...note }) => note,
    );

    const first = await pageNotesToRescore(db, tenantId, 20);
    const second = await pageNotesToRescore(db, tenantId, 20, first.lastId);
    const after = await pageNotesToRescore(db, tenantId, 20, second.lastId);

    expect([first.count, second.count, after]).toEqual([
      20,
      10,
      { count: 0, lastId: undefined, notes: '[]' },
    ]);
    expect(first.lastId).toBe(stored[19]!.id);
    expect([...JSON.parse(first.notes), ...JSON.parse(second.notes)].map(noteToRescore)).toEqual(asRescored);
  });

  test('when scoring fails in a later batch, then the job fails with the reason once the batch before is written', async () => {
    const db = database.db;
    const tenantId = await tenantWithNotes(db, RESCORE_BATCH + 10, WEIGHTS);
    // a stored note the scorer cannot read (prompts not a list), last in page order: the second batch
    const [template] = await db
      .selectFrom('notes')
      .selectAll()
      .where('tenant_id', '=', tenantId)
      .limit(1)
      .execute();
    await db
      .insertInto('notes')
      .values({
        ...template!,
        id: 'ffffffff-ffff-4fff-bfff-ffffffffffff',
        prompts: JSON.stringify({ broken: true }),
        score: null,
      } as never)
      .execute();
    const { job } = await queueRescore(db, tenantId);

    await expect(runRescore(db, tenantId, job.id)).rejects.toThrow(TypeError);

    expect(await findJob(db, tenantId, job.id)).toMatchObject({
      status: 'failed',
      done: RESCORE_BATCH,
      error: expect.stringMatching(/map/),
    });
    const notes = await pageNotesById(db, tenantId, RESCORE_BATCH + 20);
    expect(notes.slice(0, RESCORE_BATCH).every((note) => note.score !== null)).toBe(true);
    expect(notes.slice(RESCORE_BATCH).every((note) => note.score === null)).toBe(true);
  });
});
