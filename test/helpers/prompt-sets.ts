// Sales ops' side of the prompt-set suites: a running service with sales ops' client, and a set
// published in one step.
import type { DatabaseKind } from './databases';
import { OPS, startTestService, type Client, type TestService } from './service';

/** A test service of `kind` and sales ops' client on it. */
export async function startAsOps(kind: DatabaseKind): Promise<{ service: TestService; ops: Client }> {
  const service = await startTestService(kind);
  return { service, ops: service.client.as(OPS, 'salesops') };
}

/** Creates a set of `prompts` as sales ops and publishes its first version; answers the set's id. */
export async function publishedSet(ops: Client, prompts: object[], name = 'Set'): Promise<string> {
  const set = await ops.request('POST', '/v1/prompt-sets', { name, prompts });
  expect(set.status).toBe(201);
  const published = await ops.request('POST', `/v1/prompt-sets/${set.body.id}/versions/1/publish`);
  expect(published.status).toBe(200);
  return set.body.id as string;
}
