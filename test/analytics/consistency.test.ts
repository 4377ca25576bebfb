// The rollups behind the dashboard stay exact when notes are logged, edited, deleted and rescored
// through the API: after each change the dashboard equals a fresh aggregate over the notes table.
import { jest } from '@jest/globals';
import { sql } from 'kysely';
import { updateScores } from '../../service/src/storage/repositories/notes';
import { upsertUsers } from '../../service/src/storage/repositories/users';
import { DATABASE_KINDS } from '../helpers/databases';
import { startTestService, type Client, type TestService } from '../helpers/service';
import { U, pinToday } from './fixture';

const OPEN = {
  id: '006000000000011AAA',
  stage: 'Needs Analysis',
  ownerId: U.a1,
  isClosed: false,
  isWon: false,
};
const WON = { id: '006000000000012AAA', stage: 'Closed Won', ownerId: U.a2, isClosed: true, isWon: true };
const DIMENSIONS = ['provocation', 'customerView', 'collaboration', 'businessFocus', 'nextStep'];
const round1 = (v: number | null) => (v === null ? null : Math.round(Number(v) * 10) / 10);

const note = (opportunity: typeof OPEN, occurredAt: string, summary: string) => ({
  opportunityId: opportunity.id,
  opportunity,
  occurredAt,
  summary,
  customerView: 'Dana said the board wants profitability next year, so hiring is frozen.',
  nextStep: 'Dana joins a working session on 2026-03-30.',
  nextStepDate: '2026-03-30',
});

describe.each(DATABASE_KINDS)('analytics consistency on %s', (kind) => {
  let service: TestService;
  let ops: Client;

  /** Per author, straight from the notes table: what the rollups must say. */
  async function freshAggregate() {
    const dims = DIMENSIONS.map((d) => sql`avg((score->'dimensions'->>${d})::float8)`.as(d));
    const rows = await service.db
      .selectFrom('notes')
      .select([
        'author_id',
        sql<number>`count(*)`.as('notes'),
        sql<number>`count(overall)`.as('scored'),
        sql<number>`avg(overall)`.as('overall'),
        ...dims,
      ])
      .where('tenant_id', '=', service.tenantId)
      .groupBy('author_id')
      .orderBy('author_id')
      .execute();
    return rows.map((r: any) => ({
      repId: r.author_id,
      noteCount: Number(r.notes),
      scoredCount: Number(r.scored),
      averages: Object.fromEntries(['overall', ...DIMENSIONS].map((k) => [k, round1(r[k])])),
    }));
  }

  async function expectConsistent() {
    const { body } = await ops.request('GET', '/v1/analytics/dashboard?from=2026-01-01&to=2026-03-18');
    const reps = body.reps
      .map(({ repId, noteCount, scoredCount, averages }: any) => ({
        repId,
        noteCount,
        scoredCount,
        averages,
      }))
      .sort((a: any, b: any) => a.repId.localeCompare(b.repId));
    expect(reps).toEqual(await freshAggregate());
    return body;
  }

  beforeAll(async () => {
    pinToday();
    service = await startTestService(kind);
    ops = service.client.as(U.ops, 'salesops');
    await upsertUsers(service.db, service.tenantId, [
      { id: U.a1, name: 'Alex One', managerId: null, isActive: true },
      { id: U.a2, name: 'Alex Two', managerId: null, isActive: true },
    ]);
  });
  afterAll(async () => {
    await service.close();
    jest.useRealTimers();
  });

  test('logged, edited, deleted and rescored notes: the dashboard always matches the notes', async () => {
    const a1 = service.client.as(U.a1, 'rep');
    const a2 = service.client.as(U.a2, 'rep');
    const first = await a1.request(
      'POST',
      '/v1/notes',
      note(OPEN, '2026-03-02', 'We raised how payer mix shifts margins.'),
    );
    const second = await a1.request(
      'POST',
      '/v1/notes',
      note(OPEN, '2026-03-09', 'Status call on the demo and pricing.'),
    );
    const won = await a2.request(
      'POST',
      '/v1/notes',
      note(WON, '2026-03-10', 'We raised tariff exposure; they added supplier risk.'),
    );
    expect([first.status, second.status, won.status]).toEqual([201, 201, 201]);
    await expectConsistent();

    // an edit moves the note to another week and rescored it
    const edited = await a1.request('PATCH', `/v1/notes/${second.body.id}`, {
      occurredAt: '2026-02-10',
      summary: 'Together we sketched a pilot; Dana proposed starting with two clinics.',
    });
    expect(edited.status).toBe(200);
    let body = await expectConsistent();
    expect(body.series.find((p: any) => p.bucket === '2026-02-09').noteCount).toBe(1);

    expect((await a1.request('DELETE', `/v1/notes/${first.body.id}`)).status).toBe(204);
    body = await expectConsistent();
    expect(body.team.noteCount).toBe(2);

    // new weights rescore every note in the background
    const put = await ops.request('PUT', '/v1/settings', {
      weights: { provocation: 5, customerView: 1, collaboration: 1, businessFocus: 1, nextStep: 0 },
    });
    expect(put.status).toBe(200);
    let job;
    do {
      await new Promise((resolve) => setTimeout(resolve, 20));
      job = (await ops.request('GET', `/v1/jobs/${put.body.rescore.id}`)).body;
    } while (job.status === 'queued' || job.status === 'running');
    expect(job.status).toBe('done');
    await expectConsistent();
  });

  test('a bulk rescore with known scores: averages and score bands follow exactly', async () => {
    const wonNote = await service.db
      .selectFrom('notes')
      .select('id')
      .where('tenant_id', '=', service.tenantId)
      .where('opportunity_id', '=', WON.id)
      .executeTakeFirstOrThrow();
    const dimensions = {
      provocation: 95,
      customerView: 85,
      collaboration: 85,
      businessFocus: 85,
      nextStep: 85,
    };
    await updateScores(service.db, service.tenantId, [
      { id: wonNote.id, score: { overall: 87, scorerVersion: 'fixture', dimensions } },
    ]);
    const body = await expectConsistent();
    const a2 = body.reps.find((r: any) => r.repId === U.a2);
    expect(a2.averages).toEqual({ overall: 87, ...dimensions });
    expect(body.scoreBands.find((b: any) => b.band === '80-100')).toMatchObject({ closed: 1, won: 1 });
  });
});
