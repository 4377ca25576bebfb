// Every list the prompt-set routes return is bounded: a tenant keeps at most MAX_PROMPT_SETS sets
// and a set at most MAX_VERSIONS_PER_SET versions, refused with a 409 that names the limit.
import { DATABASE_KINDS } from '../helpers/databases';
import { OPS, samplePrompt, startTestService, type TestService } from '../helpers/service';
import { MAX_PROMPT_SETS, MAX_VERSIONS_PER_SET } from '../../service/src/features/prompt-sets/prompt-sets';

describe.each(DATABASE_KINDS)('prompt set limits on %s', (kind) => {
  let service: TestService;

  beforeAll(async () => {
    service = await startTestService(kind);
  });
  afterAll(() => service.close());

  test('when a tenant has as many sets as allowed, then one more is a 409 naming the limit and the list stays bounded', async () => {
    const tenant = await service.newTenant('set-limits');
    const ops = service.clientFor(tenant.apiKey, OPS, 'salesops');
    const created = await Promise.all(
      Array.from({ length: MAX_PROMPT_SETS }, (_, i) =>
        ops.request('POST', '/v1/prompt-sets', { name: `Set ${i}`, prompts: [] }),
      ),
    );
    expect(created.map((r) => r.status)).toEqual(created.map(() => 201));
    const refused = await Promise.all(
      [1, 2].map(() => ops.request('POST', '/v1/prompt-sets', { name: 'One too many', prompts: [] })),
    );
    for (const reply of refused) {
      expect(reply.status).toBe(409);
      expect(reply.body.error.message).toMatch(new RegExp(`at most ${MAX_PROMPT_SETS} prompt sets`));
    }
    const list = await ops.request('GET', '/v1/prompt-sets');
    expect(list.body.items).toHaveLength(MAX_PROMPT_SETS);
  });

  test('when a set has as many versions as allowed, then a new draft is a 409 naming the limit', async () => {
    const tenant = await service.newTenant('version-limits');
    const ops = service.clientFor(tenant.apiKey, OPS, 'salesops');
    const set = await ops.request('POST', '/v1/prompt-sets', {
      name: 'Busy',
      prompts: [samplePrompt('busy')],
    });
    expect(set.status).toBe(201);
    for (let version = 1; version <= MAX_VERSIONS_PER_SET; version++) {
      if (version > 1)
        expect((await ops.request('POST', `/v1/prompt-sets/${set.body.id}/versions`)).status).toBe(201);
      const published = await ops.request(
        'POST',
        `/v1/prompt-sets/${set.body.id}/versions/${version}/publish`,
      );
      expect(published.status).toBe(200);
    }
    const refused = await ops.request('POST', `/v1/prompt-sets/${set.body.id}/versions`);
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toMatch(new RegExp(`at most ${MAX_VERSIONS_PER_SET} versions`));
    const fetched = await ops.request('GET', `/v1/prompt-sets/${set.body.id}`);
    expect(fetched.body.versions).toHaveLength(MAX_VERSIONS_PER_SET);
  });
});
