// Notes cite prompts by id. Only prompts reps could have been shown (published, or retired since)
// may be cited, and editing a draft keeps the ids of the prompts it keeps — on PGlite and Postgres.
import { DATABASE_KINDS } from '../helpers/databases';
import { OPPORTUNITY, samplePrompt, type Client, type TestService } from '../helpers/service';
import { startAsOps } from '../helpers/prompt-sets';

describe.each(DATABASE_KINDS)('prompt citations on %s', (kind) => {
  let service: TestService;
  let ops: Client;

  beforeAll(async () => ({ service, ops } = await startAsOps(kind)));
  afterAll(() => service.close());

  const noteCiting = (promptId: string) =>
    service.client.request('POST', '/v1/notes', {
      opportunityId: OPPORTUNITY.id,
      summary: 'Raised the self-scheduling shift with Dana.',
      prompts: [{ promptId, reaction: 'new_to_them' }],
    });

  test('when a note cites a draft prompt, then it is a 400 naming the prompt; published and retired ones are accepted', async () => {
    const set = await ops.request('POST', '/v1/prompt-sets', {
      name: 'Citations',
      prompts: [samplePrompt('a')],
    });
    const draft = await ops.request('GET', `/v1/prompt-sets/${set.body.id}/versions/1`);
    const promptId = draft.body.prompts[0].id;

    const refused = await noteCiting(promptId);

    expect(refused.status).toBe(400);
    expect(refused.body.error.details).toEqual([
      { path: 'prompts.0.promptId', message: expect.stringMatching(new RegExp(`${promptId}.*draft`)) },
    ]);
    expect((await ops.request('POST', `/v1/prompt-sets/${set.body.id}/versions/1/publish`)).status).toBe(200);
    expect((await noteCiting(promptId)).status).toBe(201);
    expect((await ops.request('POST', `/v1/prompt-sets/${set.body.id}/versions/1/retire`)).status).toBe(200);
    expect((await noteCiting(promptId)).status).toBe(201);
  });

  test('when a draft is edited, then the prompts it keeps keep their ids and the new ones get new ids', async () => {
    const set = await ops.request('POST', '/v1/prompt-sets', {
      name: 'Stable ids',
      prompts: [samplePrompt('a'), samplePrompt('b')],
    });
    const before = await ops.request('GET', `/v1/prompt-sets/${set.body.id}/versions/1`);
    const idOf = (version: { prompts: Array<{ key: string; id: string }> }, key: string) =>
      version.prompts.find((p) => p.key === key)?.id;

    const saved = await ops.request('PUT', `/v1/prompt-sets/${set.body.id}/versions/1`, {
      prompts: [samplePrompt('c'), samplePrompt('a', { title: 'Edited title' })],
    });

    expect(saved.status).toBe(200);
    expect(saved.body.prompts.map((p: { key: string; title: string }) => [p.key, p.title])).toEqual([
      ['c', 'Prompt c'],
      ['a', 'Edited title'],
    ]);
    expect(idOf(saved.body, 'a')).toBe(idOf(before.body, 'a'));
    expect([idOf(before.body, 'a'), idOf(before.body, 'b')]).not.toContain(idOf(saved.body, 'c'));
    expect(idOf(saved.body, 'b')).toBeUndefined();
  });
});
