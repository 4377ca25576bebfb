// Read-modify-write paths under concurrent requests, through the real app on PGlite and Postgres:
// concurrent rescores start one job, a weight change during a rescore supersedes it, concurrent
// settings edits all land, and a stale If-Match gets 412 instead of overwriting.
import { randomUUID } from 'node:crypto';
import { DATABASE_KINDS } from '../helpers/databases';
import { OPPORTUNITY, OPS, startTestService, type Client, type TestService } from '../helpers/service';
import { DIMENSIONS, type Weights } from '../../service/src/features/scoring/types';
import { scoreNote } from '../../service/src/features/scoring';
import { scoringInputOf } from '../../service/src/features/notes/notes';
import { pageNotesById } from '../../service/src/features/notes/repository';

/** Every weight 0 but one: a note's overall score is then that dimension's score. */
const only = (dimension: string) =>
  Object.fromEntries(DIMENSIONS.map((d) => [d, d === dimension ? 1 : 0])) as unknown as Weights;

/**
 * A poll of the job. Client and server share this process, and PGlite's queries hold its event loop
 * for a while: an idle keep-alive socket can then be closed by the server as the client reuses it.
 * A poll is a GET, so one that meets that reset is sent again.
 */
async function readJob(ops: Client, jobId: string) {
  try {
    return await ops.request('GET', `/v1/jobs/${jobId}`);
  } catch (error) {
    if ((error as { cause?: { code?: string } }).cause?.code !== 'ECONNRESET') throw error;
    return ops.request('GET', `/v1/jobs/${jobId}`);
  }
}

async function waitForJob(ops: Client, jobId: string) {
  // generous: on a loaded machine the background job can take seconds; its outcome is what counts
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const job = await readJob(ops, jobId);
    if (!['queued', 'running'].includes(job.body.status)) return job.body;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('job did not finish');
}

/** Stores `count` notes directly (the API would score each one on the way in). */
async function storeNotes(service: TestService, tenantId: string, count: number): Promise<void> {
  for (let offset = 0; offset < count; offset += 250) {
    const rows = Array.from({ length: Math.min(250, count - offset) }, (_, k) => ({
      tenant_id: tenantId,
      id: randomUUID(),
      opportunity_id: OPPORTUNITY.id,
      author_id: '005000000000001AAA',
      occurred_at: '2026-11-20',
      opportunity_stage: null,
      summary: `Raised how new tariffs will squeeze their margins next year. Call ${offset + k}.`,
      customer_view: 'Priya says the board wants profitability by next year, so hiring is frozen.',
      ideas: null,
      next_step: 'Workshop with Dana on March 3 to agree the pilot scope.',
      next_step_date: '2026-12-08',
      prompts: JSON.stringify([]),
    }));
    await service.db.insertInto('notes').values(rows).execute();
  }
}

