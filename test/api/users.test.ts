// When sales ops set the user hierarchy without Salesforce (CSV or JSON), a manager's dashboard
// covers their team; before that, it says the team is unknown instead of showing zeros.
import { DATABASE_KINDS } from '../helpers/databases';
import { MANAGER, OPPORTUNITY, OPS, REP, startTestService, type TestService } from '../helpers/service';

const REP_2 = '005000000000003AAA';

const csv = (...rows: string[]) => ['userId,name,managerId,active', ...rows].join('\n') + '\n';
const GOOD = csv(
  `${MANAGER},Mia Manager,,`,
  `${REP},Dana Rep,${MANAGER},true`,
  `${REP_2},Lee Rep,${MANAGER},yes`,
);

describe.each(DATABASE_KINDS)('users import on %s', (kind) => {
  let service: TestService;
  const ops = () => service.client.as(OPS, 'salesops');
  const manager = () => service.client.as(MANAGER, 'manager');

  beforeAll(async () => {
    service = await startTestService(kind);
    await service.client.request('POST', '/v1/notes', {
      opportunityId: OPPORTUNITY.id,
      summary: 'We discussed how their clinics schedule patients.',
    });
  });
  afterAll(async () => {
    await service.close();
  });

  test('when no hierarchy is known, then a manager’s dashboard says so; a rep’s and sales ops’ do not', async () => {
    const mine = await manager().request('GET', '/v1/analytics/dashboard');
    expect(mine.status).toBe(200);
    expect(mine.body.scope).toEqual({ kind: 'team', hierarchyKnown: false });
    const rep = await service.client.request('GET', '/v1/analytics/dashboard');
    expect(rep.body.scope).toEqual({ kind: 'self', hierarchyKnown: true });
    expect((await ops().request('GET', '/v1/analytics/dashboard')).body.scope).toEqual({
      kind: 'tenant',
      hierarchyKnown: true,
    });
  });

  test('when a CSV has bad rows, then every one is reported with its line and nothing is imported', async () => {
    const bad = csv(
      `${MANAGER},Mia Manager,,`,
      `not-an-id,Nobody,${MANAGER},`,
      `${REP},,${MANAGER},maybe`,
      `${REP_2},Lee Rep,${REP_2},`,
      `${MANAGER},Mia Again,,`,
    );
    const reply = await ops().request('POST', '/v1/users/import', bad);
    expect(reply.status).toBe(400);
    expect(reply.body.error.message).toBe('4 of 5 rows are invalid; nothing was imported');
    expect(reply.body.error.details.map((d: any) => d.path)).toEqual([
      'line 3.userId',
      'line 4.name',
      'line 4.active',
      'line 5.managerId',
      'line 6.userId',
    ]);
    expect(reply.body.error.details[4].message).toMatch(/already on line 2/);
    const header = await ops().request('POST', '/v1/users/import', 'id,name\n1,x\n');
    expect(header.status).toBe(400);
    expect(header.body.error.details.map((d: any) => d.path)).toEqual([
      'line 1.userId',
      'line 1.managerId',
      'line 1.id',
    ]);
    const ragged = await ops().request('POST', '/v1/users/import', csv(`${REP},Dana`));
    expect(ragged.status).toBe(400);
    expect(ragged.body.error.message).toMatch(/line 2/);
    expect((await manager().request('GET', '/v1/analytics/dashboard')).body.scope.hierarchyKnown).toBe(false);
  });

  test('when only sales ops may import, then a rep and a manager get 403', async () => {
    expect((await service.client.request('POST', '/v1/users/import', GOOD)).status).toBe(403);
    expect((await manager().request('POST', '/v1/users/import', GOOD)).status).toBe(403);
  });

  test('when sales ops import the hierarchy twice, then the second import changes nothing and the team shows', async () => {
    const first = await ops().request('POST', '/v1/users/import', GOOD);
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ imported: 3, created: 3, updated: 0 });
    const second = await ops().request('POST', '/v1/users/import', GOOD);
    expect(second.body).toEqual({ imported: 3, created: 0, updated: 3 });
    const dashboard = await manager().request('GET', '/v1/analytics/dashboard');
    expect(dashboard.body.scope).toEqual({ kind: 'team', hierarchyKnown: true });
    expect(dashboard.body.reps.map((r: any) => [r.repId, r.name, r.noteCount])).toEqual([
      [REP, 'Dana Rep', 1],
    ]);
    // JSON works the same way, and a user can be moved to no manager
    const json = await ops().request('POST', '/v1/users/import', {
      users: [{ userId: REP_2, name: 'Lee Rep', managerId: null, active: false }],
    });
    expect(json.body).toEqual({ imported: 1, created: 0, updated: 1 });
    const badJson = await ops().request('POST', '/v1/users/import', { users: [{ userId: REP_2 }] });
    expect(badJson.status).toBe(400);
    expect(badJson.body.error.details.map((d: any) => d.path)).toEqual(['body.users.0.name']);
  });
});
