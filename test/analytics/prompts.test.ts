// Prompt effectiveness and candidate prompts on the hand-computable fixture, on PGlite and Postgres.
import { jest } from '@jest/globals';
import { DATABASE_KINDS } from '../helpers/databases';
import { startTestService, type Client, type TestService } from '../helpers/service';
import { U, pinToday, seedFixture } from './fixture';

const NO_DATA = { rate: null, low: null, high: null, enoughData: false };
const reactions = (newToThem: number, alreadyAddressing: number, redirected: number, dismissed: number) => ({
  new_to_them: newToThem,
  already_addressing: alreadyAddressing,
  redirected,
  dismissed,
});

describe.each(DATABASE_KINDS)('prompt effectiveness on %s', (kind) => {
  let service: TestService;
  let setId: string;
  let as: (userId: string, role: 'rep' | 'manager' | 'salesops') => Client;
  const prompts = async (client: Client, query = '') => {
    const reply = await client.request('GET', `/v1/analytics/prompts${query}`);
    expect(reply.status).toBe(200);
    return reply.body;
  };
  const byKey = (body: any) => Object.fromEntries(body.items.map((i: any) => [i.promptKey, i]));

  beforeAll(async () => {
    pinToday();
    service = await startTestService(kind);
    as = (userId, role) => service.client.as(userId, role);
    ({ setId } = await seedFixture(service.db, service.tenantId, as(U.ops, 'salesops')));
  });
  afterAll(async () => {
    await service.close();
    jest.useRealTimers();
  });

  test('sales ops: raises, reactions, progression and win rate raised vs not, per key and version', async () => {
    const body = await prompts(as(U.ops, 'salesops'));
    // closed deals in the tenant: o3 won, o4 lost, o6 won
    expect(body.population).toMatchObject({ closed: 3, won: 2 });
    const { k1, k2 } = byKey(body);
    expect(body.items.map((i: any) => i.promptKey)).toEqual(['k1', 'k2']); // most raised first
    // k1: n1 (o1 Prospecting → Needs Analysis: progressed), n2 (o3 won: progressed),
    //     n4 (o4 lost: not), n6 (o5 still Qualification: not)
    expect(k1).toMatchObject({
      title: 'Prompt k1',
      timesRaised: 4,
      reactions: reactions(2, 1, 1, 0),
      progressed: 2,
      progressedShare: 0.5,
      winRate: { won: 1, closed: 2, rate: 0.5, enoughData: false }, // o3, o4
      baseline: { won: 1, closed: 1, rate: 1, enoughData: false }, // o6
    });
    expect(k1.winRate.low).toBeCloseTo(0.0945, 3); // Wilson 1/2
    expect(k1.winRate.high).toBeCloseTo(0.9055, 3);
    expect(k1.versions).toEqual([
      expect.objectContaining({ setId, version: 1, timesRaised: 2, progressed: 2, winRate: expect.objectContaining({ won: 1, closed: 1 }) }),
      expect.objectContaining({ setId, version: 2, timesRaised: 2, progressed: 0, winRate: expect.objectContaining({ won: 0, closed: 1 }) }),
    ]); // prettier-ignore
    // k2: n3 (o2 still Prospecting: not), n7 (o6 won: progressed)
    expect(k2).toMatchObject({
      timesRaised: 2,
      reactions: reactions(1, 0, 0, 1),
      progressed: 1,
      winRate: { won: 1, closed: 1, rate: 1 },
      baseline: { won: 1, closed: 2, rate: 0.5 },
    });
  });

  test('filters: industry of the deal, phase of the stage when raised, prompt set', async () => {
    const banking = byKey(await prompts(as(U.ops, 'salesops'), '?industry=Banking'));
    expect(Object.keys(banking)).toEqual(['k1']); // n2 (o3) and n4 (o4)
    expect(banking.k1).toMatchObject({ timesRaised: 2, winRate: { won: 1, closed: 1 + 1 }, baseline: { closed: 0, ...NO_DATA } }); // prettier-ignore
    const early = byKey(await prompts(as(U.ops, 'salesops'), '?phase=early'));
    expect([early.k1.timesRaised, early.k2.timesRaised]).toEqual([2, 1]); // n1, n6 | n3
    const otherSet = await prompts(as(U.ops, 'salesops'), `?setId=${crypto.randomUUID()}`);
    expect(otherSet.items).toEqual([]);
    const bad = await as(U.ops, 'salesops').request('GET', '/v1/analytics/prompts?phase=closing');
    expect(bad.status).toBe(400);
  });

  test('managers see their team’s raises and deals only', async () => {
    const a = byKey(await prompts(as(U.managerA, 'manager')));
    // team A: n1, n2, n4 raise k1; closed deals owned by the team: o3 won, o4 lost
    expect(a.k1).toMatchObject({
      timesRaised: 3,
      winRate: { won: 1, closed: 2 },
      baseline: { won: 0, closed: 0 },
    });
    expect(a.k2).toMatchObject({ timesRaised: 1, reactions: reactions(0, 0, 0, 1) });
    const b = byKey(await prompts(as(U.managerB, 'manager')));
    expect(b.k1).toMatchObject({ timesRaised: 1, winRate: { won: 0, closed: 0 } }); // n6 on open o5
    expect(b.k2).toMatchObject({ timesRaised: 1, winRate: { won: 1, closed: 1 } });
  });

  test('candidates: ad-hoc provocations and redirected issues grouped by similarity, with counts', async () => {
    const body = await prompts(as(U.ops, 'salesops'));
    // "Tariffs will squeeze their margins" ~ "New tariffs squeeze margins" (3 of 4 tokens shared);
    // first sentences of the customer view where a prompt was redirected (n3, n4) share 3 of 6 tokens
    expect(body.candidates).toEqual([
      { text: 'New tariffs squeeze margins', count: 2, kind: 'adhoc', promotion: null },
      { text: 'Nurse turnover worries them more', count: 2, kind: 'redirected', promotion: null },
    ]);
    const teamB = await prompts(as(U.managerB, 'manager'));
    expect(teamB.candidates).toEqual([]);
  });
});
