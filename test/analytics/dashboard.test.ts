// The dashboard's figures on the hand-computable fixture, per role, on PGlite and on Postgres.
import { jest } from '@jest/globals';
import { insertNote } from '../../service/src/features/notes/repository';
import { upsertOpportunity } from '../../service/src/features/opportunities/repository';
import { DATABASE_KINDS } from '../helpers/databases';
import { startTestService, type Client, type TestService } from '../helpers/service';
import { O, TODAY, U, pinToday, seedFixture } from './fixture';

const RANGE = 'from=2026-02-01&to=2026-03-18';
const EMPTY = { overall: null, provocation: null, customerView: null, collaboration: null, businessFocus: null, nextStep: null }; // prettier-ignore
const flat = (v: number) => ({ overall: v, provocation: v, customerView: v, collaboration: v, businessFocus: v, nextStep: v }); // prettier-ignore

describe.each(DATABASE_KINDS)('analytics dashboard on %s', (kind) => {
  let service: TestService;
  let as: (userId: string, role: 'rep' | 'manager' | 'salesops') => Client;
  const dashboard = async (client: Client, query = '') =>
    client.request('GET', `/v1/analytics/dashboard?${RANGE}${query}`);

  beforeAll(async () => {
    pinToday();
    service = await startTestService(kind);
    as = (userId, role) => service.client.as(userId, role);
    await seedFixture(service.db, service.tenantId, as(U.ops, 'salesops'));
  });
  afterAll(async () => {
    await service.close();
    jest.useRealTimers();
  });

  test('manager A: team and per-rep averages over scored notes, counts over all notes', async () => {
    const { status, body } = await dashboard(as(U.managerA, 'manager'));
    expect(status).toBe(200);
    expect(body.range).toEqual({ from: '2026-02-01', to: '2026-03-18', bucket: 'week' });
    // n1..n5: four scored (80, 60, 30, 45) and n5 unscored
    expect(body.team).toEqual({
      noteCount: 5,
      scoredCount: 4,
      averages: {
        overall: 53.8, // 215 / 4 = 53.75
        provocation: 56.3, // (90 + 60 + 30 + 45) / 4 = 56.25
        customerView: 51.3, // (70 + 60 + 30 + 45) / 4 = 51.25
        collaboration: 53.8,
        businessFocus: 53.8,
        nextStep: 53.8,
      },
    });
    expect(body.reps).toEqual([
      { repId: U.a1, name: 'Alex One', noteCount: 2, scoredCount: 2, averages: { ...flat(70), provocation: 75, customerView: 65 } },
      { repId: U.a3, name: 'Alex Three', noteCount: 1, scoredCount: 0, averages: EMPTY },
      { repId: U.a2, name: 'Alex Two', noteCount: 2, scoredCount: 2, averages: flat(37.5) },
    ]); // prettier-ignore
  });

  test('manager A: weekly series from the Monday before `from`, empty weeks included', async () => {
    const { body } = await dashboard(as(U.managerA, 'manager'));
    const series = body.series.map((p: any) => [p.bucket, p.noteCount, p.averages.overall]);
    expect(series).toEqual([
      ['2026-01-26', 0, null],
      ['2026-02-02', 1, 30], // n3 on Fri 6 Feb
      ['2026-02-09', 0, null],
      ['2026-02-16', 0, null],
      ['2026-02-23', 0, null],
      ['2026-03-02', 1, 60], // n2 on Sun 8 Mar
      ['2026-03-09', 2, 45], // n4 scored 45, n5 unscored, both Fri 13 Mar
      ['2026-03-16', 1, 80], // n1
    ]);
    const monthly = await dashboard(as(U.managerA, 'manager'), '&bucket=month');
    expect(monthly.body.series.map((p: any) => [p.bucket, p.noteCount, p.averages.overall])).toEqual([
      ['2026-02-01', 1, 30],
      ['2026-03-01', 4, 61.7], // (80 + 60 + 45) / 3
    ]);
  });

  test('manager A: coverage of open pipeline in the last 30 days, by stage, with the uncovered list', async () => {
    const { body } = await dashboard(as(U.managerA, 'manager'), '&days=30');
    // open deals owned in scope: o1 (n1 on 16 Mar covers it), o2 (n3 on 6 Feb is too old), o7 (no notes)
    expect(body.coverage).toEqual({
      days: 30,
      since: '2026-02-17',
      open: 3,
      covered: 1,
      share: 1 / 3,
      byStage: [
        { stage: 'Needs Analysis', open: 1, covered: 1 },
        { stage: 'Negotiation/Review', open: 1, covered: 0 },
        { stage: 'Prospecting', open: 1, covered: 0 },
      ],
      uncovered: [
        { id: O.o2, name: 'Deal 002', stage: 'Prospecting', amount: 300, accountName: 'Acme Health' },
        { id: O.o7, name: 'Deal 007', stage: 'Negotiation/Review', amount: 200, accountName: 'Clinic' },
      ],
      uncoveredCount: 2,
    });
    const wider = await dashboard(as(U.managerA, 'manager'), '&days=60');
    expect(wider.body.coverage).toMatchObject({ open: 3, covered: 2, since: '2026-01-18' });
  });

  test('manager A: win rate by the band of each closed deal’s average score, with Wilson intervals', async () => {
    const { body } = await dashboard(as(U.managerA, 'manager'));
    // o3 won (average 60), o4 lost (average 45: n5 is unscored)
    const byBand = Object.fromEntries(body.scoreBands.map((b: any) => [b.band, b]));
    expect(Object.keys(byBand)).toEqual(['0-39', '40-59', '60-79', '80-100']);
    expect(byBand['0-39']).toEqual({ band: '0-39', won: 0, closed: 0, winRate: null, low: null, high: null, enoughData: false }); // prettier-ignore
    expect(byBand['40-59']).toMatchObject({ won: 0, closed: 1, winRate: 0, low: 0, enoughData: false });
    expect(byBand['40-59'].high).toBeCloseTo(0.7935, 3); // Wilson 0/1
    expect(byBand['60-79']).toMatchObject({ won: 1, closed: 1, winRate: 1, high: 1, enoughData: false });
    expect(byBand['60-79'].low).toBeCloseTo(0.2065, 3); // Wilson 1/1
  });

  test('manager B sees only their own team; a manager never sees another team’s reps', async () => {
    const { body } = await dashboard(as(U.managerB, 'manager'));
    expect(body.reps.map((r: any) => r.repId)).toEqual([U.b1]);
    expect(body.team).toMatchObject({ noteCount: 2, scoredCount: 2, averages: flat(80) }); // (90 + 70) / 2
    expect(body.coverage).toMatchObject({ open: 1, covered: 1 });
    const crossTeam = await dashboard(as(U.managerB, 'manager'), `&repId=${U.a1}`);
    expect(crossTeam.status).toBe(403);
    const own = await dashboard(as(U.managerA, 'manager'), `&repId=${U.a3}`);
    expect(own.status).toBe(200);
    expect(own.body.team.noteCount).toBe(1);
  });

  test('a rep sees only themselves; sales ops the whole tenant', async () => {
    const rep = await dashboard(as(U.a1, 'rep'));
    expect(rep.body.reps.map((r: any) => r.repId)).toEqual([U.a1]);
    expect(rep.body.coverage).toMatchObject({ open: 1, covered: 1 });
    expect((await dashboard(as(U.a1, 'rep'), `&repId=${U.a2}`)).status).toBe(403);
    const ops = await dashboard(as(U.ops, 'salesops'));
    expect(ops.body.team).toMatchObject({ noteCount: 7, scoredCount: 6 });
    expect(ops.body.team.averages.overall).toBe(62.5); // (80 + 60 + 30 + 45 + 90 + 70) / 6
    expect(ops.body.reps.map((r: any) => r.repId)).toEqual([U.a1, U.a3, U.a2, U.b1]);
    expect(ops.body.coverage).toMatchObject({ open: 4, covered: 2 });
  });

  test('all time: from the tenant’s first note, which the answer names, to today', async () => {
    const client = as(U.managerA, 'manager');
    const { status, body } = await client.request('GET', '/v1/analytics/dashboard?range=all&bucket=month');
    expect(status).toBe(200);
    // n3 on 6 Feb is the tenant's first note (team A's too)
    expect(body.range).toEqual({
      from: '2026-02-06',
      to: TODAY,
      bucket: 'month',
      all: true,
      firstNote: '2026-02-06',
    });
    expect(body.team).toMatchObject({ noteCount: 5, scoredCount: 4 });
    expect(body.series.map((p: any) => [p.bucket, p.noteCount])).toEqual([['2026-02-01', 1], ['2026-03-01', 4]]); // prettier-ignore
    const both = await client.request('GET', '/v1/analytics/dashboard?range=all&from=2026-01-01');
    expect(both.status).toBe(400);
    expect(both.body.error.details[0]).toMatchObject({
      path: 'query.from',
      message: 'give from or range=all, not both',
    });
  });

  test('bad queries are 400s naming the field', async () => {
    const client = as(U.ops, 'salesops');
    expect((await client.request('GET', '/v1/analytics/dashboard?bucket=year')).body.error.details[0].path).toBe('query.bucket'); // prettier-ignore
    expect((await client.request('GET', '/v1/analytics/dashboard?from=2026-03-01&to=2026-02-01')).status).toBe(400); // prettier-ignore
    expect((await client.request('GET', '/v1/analytics/dashboard?days=0')).status).toBe(400);
  });
});

