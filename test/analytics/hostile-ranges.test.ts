// Date ranges an attacker (or a curious rep) can type: the dashboard must answer quickly with a 400
// naming the limit, never loop over centuries of buckets or hand the database a date it cannot read.
import { startTestService, type TestService } from '../helpers/service';

describe('analytics date ranges at the edges', () => {
  let service: TestService;

  beforeAll(async () => {
    service = await startTestService('pglite');
  });
  afterAll(() => service.close());

  const dashboard = (query: string) =>
    service.client.as('005000000000S00AAA', 'salesops').request('GET', `/v1/analytics/dashboard?${query}`);

  test('when the range spans millennia, then a fast 400 names the limit', async () => {
    const started = performance.now();
    const { status, body } = await dashboard('from=0001-01-01&to=9999-12-31');
    expect(performance.now() - started).toBeLessThan(2000);
    expect(status).toBe(400);
    expect(body.error.message).toMatch(/between 1900-01-01 and 2999-12-31/);
    const longest = await dashboard('from=1900-01-01&to=2999-12-31&bucket=month');
    expect(longest.status).toBe(400);
    expect(longest.body.error.message).toMatch(/spans 401767 days: at most 3653 days/);
    expect(longest.body.error.details[0].path).toBe('query.to');
  });

  test('when a weekly series would have too many buckets, then 400 names the bucket limit', async () => {
    const { status, body } = await dashboard('from=2016-01-01&to=2025-12-31&bucket=week');
    expect(status).toBe(400);
    expect(body.error.message).toMatch(/at most 260 weekly buckets/);
    const monthly = await dashboard('from=2016-01-01&to=2025-12-31&bucket=month');
    expect(monthly.status).toBe(200);
    expect(monthly.body.series).toHaveLength(120);
  });

  test('when the range is in year 9999, then 400 instead of a series that never ends', async () => {
    const { status, body } = await dashboard('from=9999-12-01&to=9999-12-31');
    expect(status).toBe(400);
    expect(body.error.details.map((d: { path: string }) => d.path)).toEqual(['query.from', 'query.to']);
    expect(body.error.message).toMatch(/between 1900-01-01 and 2999-12-31/);
  });

  test('when a date is before anything a database can hold, then 400 instead of a failed query', async () => {
    for (const query of ['from=0000-01-01&to=0000-02-01', 'to=0000-01-01']) {
      const { status, body } = await dashboard(query);
      expect(status).toBe(400);
      expect(body.error.message).toMatch(/between 1900-01-01 and 2999-12-31/);
    }
    const drilldown = await service.client.request('GET', '/v1/analytics/notes?from=0000-01-01');
    expect(drilldown.status).toBe(400);
  });

  test('when a note is dated in year 0, then 400 names the field', async () => {
    const { status, body } = await service.client.request('POST', '/v1/score', {
      summary: 'Raised the tariff risk with their CFO.',
      occurredAt: '0000-01-01',
    });
    expect(status).toBe(400);
    expect(body.error.details[0].path).toBe('body.occurredAt');
  });

  test('a range at the limits still answers, with every bucket', async () => {
    const { status, body } = await dashboard('from=2021-01-04&to=2025-12-28&bucket=week');
    expect(status).toBe(200);
    expect(body.series).toHaveLength(260);
    expect(body.series.at(-1).bucket).toBe('2025-12-22');
  });
});
