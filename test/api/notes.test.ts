// When reps log, read, edit and delete conversations through the API — on PGlite and on Postgres.
import { sql } from 'kysely';
import { DATABASE_KINDS } from '../helpers/databases';
import { upsertUsers } from '../../service/src/features/users/repository';
import {
  OPPORTUNITY,
  OTHER_REP,
  REP,
  samplePrompt,
  startTestService,
  type TestService,
} from '../helpers/service';

const note = (overrides: Record<string, unknown> = {}) => ({
  opportunityId: OPPORTUNITY.id,
  opportunity: OPPORTUNITY,
  occurredAt: '2026-11-20',
  prompts: [{ text: 'Self-scheduling will move volume away from call centres', reaction: 'new_to_them' }],
  summary: 'Met Dana (VP Patient Access). I raised how self-scheduling shifts patient volume.',
  customerView: 'Dana said the call centre loses staff faster than they can hire.',
  ideas: 'Together we sketched a pilot for two clinics; Dana proposed using no-show data.',
  nextStep: 'Dana brings the no-show data to a working session with IT.',
  nextStepDate: '2026-12-08',
  ...overrides,
});

describe.each(DATABASE_KINDS)('notes API on %s', (kind) => {
  let service: TestService;

  beforeAll(async () => {
    service = await startTestService(kind);
  });
  afterAll(async () => {
    await service.close();
  });

  test('when a rep posts a note, then it is stored, scored and readable by id', async () => {
    const created = await service.client.request('POST', '/v1/notes', note());
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      opportunityId: OPPORTUNITY.id,
      authorId: REP,
      summary: note().summary,
    });
    expect(created.body.score.overall).toBeGreaterThan(0);
    expect(Object.keys(created.body.score.dimensions).sort()).toEqual(
      ['businessFocus', 'collaboration', 'customerView', 'nextStep', 'provocation'].sort(),
    );
    expect(typeof created.body.score.scorerVersion).toBe('string');
    const fetched = await service.client.request('GET', `/v1/notes/${created.body.id}`);
    expect(fetched.status).toBe(200);
    expect(fetched.body).toEqual(created.body);
  });

  test('when a note is stored, then its evidence is kept without texts and every answer gives each item the text it points at', async () => {
    const oppId = '006000000000095AAA';
    const opportunity = { ...OPPORTUNITY, id: oppId };
    const created = await service.client.request(
      'POST',
      '/v1/notes',
      note({ opportunityId: oppId, opportunity }),
    );
    const id = created.body.id;
    const [stored] = await service.db.selectFrom('notes').select('score').where('id', '=', id).execute();
    const storedEvidence = (stored!.score as { evidence: object[] }).evidence;
    expect(storedEvidence).toHaveLength(created.body.score.evidence.length);
    for (const item of storedEvidence) expect(item).not.toHaveProperty('text');

    const fetched = await service.client.request('GET', `/v1/notes/${id}`);
    const listed = await service.client.request('GET', `/v1/opportunities/${oppId}/notes`);
    const drilled = await service.client.request('GET', `/v1/analytics/notes?opportunityId=${oppId}`);
    const answers = [created.body, fetched.body, listed.body.items[0], drilled.body.items[0]];
    for (const answer of answers) {
      const texts: Record<string, string> = {
        summary: answer.summary,
        customerView: answer.customerView,
        ideas: answer.ideas,
        nextStep: answer.nextStep,
        'prompts.0.text': answer.prompts[0].text,
      };
      expect(new Set(answer.score.evidence.map((item: { field: string }) => item.field))).toEqual(
        new Set(Object.keys(texts)),
      );
      for (const item of answer.score.evidence)
        expect(texts[item.field]!.slice(item.start, item.end)).toBe(item.text);
      expect(answer).toEqual(created.body);
    }
    const panel = await service.client.request('POST', `/v1/opportunities/${oppId}/panel`, { opportunity });
    const { evidence: _evidence, ...compact } = created.body.score;
    expect(panel.body.recentNotes[0].score).toEqual(compact);
    expect(panel.body.summary.latest).toEqual({
      overall: created.body.score.overall,
      dimensions: created.body.score.dimensions,
    });

    // rows stored with their evidence texts read as they are
    await service.db
      .updateTable('notes')
      .set({ score: JSON.stringify(created.body.score) })
      .where('id', '=', id)
      .execute();
    expect((await service.client.request('GET', `/v1/notes/${id}`)).body).toEqual(created.body);
  });

  test("when notes bring their deal's context, then the deal row is written only when the context changes", async () => {
    const oppId = '006000000000094AAA';
    const opportunity = { ...OPPORTUNITY, id: oppId };
    const rowVersion = async () =>
      (
        await sql<{ version: string; stage: string }>`select xmin::text as version, stage from opportunities
          where id = ${oppId}`.execute(service.db)
      ).rows[0];
    const post = async (context: typeof opportunity) =>
      expect(
        (
          await service.client.request(
            'POST',
            '/v1/notes',
            note({ opportunityId: oppId, opportunity: context }),
          )
        ).status,
      ).toBe(201);

    await post(opportunity);
    const first = await rowVersion();
    await post(opportunity);
    expect(await rowVersion()).toEqual(first);

    await post({ ...opportunity, stage: 'Proposal/Price Quote' });
    const moved = await rowVersion();
    expect(moved).toEqual({
      version: expect.not.stringMatching(`^${first!.version}$`),
      stage: 'Proposal/Price Quote',
    });
    const notes = await service.client.request('GET', `/v1/opportunities/${oppId}/notes`);
    expect(notes.body.items.map((n: { id: string }) => n.id)).toHaveLength(3);
  });

  test('when a note names a library prompt, then it is stored with its key and title', async () => {
    const ops = service.client.as('005000000000009AAA', 'salesops');
    const set = await ops.request('POST', '/v1/prompt-sets', {
      name: 'Health',
      prompts: [samplePrompt('self-scheduling')],
    });
    // only published prompts can be cited (issue 13)
    await ops.request('POST', `/v1/prompt-sets/${set.body.id}/versions/1/publish`);
    const version = await ops.request('GET', `/v1/prompt-sets/${set.body.id}/versions/1`);
    const promptId = version.body.prompts[0].id;
    const created = await service.client.request(
      'POST',
      '/v1/notes',
      note({ prompts: [{ promptId, reaction: 'redirected' }] }),
    );
    expect(created.status).toBe(201);
    expect(created.body.prompts).toEqual([
      {
        promptId,
        promptKey: 'self-scheduling',
        title: 'Prompt self-scheduling',
        text: null,
        reaction: 'redirected',
      },
    ]);
  });

  test('when the body is invalid, then the 400 names each offending field and nothing is stored', async () => {
    const before = await service.client.request('GET', `/v1/opportunities/${OPPORTUNITY.id}/notes?limit=100`);
    const reply = await service.client.request('POST', '/v1/notes', {
      opportunityId: 'not-an-id',
      summary: '',
      prompts: [
        { promptId: 'x', text: 'both' },
        { text: 'ok', reaction: 'loved_it' },
      ],
      nextStepDate: '2026-13-45',
    });
    expect(reply.status).toBe(400);
    expect(reply.body.error.code).toBe('validation_failed');
    const paths = reply.body.error.details.map((d: { path: string }) => d.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'body.opportunityId',
        'body.summary',
        'body.prompts.1.reaction',
        'body.nextStepDate',
      ]),
    );
    const after = await service.client.request('GET', `/v1/opportunities/${OPPORTUNITY.id}/notes?limit=100`);
    expect(after.body.items.length).toBe(before.body.items.length);
  });

  test('when a form or Apex sends blank strings and nulls for optional fields, then they mean "not given"', async () => {
    const blankOpportunity = { ...OPPORTUNITY, amount: null, closeDate: '', industry: null, isWon: null };
    const created = await service.client.request(
      'POST',
      '/v1/notes',
      note({
        opportunity: blankOpportunity,
        occurredAt: '',
        customerView: '',
        ideas: null,
        nextStep: '   ',
        nextStepDate: null,
        prompts: [{ promptId: '', text: 'Self-scheduling will move volume', reaction: null }],
      }),
    );
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      customerView: null,
      ideas: null,
      nextStep: null,
      nextStepDate: null,
    });
    expect(created.body.prompts[0]).toMatchObject({
      text: 'Self-scheduling will move volume',
      reaction: null,
    });
    expect(created.body.score.dimensions.customerView).toBe(0);

    const draft = await service.client.request('POST', '/v1/score', {
      summary: 'Raised how self-scheduling moves volume.',
      customerView: null,
      nextStepDate: '',
      prompts: null,
    });
    expect(draft.status).toBe(200);

    const cleared = await service.client.request('PATCH', `/v1/notes/${created.body.id}`, {
      ideas: 'Dana proposed a pilot in two clinics.',
      nextStep: '',
    });
    expect(cleared.status).toBe(200);
    expect(cleared.body).toMatchObject({ ideas: 'Dana proposed a pilot in two clinics.', nextStep: null });
  });

  test('when an optional field has the wrong type or a malformed value, then the 400 names it', async () => {
    const reply = await service.client.request(
      'POST',
      '/v1/notes',
      note({ customerView: 42, nextStepDate: '12/08/2026', opportunity: { ...OPPORTUNITY, amount: 'lots' } }),
    );
    expect(reply.status).toBe(400);
    const details = reply.body.error.details as { path: string; message: string }[];
    expect(details.map((d) => d.path)).toEqual(
      expect.arrayContaining(['body.customerView', 'body.nextStepDate', 'body.opportunity.amount']),
    );
    expect(details.find((d) => d.path === 'body.nextStepDate')!.message).toMatch(/YYYY-MM-DD/);
    expect(details.find((d) => d.path === 'body.opportunity.amount')!.message).toMatch(/number/);
  });

  test('when a note is not in English, then it is stored as "not scored" and the coach says why, with no numbers', async () => {
    const oppId = '006000000000081AAA';
    const spanish = {
      opportunityId: oppId,
      opportunity: { ...OPPORTUNITY, id: oppId },
      summary:
        'Reunión con la directora financiera. Le planteamos el riesgo de los nuevos aranceles para su margen.',
      customerView: 'Ella quiere revisar los proveedores antes de marzo y no lo habían considerado.',
    };
    const draft = await service.client.request('POST', '/v1/score', spanish);
    expect(draft.body).toMatchObject({ status: 'not_scored', reason: 'not_english', overall: null });
    const created = await service.client.request('POST', '/v1/notes', spanish);
    expect(created.status).toBe(201);
    expect(created.body.score).toMatchObject({ status: 'not_scored', overall: null, dimensions: null });
    const panel = await service.client.request('POST', `/v1/opportunities/${oppId}/panel`, {
      opportunity: { ...OPPORTUNITY, id: oppId },
    });
    expect(panel.body.summary).toMatchObject({ noteCount: 1, averageOverall: null, latest: null });
  });

  test('when a note names a prompt id the tenant does not have, then it is a 400 naming the prompt', async () => {
    const reply = await service.client.request(
      'POST',
      '/v1/notes',
      note({ prompts: [{ promptId: '00000000-0000-4000-8000-000000000000', reaction: 'dismissed' }] }),
    );
    expect(reply.status).toBe(400);
    expect(reply.body.error.details[0].path).toBe('prompts.0.promptId');
  });

  test('when the author edits the note, then it is rescored; another rep gets 403 and the note is unchanged', async () => {
    const created = await service.client.request(
      'POST',
      '/v1/notes',
      note({ customerView: undefined, ideas: undefined }),
    );
    const other = await service.client
      .as(OTHER_REP, 'rep')
      .request('PATCH', `/v1/notes/${created.body.id}`, { summary: 'hijack' });
    expect(other.status).toBe(403);
    const edited = await service.client.request('PATCH', `/v1/notes/${created.body.id}`, {
      customerView:
        'Dana said IT and scheduling disagree about who owns the portal; the CFO wants agency spend cut.',
    });
    expect(edited.status).toBe(200);
    expect(edited.body.summary).toBe(created.body.summary);
    expect(edited.body.score.dimensions.customerView).toBeGreaterThan(
      created.body.score.dimensions.customerView,
    );
    const cleared = await service.client.request('PATCH', `/v1/notes/${created.body.id}`, {
      customerView: null,
    });
    expect(cleared.body.customerView).toBeNull();
    const empty = await service.client.request('PATCH', `/v1/notes/${created.body.id}`, {});
    expect(empty.status).toBe(400);
  });

  test('when the author deletes a note, then it is gone; a manager cannot delete a rep note', async () => {
    const created = await service.client.request('POST', '/v1/notes', note());
    const byManager = await service.client
      .as('005000000000008AAA', 'manager')
      .request('DELETE', `/v1/notes/${created.body.id}`);
    expect(byManager.status).toBe(403);
    const deleted = await service.client.request('DELETE', `/v1/notes/${created.body.id}`);
    expect(deleted.status).toBe(204);
    expect((await service.client.request('GET', `/v1/notes/${created.body.id}`)).status).toBe(404);
    expect((await service.client.request('DELETE', `/v1/notes/${created.body.id}`)).status).toBe(404);
  });

  test('when a change names the deal the note is on, then it applies; another deal gets 404 and nothing changes', async () => {
    const created = await service.client.request('POST', '/v1/notes', note());
    const id = created.body.id;
    const elsewhere = '006000000000094AAA';
    const wrongDeal = await service.client.request('PATCH', `/v1/notes/${id}?opportunityId=${elsewhere}`, {
      summary: 'moved',
    });
    expect(wrongDeal.status).toBe(404);
    expect(
      (await service.client.request('DELETE', `/v1/notes/${id}?opportunityId=${elsewhere}`)).status,
    ).toBe(404);
    expect((await service.client.request('GET', `/v1/notes/${id}`)).body.summary).toBe(note().summary);
    const badId = await service.client.request('DELETE', `/v1/notes/${id}?opportunityId=not-an-id`);
    expect(badId.status).toBe(400);
    expect(JSON.stringify(badId.body)).toContain('opportunityId');
    const edited = await service.client.request('PATCH', `/v1/notes/${id}?opportunityId=${OPPORTUNITY.id}`, {
      summary: 'Changed on the right deal',
    });
    expect(edited.status).toBe(200);
    expect(edited.body.summary).toBe('Changed on the right deal');
    expect(
      (await service.client.request('DELETE', `/v1/notes/${id}?opportunityId=${OPPORTUNITY.id}`)).status,
    ).toBe(204);
  });

  test('when an opportunity has many notes, then pages are newest first and cover each note once', async () => {
    const oppId = '006000000000099AAA';
    const ids: string[] = [];
    for (let i = 0; i < 7; i++) {
      const created = await service.client.request(
        'POST',
        '/v1/notes',
        note({ opportunityId: oppId, opportunity: undefined, summary: `note ${i}` }),
      );
      ids.push(created.body.id);
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: { items: { id: string }[]; nextCursor: string | null } } =
        await service.client.request(
          'GET',
          `/v1/opportunities/${oppId}/notes?limit=3${cursor ? `&cursor=${cursor}` : ''}`,
        );
      seen.push(...page.body.items.map((n) => n.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual([...ids].reverse());
    const bad = await service.client.request('GET', `/v1/opportunities/${oppId}/notes?cursor=garbage`);
    expect(bad.status).toBe(400);
  });

  test('when a POST is retried with its Idempotency-Key, then the first answer is replayed and one note exists', async () => {
    const oppId = '006000000000098AAA';
    // as the package sends it: with the deal's context, whose stage the stored answer records
    const body = note({ opportunityId: oppId, opportunity: { ...OPPORTUNITY, id: oppId } });
    const headers = { 'idempotency-key': 'retry-1' };
    const first = await service.client.request('POST', '/v1/notes', body, headers);
    expect(first.body.opportunityStage).toBe(OPPORTUNITY.stage);
    const again = await service.client.request('POST', '/v1/notes', body, headers);
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    const list = await service.client.request('GET', `/v1/opportunities/${oppId}/notes`);
    expect(list.body.items).toHaveLength(1);
    const reused = await service.client.request(
      'POST',
      '/v1/notes',
      { ...body, summary: 'different' },
      headers,
    );
    expect(reused.status).toBe(409);
    expect(reused.body.error.code).toBe('idempotency_key_reused');
  });

  test('when the same Idempotency-Key arrives concurrently, then exactly one note is created', async () => {
    const oppId = '006000000000097AAA';
    const body = note({ opportunityId: oppId, opportunity: undefined });
    const replies = await Promise.all(
      Array.from({ length: 6 }, () =>
        service.client.request('POST', '/v1/notes', body, { 'idempotency-key': 'race-1' }),
      ),
    );
    const statuses = replies.map((r) => r.status);
    expect(statuses.every((s) => s === 201 || s === 409)).toBe(true);
    expect(new Set(replies.filter((r) => r.status === 201).map((r) => r.body.id)).size).toBe(1);
    const list = await service.client.request('GET', `/v1/opportunities/${oppId}/notes`);
    expect(list.body.items).toHaveLength(1);
  });

  test("when another tenant uses a note's id, then it gets 404 and cannot change it", async () => {
    const created = await service.client.request('POST', '/v1/notes', note());
    const other = await service.newTenant(`other-${kind}`);
    const stranger = service.clientFor(other.apiKey, REP, 'rep');
    expect((await stranger.request('GET', `/v1/notes/${created.body.id}`)).status).toBe(404);
    expect((await stranger.request('PATCH', `/v1/notes/${created.body.id}`, { summary: 'x' })).status).toBe(
      404,
    );
    expect((await stranger.request('DELETE', `/v1/notes/${created.body.id}`)).status).toBe(404);
    const list = await stranger.request('GET', `/v1/opportunities/${OPPORTUNITY.id}/notes`);
    expect(list.body.items).toEqual([]);
    expect((await service.client.request('GET', `/v1/notes/${created.body.id}`)).status).toBe(200);
  });

  test('when a draft is scored, then the score comes back and nothing is stored', async () => {
    const oppId = '006000000000096AAA';
    const reply = await service.client.request(
      'POST',
      '/v1/score',
      note({ opportunityId: oppId, opportunity: undefined }),
    );
    expect(reply.status).toBe(200);
    expect(reply.body.overall).toBeGreaterThan(0);
    expect(reply.body.tips.length).toBeLessThanOrEqual(3);
    const list = await service.client.request('GET', `/v1/opportunities/${oppId}/notes`);
    expect(list.body.items).toEqual([]);
  });
});

