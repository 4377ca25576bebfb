// When sales ops tune the scoring weights: stored notes are rescored in the background with progress.
import { DIMENSIONS } from '../../service/src/features/scoring/types';
import { DATABASE_KINDS } from '../helpers/databases';
import { OPPORTUNITY, OPS, startTestService, waitForJob, type TestService } from '../helpers/service';

describe.each(DATABASE_KINDS)('settings and rescoring on %s', (kind) => {
  let service: TestService;

  beforeAll(async () => {
    service = await startTestService(kind);
  });
  afterAll(async () => {
    await service.close();
  });

  test('when weights change, then every stored note is rescored with them and the job reports progress', async () => {
    const ops = service.client.as(OPS, 'salesops');
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const created = await service.client.request('POST', '/v1/notes', {
        opportunityId: OPPORTUNITY.id,
        summary: `Pricing call number ${i}; they asked for a discount.`,
        nextStep: 'Dana and her CFO sign off on the pilot plan with us on 8 December.',
        nextStepDate: '2026-12-08',
      });
      ids.push(created.body.id);
    }
    const before = await service.client.request('GET', `/v1/notes/${ids[0]}`);
    const settings = await service.client.request('GET', '/v1/settings');
    expect(settings.body.weights).toEqual({
      provocation: 1,
      customerView: 1,
      collaboration: 1,
      businessFocus: 1,
      nextStep: 1,
    });
    expect(settings.body.stagePhases['Needs Analysis']).toBe('middle');

    const onlyNextStep = { provocation: 0, customerView: 0, collaboration: 0, businessFocus: 0, nextStep: 1 };
    const changed = await ops.request('PUT', '/v1/settings', { weights: onlyNextStep });
    expect(changed.status).toBe(200);
    expect(changed.body.weights).toEqual(onlyNextStep);
    const jobId = changed.body.rescore?.id;
    expect(jobId).toBeDefined();
    const job = await waitForJob(service, jobId);
    expect(job).toMatchObject({ status: 'done', done: 3, total: 3 });
    const after = await service.client.request('GET', `/v1/notes/${ids[0]}`);
    expect(after.body.score.overall).toBe(after.body.score.dimensions.nextStep);
    expect(after.body.score.overall).not.toBe(before.body.score.overall);
  });

  test('when weights change, then the very next live-coach score uses them (the key lookup keeps no stale settings)', async () => {
    const ops = service.client.as(OPS, 'salesops');
    const draft = {
      summary:
        'We raised how payer consolidation will squeeze their margins next year; they had not considered it.',
      nextStep: 'Dana and her CFO sign off on the pilot plan with us on 8 December.',
    };
    // every weight 0 but one: the overall is that dimension's score
    const only = (dimension: string) =>
      Object.fromEntries(DIMENSIONS.map((d) => [d, d === dimension ? 1 : 0]));
    const onlyProvocation = only('provocation');
    expect((await ops.request('PUT', '/v1/settings', { weights: onlyProvocation })).status).toBe(200);
    const first = await service.client.request('POST', '/v1/score', draft);
    expect(first.body.overall).toBe(first.body.dimensions.provocation);
    const onlyNextStep = only('nextStep');
    expect((await ops.request('PUT', '/v1/settings', { weights: onlyNextStep })).status).toBe(200);
    const second = await service.client.request('POST', '/v1/score', draft);
    expect(second.body.overall).toBe(second.body.dimensions.nextStep);
    expect(second.body.overall).not.toBe(first.body.overall);
  });

  test('when weights are all zero or a rep changes settings, then it is refused', async () => {
    const zero = { provocation: 0, customerView: 0, collaboration: 0, businessFocus: 0, nextStep: 0 };
    expect(
      (await service.client.as(OPS, 'salesops').request('PUT', '/v1/settings', { weights: zero })).status,
    ).toBe(400);
    expect((await service.client.request('PUT', '/v1/settings', { industries: ['Banking'] })).status).toBe(
      403,
    );
    expect((await service.client.request('POST', '/v1/rescore')).status).toBe(403);
  });
});
