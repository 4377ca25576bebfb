// When sales ops curate prompt sets and reps open the panel — on PGlite and on Postgres.
import { DATABASE_KINDS } from '../helpers/databases';
import { OPPORTUNITY, OPS, samplePrompt, type Client, type TestService } from '../helpers/service';
import { publishedSet, startAsOps } from '../helpers/prompt-sets';

describe.each(DATABASE_KINDS)('prompt sets and the panel on %s', (kind) => {
  let service: TestService;
  let ops: Client;

  beforeAll(async () => ({ service, ops } = await startAsOps(kind)));
  afterAll(() => service.close());

  test('when a rep or a manager tries to write prompt sets, then it is 403 and nothing is created', async () => {
    for (const client of [service.client, service.client.as('005000000000008AAA', 'manager')]) {
      const reply = await client.request('POST', '/v1/prompt-sets', { name: 'Nope', prompts: [] });
      expect(reply.status).toBe(403);
    }
    const list = await service.client.request('GET', '/v1/prompt-sets');
    expect(list.body.items.map((s: { name: string }) => s.name)).not.toContain('Nope');
  });

  test('when a draft is published, then it is immutable, a new draft copies it, and publishing retires the old one', async () => {
    const setId = await publishedSet(ops, [samplePrompt('a'), samplePrompt('b')], 'Lifecycle');
    const edit = await ops.request('PUT', `/v1/prompt-sets/${setId}/versions/1`, {
      prompts: [samplePrompt('c')],
    });
    expect(edit.status).toBe(409);
    const draft = await ops.request('POST', `/v1/prompt-sets/${setId}/versions`);
    expect(draft.status).toBe(201);
    expect(draft.body).toMatchObject({ version: 2, status: 'draft' });
    expect(draft.body.prompts.map((p: { key: string }) => p.key)).toEqual(['a', 'b']);
    expect((await ops.request('POST', `/v1/prompt-sets/${setId}/versions`)).status).toBe(409);
    const saved = await ops.request('PUT', `/v1/prompt-sets/${setId}/versions/2`, {
      prompts: [samplePrompt('a', { title: 'Edited title' })],
    });
    expect(saved.status).toBe(200);
    expect(saved.body.prompts).toHaveLength(1);
    expect((await ops.request('POST', `/v1/prompt-sets/${setId}/versions/2/publish`)).body.status).toBe(
      'published',
    );
    const set = await service.client.request('GET', `/v1/prompt-sets/${setId}`);
    expect(set.body.versions.map((v: { status: string }) => v.status)).toEqual(['retired', 'published']);
    const v1 = await service.client.request('GET', `/v1/prompt-sets/${setId}/versions/1`);
    expect(v1.body.prompts.map((p: { key: string }) => p.key)).toEqual(['a', 'b']);
    expect((await ops.request('POST', `/v1/prompt-sets/${setId}/versions/2/retire`)).body.status).toBe(
      'retired',
    );
    expect((await ops.request('POST', `/v1/prompt-sets/${setId}/versions/2/retire`)).status).toBe(409);
  });

  test('when prompts are invalid, then the 400 names the prompt and field', async () => {
    const reply = await ops.request('POST', '/v1/prompt-sets', {
      name: 'Bad',
      prompts: [samplePrompt('dup'), samplePrompt('dup', { provocation: 'Hello {Account.Owner}' })],
    });
    expect(reply.status).toBe(400);
    const paths = reply.body.error.details.map((d: { path: string }) => d.path);
    expect(paths).toEqual(expect.arrayContaining(['prompts.1.key', 'prompts.1.provocation']));
    const shape = await ops.request('POST', '/v1/prompt-sets', {
      name: 'Bad',
      prompts: [{ key: 'Bad Key' }],
    });
    expect(shape.status).toBe(400);
    expect(shape.body.error.details.map((d: { path: string }) => d.path)).toContain('body.prompts.0.key');
  });

  test('when the panel loads, then it picks targeted, published, unexpired prompts with merge fields filled', async () => {
    await publishedSet(
      ops,
      [
        samplePrompt('health-mid', {
          provocation:
            'At {Account.Name|your organisation}, {Opportunity.Amount} rides on {Opportunity.Name}',
        }),
        samplePrompt('health-expired', { expiresOn: '2020-01-01' }),
        samplePrompt('banking-mid', { targeting: { industries: ['Banking'], phases: ['middle'] } }),
        samplePrompt('health-late', { targeting: { industries: ['Healthcare'], phases: ['late'] } }),
        samplePrompt('any-big', { targeting: { amountMin: 100000 } }),
      ],
      'Panel',
    );
    const draftOnly = await ops.request('POST', '/v1/prompt-sets', {
      name: 'Draft only',
      prompts: [samplePrompt('draft-only')],
    });
    expect(draftOnly.status).toBe(201);
    const panel = await service.client.request('POST', `/v1/opportunities/${OPPORTUNITY.id}/panel`, {
      opportunity: OPPORTUNITY,
    });
    expect(panel.status).toBe(200);
    const keys = panel.body.prompts.map((p: { key: string }) => p.key);
    expect(keys).toContain('health-mid');
    expect(keys).toContain('any-big');
    for (const absent of ['health-expired', 'banking-mid', 'draft-only']) expect(keys).not.toContain(absent);
    // another phase's prompt only fills a thin panel, after every exact match
    if (keys.includes('health-late')) expect(keys.at(-1)).toBe('health-late');
    const filled = panel.body.prompts.find((p: { key: string }) => p.key === 'health-mid');
    expect(filled.provocation).toBe(
      'At St. Agnes Health, 250,000 rides on St. Agnes Health – Patient Access',
    );
    const again = await service.client.request('POST', `/v1/opportunities/${OPPORTUNITY.id}/panel`, {
      opportunity: OPPORTUNITY,
    });
    expect(again.body.prompts).toEqual(panel.body.prompts);
    const noName = await service.client.request('POST', `/v1/opportunities/${OPPORTUNITY.id}/panel`, {
      opportunity: { ...OPPORTUNITY, accountName: undefined, name: '<script>alert(1)</script>' },
    });
    const merged = noName.body.prompts.find((p: { key: string }) => p.key === 'health-mid');
    expect(merged.provocation).toContain('At your organisation,');
    expect(merged.provocation).toContain('<script>alert(1)</script>'); // plain text; the LWC renders it as text
    expect(Buffer.byteLength(noName.text)).toBeLessThanOrEqual(20 * 1024);
  });

  test('when the opportunity in the body differs from the path, then it is a 400', async () => {
    const reply = await service.client.request('POST', '/v1/opportunities/006000000000002AAA/panel', {
      opportunity: OPPORTUNITY,
    });
    expect(reply.status).toBe(400);
    expect(reply.body.error.details[0].path).toBe('opportunity.id');
  });

  test('when a set is exported as JSON or CSV and imported back, then every field survives', async () => {
    const prompts = [
      samplePrompt('round-trip', {
        provocation: 'Commas, "quotes", semicolons; and\nnew lines for {Account.Name}',
        expiresOn: '2027-12-31',
        targeting: {
          industries: ['Food & Beverage', 'Retail'],
          phases: ['early', 'late'],
          stages: ['Prospecting'],
          amountMin: 1000,
          amountMax: 5000000,
          recordTypes: ['New Business'],
        },
      }),
      samplePrompt('plain'),
      samplePrompt('formulas', {
        title: '=HYPERLINK("http://evil.example","open")',
        followUp: "@SUM(A1:A2) or '=marked already",
        rationale: '-2+3 is a formula to a spreadsheet',
        targeting: {
          industries: ['+Retail'],
          phases: [],
          stages: [],
          amountMin: null,
          amountMax: null,
          recordTypes: [],
        },
      }),
    ];
    const setId = await publishedSet(ops, prompts, 'Round trip');
    const original = (await service.client.request('GET', `/v1/prompt-sets/${setId}/versions/1`)).body;
    const strip = (list: Array<Record<string, unknown>>) =>
      list.map(({ id: _i, setId: _s, version: _v, ...rest }) => rest);
    for (const format of ['json', 'csv'] as const) {
      const exported = await service.client.request(
        'GET',
        `/v1/prompt-sets/${setId}/versions/1/export?format=${format}`,
      );
      expect(exported.status).toBe(200);
      expect(exported.headers.get('content-type')).toContain(
        format === 'csv' ? 'text/csv' : 'application/json',
      );
      if (format === 'csv') {
        const formulaRow = exported.text.split('\n').find((line) => line.startsWith('formulas,'));
        expect(formulaRow).toContain(`"'=HYPERLINK(""http://evil.example"",""open"")"`);
        expect(formulaRow).toContain(`,'@SUM(A1:A2) or '=marked already,`);
        expect(formulaRow).toContain(`'-2+3 is a formula`);
        expect(formulaRow).toContain(`'+Retail`);
      }
      const imported = await ops.request(
        'POST',
        `/v1/prompt-sets/import?format=${format}`,
        format === 'csv' ? exported.text : exported.body,
      );
      expect(imported.status).toBe(201);
      const copy = (await service.client.request('GET', `/v1/prompt-sets/${imported.body.id}/versions/1`))
        .body;
      expect(strip(copy.prompts)).toEqual(strip(original.prompts));
    }
    const asDraft = await ops.request(
      'POST',
      `/v1/prompt-sets/import?format=csv&setId=${setId}`,
      (await service.client.request('GET', `/v1/prompt-sets/${setId}/versions/1/export?format=csv`)).text,
    );
    expect(asDraft.status).toBe(201);
    expect(asDraft.body).toMatchObject({ setId, version: 2, status: 'draft' });
  });

  test('when an imported CSV is malformed, then the 400 names the row or the missing column', async () => {
    const badRow = await ops.request(
      'POST',
      '/v1/prompt-sets/import?format=csv',
      'key,title,provocation,followUp,rationale,source,expiresOn,industries,phases,stages,amountMin,amountMax,recordTypes\nok-key,,p,f,r,s,,,middle,,,,\n',
    );
    expect(badRow.status).toBe(400);
    expect(badRow.body.error.details[0].path).toBe('csv.rows.0.title');
    const badHeader = await ops.request('POST', '/v1/prompt-sets/import?format=csv', 'key,title\na,b\n');
    expect(badHeader.status).toBe(400);
    expect(badHeader.body.error.code).toBe('invalid_csv');
    const badPhase = await ops.request(
      'POST',
      '/v1/prompt-sets/import?format=csv',
      'key,title,provocation,followUp,rationale,source,expiresOn,industries,phases,stages,amountMin,amountMax,recordTypes\nk,t,p,f,r,s,,,someday,,abc,,\n',
    );
    expect(badPhase.status).toBe(400);
    expect(badPhase.body.error.details.map((d: { path: string }) => d.path)).toEqual(
      expect.arrayContaining(['csv.rows.0.targeting.phases.0', 'csv.rows.0.targeting.amountMin']),
    );
  });

  test('when an imported file holds half a character, then the 400 names where; whole emoji are kept', async () => {
    // a lone UTF-16 surrogate: jsonb refuses it (the fuzzer's 500), text would turn it into U+FFFD
    const broken = await ops.request('POST', '/v1/prompt-sets/import?format=json', {
      name: 'Broken',
      prompts: [samplePrompt('lone-half', { targeting: { industries: ['\ud800'] } })],
    });
    expect(broken.status).toBe(400);
    expect(broken.body.error.details[0]).toEqual({
      path: 'body.prompts.0.targeting.industries.0',
      message: 'must not contain a lone UTF-16 surrogate (not a whole character)',
    });
    const whole = await ops.request('POST', '/v1/prompt-sets/import?format=json', {
      name: 'Emoji 🙂',
      prompts: [samplePrompt('emoji', { title: 'Margins 📉 next year' })],
    });
    expect(whole.status).toBe(201);
    expect(whole.body.name).toBe('Emoji 🙂');
  });

  test('when the preview is asked for a context, then it answers what the panel would pick, without storing the context', async () => {
    const preview = await service.client.request('POST', '/v1/prompt-sets/preview', {
      opportunity: {
        id: '006000000000055AAA',
        // the sample prompts need the account's name: without one, the panel would skip them
        accountName: 'St. Luke Clinics',
        industry: 'Healthcare',
        stage: 'Needs Analysis',
        amount: 200000,
      },
    });
    expect(preview.status).toBe(200);
    expect(preview.body.items.length).toBeGreaterThan(0);
    expect(preview.body.items.length).toBeLessThanOrEqual(5);
  });

  test('when another tenant asks for a set by id, then it gets 404 and cannot publish or export it', async () => {
    const setId = await publishedSet(ops, [samplePrompt('mine')], 'Private');
    const other = await service.newTenant(`ps-other-${kind}`);
    const stranger = service.clientFor(other.apiKey, OPS, 'salesops');
    expect((await stranger.request('GET', `/v1/prompt-sets/${setId}`)).status).toBe(404);
    expect(
      (await stranger.request('GET', `/v1/prompt-sets/${setId}/versions/1/export?format=csv`)).status,
    ).toBe(404);
    expect((await stranger.request('POST', `/v1/prompt-sets/${setId}/versions/1/retire`)).status).toBe(404);
    expect((await stranger.request('GET', '/v1/prompt-sets')).body.items).toEqual([]);
    const panel = await stranger.request('POST', `/v1/opportunities/${OPPORTUNITY.id}/panel`, {
      opportunity: OPPORTUNITY,
    });
    expect(panel.body.prompts).toEqual([]);
  });
});