describe('author names', () => {
  test("when the org's users are known, then notes carry their author's name", async () => {
    const service = await startTestService('pglite');
    try {
      await upsertUsers(service.db, service.tenantId, [
        { id: REP, name: 'Avery Chen', managerId: null, isActive: true },
      ]);
      const created = await service.client.request('POST', '/v1/notes', note());
      expect(created.body.authorName).toBe('Avery Chen');
      const keyed = { 'idempotency-key': 'named-1' };
      const first = await service.client.request('POST', '/v1/notes', note({ summary: 'Again.' }), keyed);
      const replayed = await service.client.request('POST', '/v1/notes', note({ summary: 'Again.' }), keyed);
      expect(replayed.headers.get('idempotent-replayed')).toBe('true');
      expect(replayed.body).toEqual({ ...first.body, authorName: 'Avery Chen' });
      const listed = await service.client.request('GET', `/v1/opportunities/${OPPORTUNITY.id}/notes`);
      expect(listed.body.items.map((n: { authorName: string }) => n.authorName)).toEqual([
        'Avery Chen',
        'Avery Chen',
      ]);
      const panel = await service.client.request('POST', `/v1/opportunities/${OPPORTUNITY.id}/panel`, {
        opportunity: OPPORTUNITY,
      });
      expect(panel.body.recentNotes[0].authorName).toBe('Avery Chen');
    } finally {
      await service.close();
    }
  });
});
