// When sales ops promote a candidate, preview a draft, roll back a set and import a file with
// mistakes — on PGlite and on Postgres.
import { DATABASE_KINDS } from '../helpers/databases';
import { OPPORTUNITY, samplePrompt, type Client, type TestService } from '../helpers/service';
import { publishedSet, startAsOps } from '../helpers/prompt-sets';

const HEADER =
  'key,title,provocation,followUp,rationale,source,expiresOn,industries,phases,stages,amountMin,amountMax,recordTypes';

describe.each(DATABASE_KINDS)('prompt set curation on %s', (kind) => {
  let service: TestService;
  let ops: Client;

  beforeAll(async () => ({ service, ops } = await startAsOps(kind)));
  afterAll(() => service.close());

  const keysOf = (items: Array<{ key: string }>) => items.map((p) => p.key);

  describe('promoting a candidate', () => {
    const adHoc = 'Nurse staffing agencies will double their rates next year';
    const noteIds: string[] = [];

    beforeAll(async () => {
      for (const [id, text] of [
        ['006000000000P01AAA', adHoc],
        ['006000000000P03AAA', adHoc],
        ['006000000000P02AAA', 'Nurse staffing agencies double their rates'],
      ]) {
        const note = await service.client.request('POST', '/v1/notes', {
          opportunityId: id,
          opportunity: { ...OPPORTUNITY, id, stage: 'Needs Analysis', industry: 'Healthcare' },
          occurredAt: '2026-11-20',
          prompts: [{ text, reaction: 'new_to_them' }],
          summary: 'Talked about agency staffing costs.',
        });
        expect(note.status).toBe(201);
        noteIds.push(note.body.id);
      }
    });

    test('when sales ops promote an ad-hoc provocation, then a draft prompt is prefilled from its notes and the candidate shows as promoted', async () => {
      const setId = await publishedSet(ops, [samplePrompt('existing')], 'Promotions');
      const before = await ops.request('GET', '/v1/analytics/prompts');
      const candidate = before.body.candidates.find((c: { kind: string }) => c.kind === 'adhoc');
      expect(candidate).toMatchObject({ text: adHoc, count: 3, promotion: null });

      const promoted = await ops.request('POST', `/v1/prompt-sets/${setId}/promotions`, {
        kind: 'adhoc',
        text: candidate.text,
      });
      expect(promoted.status).toBe(201);
      expect(promoted.body.version).toMatchObject({ setId, version: 2, status: 'draft' });
      const prompt = promoted.body.version.prompts.at(-1);
      expect(keysOf(promoted.body.version.prompts)).toEqual(['existing', prompt.key]);
      expect(prompt).toMatchObject({
        key: 'nurse-staffing-agencies-will-double-their',
        title: adHoc,
        provocation: adHoc,
        targeting: { industries: ['Healthcare'], phases: ['middle'] },
      });
      expect(promoted.body.promotion).toMatchObject({ setId, version: 2, promptKey: prompt.key });
      expect([...promoted.body.promotion.sourceNoteIds].sort()).toEqual([...noteIds].sort());

      const after = await ops.request('GET', '/v1/analytics/prompts');
      const shown = after.body.candidates.find((c: { kind: string }) => c.kind === 'adhoc');
      expect(shown.promotion).toMatchObject({
        setId,
        setName: 'Promotions',
        version: 2,
        promptKey: prompt.key,
      });

      // a second promotion goes into the same open draft, under a key of its own
      const again = await ops.request('POST', `/v1/prompt-sets/${setId}/promotions`, {
        kind: 'adhoc',
        text: candidate.text,
      });
      expect(again.status).toBe(201);
      expect(again.body.version.version).toBe(2);
      expect(again.body.promotion.promptKey).toBe(`${prompt.key}-2`);
    });

    test('when the text is carried by no note, then it is a 404 and no draft is opened', async () => {
      const setId = await publishedSet(ops, [samplePrompt('only')], 'No source');
      const reply = await ops.request('POST', `/v1/prompt-sets/${setId}/promotions`, {
        kind: 'redirected',
        text: 'Something nobody ever said',
      });
      expect(reply.status).toBe(404);
      const set = await ops.request('GET', `/v1/prompt-sets/${setId}`);
      expect(set.body.versions).toHaveLength(1);
    });

    test('when a rep or a manager promotes a candidate, then it is 403', async () => {
      const setId = await publishedSet(ops, [samplePrompt('guarded')], 'Guarded');
      for (const client of [service.client, service.client.as('005000000000008AAA', 'manager')]) {
        const reply = await client.request('POST', `/v1/prompt-sets/${setId}/promotions`, {
          kind: 'adhoc',
          text: adHoc,
        });
        expect(reply.status).toBe(403);
      }
    });
  });

  test('when a draft is previewed for a context, then the panel selection sees the draft instead of its published version', async () => {
    const setId = await publishedSet(ops, [samplePrompt('live')], 'Preview');
    const draft = await ops.request('POST', `/v1/prompt-sets/${setId}/versions`);
    await ops.request('PUT', `/v1/prompt-sets/${setId}/versions/${draft.body.version}`, {
      prompts: [samplePrompt('drafted', { provocation: 'Does {Account.Name} see it coming?' })],
    });
    const preview = await ops.request('POST', `/v1/prompt-sets/${setId}/versions/2/preview`, {
      opportunity: OPPORTUNITY,
    });
    expect(preview.status).toBe(200);
    const keys = keysOf(preview.body.items);
    expect(keys).toContain('drafted');
    expect(keys).not.toContain('live');
    expect(preview.body.items.find((p: { key: string }) => p.key === 'drafted').provocation).toBe(
      'Does St. Agnes Health see it coming?',
    );
    const published = await ops.request('POST', '/v1/prompt-sets/preview', { opportunity: OPPORTUNITY });
    expect(keysOf(published.body.items)).toContain('live');
    expect(keysOf(published.body.items)).not.toContain('drafted');
  });

  test('when an earlier version is republished, then it comes back as a new published version and the history is kept', async () => {
    const setId = await publishedSet(ops, [samplePrompt('first')], 'Rollback');
    await ops.request('POST', `/v1/prompt-sets/${setId}/versions`);
    await ops.request('PUT', `/v1/prompt-sets/${setId}/versions/2`, { prompts: [samplePrompt('second')] });
    await ops.request('POST', `/v1/prompt-sets/${setId}/versions/2/publish`);

    expect(
      (await service.client.request('POST', `/v1/prompt-sets/${setId}/versions/1/republish`)).status,
    ).toBe(403);
    expect((await ops.request('POST', `/v1/prompt-sets/${setId}/versions/2/republish`)).status).toBe(409);
    const rolledBack = await ops.request('POST', `/v1/prompt-sets/${setId}/versions/1/republish`);
    expect(rolledBack.status).toBe(201);
    expect(rolledBack.body).toMatchObject({ version: 3, status: 'published', name: 'Rollback' });
    expect(keysOf(rolledBack.body.prompts)).toEqual(['first']);
    const set = await ops.request('GET', `/v1/prompt-sets/${setId}`);
    expect(set.body.versions.map((v: { version: number; status: string }) => [v.version, v.status])).toEqual([
      [1, 'retired'],
      [2, 'retired'],
      [3, 'published'],
    ]);
  });

  test('when an imported CSV has several invalid prompts, then the 400 names the line, column and key of every one', async () => {
    const reply = await ops.request(
      'POST',
      '/v1/prompt-sets/import?format=csv',
      [
        HEADER,
        'good,t,p,f,r,s,,,,,,,',
        'no-title,,p,f,r,s,,,,,,,',
        '',
        'multi,t,"two',
        'lines",f,r,s,,,someday,,abc,,',
        'Bad Key,t,p,f,r,s,,,,,,,',
      ].join('\n'),
    );
    expect(reply.status).toBe(400);
    const details = reply.body.error.details.map((d: Record<string, unknown>) => [d.line, d.column, d.key]);
    expect(details).toEqual([
      [3, 'title', 'no-title'],
      [5, 'phases', 'multi'],
      [5, 'amountMin', 'multi'],
      [7, 'key', 'Bad Key'],
    ]);
    expect(reply.body.error.message.split('\n')).toEqual([
      'the file has 4 problem(s) to fix:',
      'line 3, column title (key "no-title"): must not be empty',
      expect.stringMatching(/^line 5, column phases \(key "multi"\): /),
      expect.stringMatching(/^line 5, column amountMin \(key "multi"\): /),
      expect.stringMatching(/^line 7, column key \(key "Bad Key"\): must be lowercase/),
    ]);
  });

  test('when an imported JSON file has invalid prompts, then the 400 names each prompt by position and key, and its field', async () => {
    const reply = await ops.request('POST', '/v1/prompt-sets/import?format=json', {
      name: 'Broken',
      prompts: [
        samplePrompt('fine'),
        samplePrompt('empty-title', { title: '' }),
        samplePrompt('bad-field', { provocation: 'Hello {Account.Nickname}' }),
        samplePrompt('fine'),
      ],
    });
    expect(reply.status).toBe(400);
    const details = reply.body.error.details.map((d: Record<string, unknown>) => [d.prompt, d.key, d.field]);
    expect(details).toEqual([[2, 'empty-title', 'title']]);

    const crossChecked = await ops.request('POST', '/v1/prompt-sets/import?format=json', {
      name: 'Broken',
      prompts: [
        samplePrompt('fine'),
        samplePrompt('bad-field', { provocation: 'Hi {Account.Nickname}' }),
        samplePrompt('fine'),
      ],
    });
    expect(crossChecked.status).toBe(400);
    expect(
      crossChecked.body.error.details.map((d: Record<string, unknown>) => [d.prompt, d.key, d.field]),
    ).toEqual([
      [2, 'bad-field', 'provocation'],
      [3, 'fine', 'key'],
    ]);
  });

  test('when a set is exported as CSV and imported back, then it keeps its name', async () => {
    const setId = await publishedSet(ops, [samplePrompt('named')], 'Q3 Healthcare; "plays"');
    const exported = await ops.request('GET', `/v1/prompt-sets/${setId}/versions/1/export?format=csv`);
    const imported = await ops.request('POST', '/v1/prompt-sets/import?format=csv', exported.text);
    expect(imported.status).toBe(201);
    expect(imported.body.name).toBe('Q3 Healthcare; "plays"');
  });
});