describe.each(DATABASE_KINDS)('concurrent writes on %s', (kind) => {
  let service: TestService;

  beforeAll(async () => {
    service = await startTestService(kind);
  });
  afterAll(async () => {
    await service.close();
  });

  async function tenant(notes = 0) {
    const { apiKey, tenantId } = await service.newTenant(`race-${randomUUID().slice(0, 8)}`);
    if (notes > 0) await storeNotes(service, tenantId, notes);
    return { tenantId, ops: service.clientFor(apiKey, OPS, 'salesops') };
  }

  test('when four rescores are asked for at once, then one job runs and all four answers name it', async () => {
    // enough notes that the job still runs when the last request arrives
    const { tenantId, ops } = await tenant(1_500);
    // the key is looked up once before, so the four reach the route together
    await ops.request('GET', '/v1/settings');

    const replies = await Promise.all(Array.from({ length: 4 }, () => ops.request('POST', '/v1/rescore')));

    expect(replies.map((r) => r.status)).toEqual([202, 202, 202, 202]);
    expect(new Set(replies.map((r) => r.body.id)).size).toBe(1);
    const jobs = await service.db.selectFrom('jobs').select('id').where('tenant_id', '=', tenantId).execute();
    expect(jobs).toHaveLength(1);
    expect(await waitForJob(ops, replies[0]!.body.id)).toMatchObject({ status: 'done', done: 1_500 });
  });

  test('when weights change during a rescore, then a new job supersedes it and every note ends with the new weights', async () => {
    const { tenantId, ops } = await tenant(1_500);
    const first = await ops.request('PUT', '/v1/settings', { weights: only('provocation') });
    expect(first.status).toBe(200);
    const firstJob = first.body.rescore;
    expect(firstJob).toMatchObject({ status: expect.stringMatching(/queued|running/) });

    const second = await ops.request('PUT', '/v1/settings', { weights: only('nextStep') });

    expect(second.status).toBe(200);
    const secondJob = second.body.rescore;
    expect(secondJob.id).not.toBe(firstJob.id);
    expect(secondJob.settingsVersion).toBe(second.body.version);
    expect(await waitForJob(ops, secondJob.id)).toMatchObject({ status: 'done', done: 1_500 });
    expect(await waitForJob(ops, firstJob.id)).toMatchObject({
      status: 'superseded',
      supersededBy: secondJob.id,
    });
    const notes = await pageNotesById(service.db, tenantId, 2_000);
    const expected = only('nextStep');
    const wrong = notes.filter((n) => n.score?.overall !== scoreNote(scoringInputOf(n), expected).overall);
    expect(wrong.map((n) => n.id)).toEqual([]);
  });

  test('when three settings edits of different fields arrive at once, then all three are kept', async () => {
    const { ops } = await tenant();
    for (let round = 0; round < 3; round++) {
      const industries = [`Industry ${round}`];
      const stagePhases = { [`Stage ${round}`]: 'early' };
      const weights = only(DIMENSIONS[round]!);

      const replies = await Promise.all([
        ops.request('PUT', '/v1/settings', { industries }),
        ops.request('PUT', '/v1/settings', { stagePhases }),
        ops.request('PUT', '/v1/settings', { weights }),
      ]);

      expect(replies.map((r) => r.status)).toEqual([200, 200, 200]);
      const settings = await ops.request('GET', '/v1/settings');
      expect(settings.body).toMatchObject({ industries, stagePhases, weights });
    }
  });

  test('when a settings edit carries a stale If-Match, then it is a 412 and the newer change stands', async () => {
    const { ops } = await tenant();
    const read = await ops.request('GET', '/v1/settings');
    const etag = read.headers.get('etag');
    expect(etag).toBe(`"${read.body.version}"`);
    const first = await ops.request(
      'PUT',
      '/v1/settings',
      { industries: ['Banking'] },
      { 'if-match': etag! },
    );
    expect(first.status).toBe(200);
    expect(first.headers.get('etag')).toBe(`"${read.body.version + 1}"`);

    const stale = await ops.request('PUT', '/v1/settings', { industries: ['Retail'] }, { 'if-match': etag! });

    expect(stale.status).toBe(412);
    expect(stale.body.error).toMatchObject({ code: 'precondition_failed' });
    expect(stale.body.error.message).toMatch(/settings changed/);
    expect((await ops.request('GET', '/v1/settings')).body.industries).toEqual(['Banking']);
    const current = await ops.request(
      'PUT',
      '/v1/settings',
      { industries: ['Retail'] },
      { 'if-match': first.headers.get('etag')! },
    );
    expect(current.status).toBe(200);
    const malformed = await ops.request('PUT', '/v1/settings', { industries: ['x'] }, { 'if-match': 'v1' });
    expect(malformed.status).toBe(412);
  });

  test('when two edits of a note carry the same If-Match, then one lands and the other is a 412', async () => {
    const created = await service.client.request('POST', '/v1/notes', {
      opportunityId: OPPORTUNITY.id,
      summary: 'Walked through the pilot plan with Dana.',
    });
    const etag = created.headers.get('etag');
    expect(etag).toBe(`"${created.body.version}"`);
    expect((await service.client.request('GET', `/v1/notes/${created.body.id}`)).headers.get('etag')).toBe(
      etag,
    );

    const edits = await Promise.all(
      ['Dana wants the pilot in two clinics.', 'Dana wants the pilot in three clinics.'].map((summary) =>
        service.client.request('PATCH', `/v1/notes/${created.body.id}`, { summary }, { 'if-match': etag! }),
      ),
    );

    expect(edits.map((e) => e.status).sort()).toEqual([200, 412]);
    const landed = edits.find((e) => e.status === 200)!;
    const refused = edits.find((e) => e.status === 412)!;
    expect(refused.body.error.message).toMatch(/note changed/);
    expect(landed.headers.get('etag')).toBe(`"${created.body.version + 1}"`);
    const stored = await service.client.request('GET', `/v1/notes/${created.body.id}`);
    expect(stored.body.summary).toBe(landed.body.summary);
    const staleDelete = await service.client.request('DELETE', `/v1/notes/${created.body.id}`, undefined, {
      'if-match': etag!,
    });
    expect(staleDelete.status).toBe(412);
  });

  test('when two edits of different fields of a note arrive at once without If-Match, then both are kept', async () => {
    const created = await service.client.request('POST', '/v1/notes', {
      opportunityId: OPPORTUNITY.id,
      summary: 'Walked through the pilot plan with Dana.',
    });
    const path = `/v1/notes/${created.body.id}`;

    const edits = await Promise.all([
      service.client.request('PATCH', path, { ideas: 'Start with the two busiest clinics.' }),
      service.client.request('PATCH', path, { nextStep: 'Dana books the IT review for Tuesday.' }),
    ]);

    expect(edits.map((e) => e.status)).toEqual([200, 200]);
    const stored = await service.client.request('GET', path);
    expect(stored.body).toMatchObject({
      ideas: 'Start with the two busiest clinics.',
      nextStep: 'Dana books the IT review for Tuesday.',
      version: created.body.version + 2,
    });
  });
});
