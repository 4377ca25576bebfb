// Paging cursors are opaque: one that decodes but was never issued (wrong types, a date or an id
// that is not one) is a 400 naming the cursor, not a database error — on PGlite and on Postgres.
import { DATABASE_KINDS } from '../helpers/databases';
import { OPPORTUNITY, startTestService, type TestService } from '../helpers/service';

const forge = (values: unknown[]) => Buffer.from(JSON.stringify(values), 'utf8').toString('base64url');

const FORGED = [
  forge(['2026-11-20T10:00:00.000Z', 'not-a-uuid']),
  forge(['not a date', '4f7d8a52-0e8b-4d43-9b1e-2a6f7f1c9e10']),
  forge(['9999-99-99T99:99:99.999Z', '4f7d8a52-0e8b-4d43-9b1e-2a6f7f1c9e10']),
  forge([12, '4f7d8a52-0e8b-4d43-9b1e-2a6f7f1c9e10']),
  forge(['2026-11-20\u0000', '4f7d8a52-0e8b-4d43-9b1e-2a6f7f1c9e10']),
  // a score past any band, next to an opportunity Id
  forge([1e300, '006000000000001AAA']),
];

describe.each(DATABASE_KINDS)('forged paging cursors on %s', (kind) => {
  let service: TestService;

  beforeAll(async () => {
    service = await startTestService(kind);
    // a page needs a note to compare the cursor with
    const created = await service.client.request('POST', '/v1/notes', {
      opportunityId: OPPORTUNITY.id,
      summary: 'Walked through the pilot plan with Dana.',
    });
    expect(created.status).toBe(201);
  });
  afterAll(async () => {
    await service.close();
  });

  test.each([
    ['an opportunity’s notes', `/v1/opportunities/${OPPORTUNITY.id}/notes`],
    ['the analytics drill-down', '/v1/analytics/notes'],
    ['a score band’s deals', '/v1/analytics/deals?band=60-79&'],
  ])('when %s is asked for with a forged cursor, then it is a 400 naming the cursor', async (_name, path) => {
    for (const cursor of FORGED) {
      const reply = await service.client.request(
        'GET',
        `${path}${path.endsWith('&') ? '' : '?'}cursor=${cursor}`,
      );
      expect({ cursor, status: reply.status }).toEqual({ cursor, status: 400 });
      expect(reply.body.error.details).toEqual([{ path: 'cursor', message: expect.any(String) }]);
    }
  });

  test('when a cursor the service issued is sent back, then the next page follows', async () => {
    for (let i = 0; i < 2; i++) {
      await service.client.request('POST', '/v1/notes', {
        opportunityId: OPPORTUNITY.id,
        summary: `Call ${i}`,
      });
    }
    for (const path of [`/v1/opportunities/${OPPORTUNITY.id}/notes`, '/v1/analytics/notes']) {
      const first = await service.client.request('GET', `${path}?limit=1`);
      expect(first.body.nextCursor).toEqual(expect.any(String));
      const next = await service.client.request('GET', `${path}?limit=1&cursor=${first.body.nextCursor}`);
      expect(next.status).toBe(200);
      expect(next.body.items[0].id).not.toBe(first.body.items[0].id);
    }
  });
});