describe.each(DATABASE_KINDS)('win-rate minimum sample on %s', (kind) => {
  let service: TestService;

  beforeAll(async () => {
    service = await startTestService(kind);
  });
  afterAll(async () => {
    await service.close();
  });

  test('ten closed deals, eight won, in the 80-100 band: [0.490, 0.943] and enough data; nine is not enough', async () => {
    const ops = service.client.as(U.ops, 'salesops');
    const closeDeal = async (i: number, won: boolean, overall: number) => {
      const id = `006000000000${String(100 + i)}AAA`;
      await upsertOpportunity(service.db, service.tenantId, {
        id,
        isClosed: true,
        isWon: won,
        ownerId: U.a1,
      });
      await insertNote(
        service.db,
        service.tenantId,
        crypto.randomUUID(),
        { opportunityId: id, authorId: U.a1, occurredAt: '2026-01-10', opportunityStage: null, prompts: [], summary: 's', customerView: null, ideas: null, nextStep: null, nextStepDate: null }, // prettier-ignore
        { overall, scorerVersion: 'fixture', dimensions: {} },
      );
    };
    for (let i = 0; i < 9; i += 1) await closeDeal(i, i < 8, 85);
    const nine = (await ops.request('GET', '/v1/analytics/dashboard')).body.scoreBands[3];
    expect(nine).toMatchObject({ band: '80-100', closed: 9, won: 8, enoughData: false });
    await closeDeal(9, false, 80);
    const ten = (await ops.request('GET', '/v1/analytics/dashboard')).body.scoreBands[3];
    expect(ten).toMatchObject({ band: '80-100', closed: 10, won: 8, winRate: 0.8, enoughData: true });
    expect(ten.low).toBeCloseTo(0.49, 3);
    expect(ten.high).toBeCloseTo(0.943, 3);
  });
});
