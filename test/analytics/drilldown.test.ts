// From a figure to its notes (filters, role scope, paging), an account's provocation history, and
// the panel not repeating what the account heard recently — on PGlite and Postgres.
import { jest } from '@jest/globals';
import { DATABASE_KINDS } from '../helpers/databases';
import { startTestService, type Client, type TestService } from '../helpers/service';
import { ACME, O, U, pinToday, seedFixture, type Fixture } from './fixture';

describe.each(DATABASE_KINDS)('analytics drill-down and account history on %s', (kind) => {
  let service: TestService;
  let fixture: Fixture;
  let as: (userId: string, role: 'rep' | 'manager' | 'salesops') => Client;
  const drill = async (client: Client, query: string) => {
    const reply = await client.request('GET', `/v1/analytics/notes?${query}`);
    expect(reply.status).toBe(200);
    return reply.body as { items: Array<{ id: string }>; nextCursor: string | null };
  };
  const ids = (page: { items: Array<{ id: string }> }) => page.items.map((n) => n.id).sort();
  const notes = (...names: Array<keyof Fixture['notes']>) => names.map((n) => fixture.notes[n]).sort();

  beforeAll(async () => {
    pinToday();
    service = await startTestService(kind);
    as = (userId, role) => service.client.as(userId, role);
    fixture = await seedFixture(service.db, service.tenantId, as(U.ops, 'salesops'));
  });
  afterAll(async () => {
    await service.close();
    jest.useRealTimers();
  });

  test('filters by band, by a dimension’s band, by prompt, by opportunity and by rep', async () => {
    const manager = as(U.managerA, 'manager');
    expect(ids(await drill(manager, 'band=60-79'))).toEqual(notes('n2'));
    expect(ids(await drill(manager, 'band=80-100'))).toEqual(notes('n1'));
    expect(ids(await drill(manager, 'dimension=customerView&band=60-79'))).toEqual(notes('n1', 'n2')); // 70, 60
    expect(ids(await drill(manager, 'promptKey=k1'))).toEqual(notes('n1', 'n2', 'n4'));
    expect(ids(await drill(manager, `opportunityId=${O.o4}`))).toEqual(notes('n4', 'n5'));
    expect(ids(await drill(manager, `repId=${U.a3}`))).toEqual(notes('n5'));
    expect(ids(await drill(as(U.ops, 'salesops'), 'promptKey=k1'))).toEqual(notes('n1', 'n2', 'n4', 'n6'));
    const note = (await drill(manager, 'band=80-100')).items[0] as any;
    expect(note).toMatchObject({ opportunityId: O.o1, authorId: U.a1, score: { overall: 80 } });
  });

  test('a score band drills down to the closed deals it counted, with their notes, for every scope', async () => {
    const deals = async (client: Client, query: string) => {
      const reply = await client.request('GET', `/v1/analytics/deals?${query}`);
      expect(reply.status).toBe(200);
      return reply.body as { total: number; items: any[]; nextCursor: string | null };
    };
    // manager A: o3 (won, its one note scored 60) and o4 (lost, 45 and an unscored note)
    const manager = as(U.managerA, 'manager');
    const good = await deals(manager, 'band=60-79');
    expect(good.items.map((d) => [d.opportunityId, d.isWon, d.score, d.noteCount, d.scoredCount])).toEqual([
      [O.o3, true, 60, 1, 1],
    ]);
    expect(good.items[0].notes.map((n: any) => n.id)).toEqual([fixture.notes.n2]);
    const fair = await deals(manager, 'band=40-59');
    expect(fair.items.map((d) => d.opportunityId)).toEqual([O.o4]);
    expect(fair.items[0].notes.map((n: any) => n.id).sort()).toEqual(notes('n4', 'n5'));
    expect(fair.items[0]).toMatchObject({ accountName: 'Bank B', ownerId: U.a2, ownerName: 'Alex Two' });
    // a band's notes by their own score are not its deals: n1 scored 80 on an open deal
    expect((await deals(manager, 'band=80-100')).items).toEqual([]);
    expect((await deals(as(U.ops, 'salesops'), 'band=60-79')).items.map((d) => d.opportunityId)).toEqual([
      O.o6, O.o3,
    ]); // prettier-ignore
    expect((await deals(as(U.a2, 'rep'), 'band=60-79')).items).toEqual([]);
    expect((await manager.request('GET', `/v1/analytics/deals?band=60-79&repId=${U.b1}`)).status).toBe(403);
    expect((await manager.request('GET', '/v1/analytics/deals')).status).toBe(400);

    // every band's count on the dashboard is the number of deals its drill-down lists, page by page
    for (const client of [manager, as(U.managerB, 'manager'), as(U.ops, 'salesops'), as(U.a1, 'rep')]) {
      const bands = (await client.request('GET', '/v1/analytics/dashboard')).body.scoreBands;
      for (const { band, closed, won } of bands) {
        const listed: any[] = [];
        let cursor: string | null = null;
        do {
          const page = await deals(client, `band=${band}&limit=1${cursor ? `&cursor=${cursor}` : ''}`);
          expect(page.total).toBe(closed);
          listed.push(...page.items);
          cursor = page.nextCursor;
        } while (cursor);
        expect([band, listed.length, listed.filter((d) => d.isWon).length]).toEqual([band, closed, won]);
        expect(new Set(listed.map((d) => d.opportunityId)).size).toBe(listed.length);
      }
    }
  });

  test('role scope: another team’s rep is a 403; a rep only drills into their own notes', async () => {
    expect((await as(U.managerA, 'manager').request('GET', `/v1/analytics/notes?repId=${U.b1}`)).status).toBe(
      403,
    );
    expect(ids(await drill(as(U.managerB, 'manager'), 'promptKey=k1'))).toEqual(notes('n6'));
    expect(ids(await drill(as(U.a2, 'rep'), 'limit=100'))).toEqual(notes('n3', 'n4'));
    expect((await as(U.a2, 'rep').request('GET', `/v1/analytics/notes?repId=${U.a1}`)).status).toBe(403);
    const bad = await as(U.ops, 'salesops').request('GET', '/v1/analytics/notes?dimension=provocation');
    expect(bad.status).toBe(400);
  });

  test('pages newest conversation first, every note once, then a null cursor', async () => {
    const manager = as(U.managerA, 'manager');
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page = await drill(manager, `limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...page.items.map((n) => n.id));
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen).toHaveLength(5);
    expect([...seen].sort()).toEqual(notes('n1', 'n2', 'n3', 'n4', 'n5'));
    expect(seen[0]).toBe(fixture.notes.n1); // 16 Mar
    expect(seen[4]).toBe(fixture.notes.n3); // 6 Feb
    const tampered = await manager.request('GET', '/v1/analytics/notes?cursor=nonsense');
    expect(tampered.status).toBe(400);
  });

  test('an account’s history: which prompts it heard, from whom, when, on which deal', async () => {
    const reply = await as(U.a1, 'rep').request(
      'GET',
      `/v1/analytics/accounts/${encodeURIComponent(ACME)}/provocations`,
    );
    expect(reply.status).toBe(200);
    expect(reply.body.accountName).toBe(ACME);
    expect(
      reply.body.items.map((i: any) => [i.occurredAt, i.authorName, i.opportunityId, i.promptKey, i.title, i.text, i.reaction]),
    ).toEqual([
      ['2026-03-16', 'Alex One', O.o1, 'k1', 'Prompt k1', null, 'new_to_them'],
      ['2026-02-06', 'Alex Two', O.o2, 'k2', 'Prompt k2', null, 'dismissed'],
      ['2026-02-06', 'Alex Two', O.o2, null, null, 'Tariffs will squeeze their margins', 'redirected'],
    ]); // prettier-ignore
    const unknown = await as(U.a1, 'rep').request('GET', '/v1/analytics/accounts/Nobody/provocations');
    expect(unknown.body.items).toEqual([]);
  });

  test('the panel does not serve a prompt the account heard in the last 90 days on another deal', async () => {
    // o2 (Acme Health) heard k2 itself; k1 was raised on o1, Acme's other deal, on 16 Mar
    const context = { id: O.o2, stage: 'Needs Analysis', industry: 'Healthcare', accountName: ACME };
    const panel = await as(U.a2, 'rep').request('POST', `/v1/opportunities/${O.o2}/panel`, {
      opportunity: context,
    });
    expect(panel.status).toBe(200);
    const keys = panel.body.prompts.map((p: any) => p.key);
    expect(keys).toHaveLength(5);
    expect(keys).not.toContain('k1');
    expect(keys).not.toContain('k2');
    // another account's deal still gets k1
    const other = {
      id: '006000000000099AAA',
      stage: 'Needs Analysis',
      industry: 'Healthcare',
      accountName: 'Elsewhere',
    };
    const fresh = await as(U.a2, 'rep').request('POST', `/v1/opportunities/${other.id}/panel`, {
      opportunity: other,
    });
    expect(fresh.body.prompts).toHaveLength(5);
  });
});
