// Analytics never mix scorer versions silently: the dashboard says when some scores come from an
// older scorer, every stored score records the version and weights it used, and a rescore brings
// old scores to the current version — on PGlite and on Postgres.
import { sql } from 'kysely';
import { SCORER_VERSION } from '../../service/src/features/scoring';
import { DATABASE_KINDS } from '../helpers/databases';
import { OPPORTUNITY, OPS, startTestService, waitForJob, type TestService } from '../helpers/service';

describe.each(DATABASE_KINDS)('scorer versions in analytics on %s', (kind) => {
  let service: TestService;

  beforeAll(async () => {
    service = await startTestService(kind);
  });
  afterAll(async () => {
    await service.close();
  });

  test('when a score comes from an older scorer, then the dashboard says so until a rescore brings it up to date', async () => {
    const ops = service.client.as(OPS, 'salesops');
    const ids: string[] = [];
    for (const summary of [
      'Raised how tariffs will squeeze their margins.',
      'Pricing call; they asked for terms.',
    ]) {
      const created = await service.client.request('POST', '/v1/notes', {
        opportunityId: OPPORTUNITY.id,
        summary,
      });
      expect(created.body.score).toMatchObject({
        scorerVersion: SCORER_VERSION,
        weights: expect.any(Object),
      });
      ids.push(created.body.id);
    }
    const current = await ops.request('GET', '/v1/analytics/dashboard');
    expect(current.body.scoring).toEqual({
      scorerVersion: SCORER_VERSION,
      outdatedScores: false,
      rescore: null,
      mixed: false,
    });

    await sql`update notes set scorer_version = '2000.01-1', score = jsonb_set(score, '{scorerVersion}', '"2000.01-1"')
      where id = ${ids[0]}`.execute(service.db);
    const stale = await ops.request('GET', '/v1/analytics/dashboard');
    expect(stale.body.scoring).toMatchObject({ outdatedScores: true, mixed: true });

    const started = await ops.request('POST', '/v1/rescore');
    const job = await waitForJob(service, started.body.id ?? started.body.job?.id);
    expect(job.status).toBe('done');
    const rows = await service.db.selectFrom('notes').select(['scorer_version', 'score']).execute();
    for (const row of rows) {
      expect(row.scorer_version).toBe(SCORER_VERSION);
      expect((row.score as { weights: unknown }).weights).toEqual(
        (await service.client.request('GET', '/v1/settings')).body.weights,
      );
    }
    const after = await ops.request('GET', '/v1/analytics/dashboard');
    expect(after.body.scoring).toMatchObject({ outdatedScores: false, rescore: null, mixed: false });
  });
});
