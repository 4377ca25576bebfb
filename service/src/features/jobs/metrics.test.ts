// The job gauges tell an operator whether workers keep up: they count what waits and how long.
import { randomUUID } from 'node:crypto';
import { Registry } from 'prom-client';
import { DATABASE_KINDS, openTestDatabase, type TestDatabase } from '../../../../test/helpers/databases';
import { createTenant } from '../tenants';
import { registerJobMetrics } from './metrics';
import { queueRescore } from './rescore';

describe.each(DATABASE_KINDS)('job gauges on %s', (kind) => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await openTestDatabase(kind);
  });
  afterAll(() => database.close());

  test('when jobs wait for a worker, then the gauges count them and age the oldest', async () => {
    const registry = new Registry();
    registerJobMetrics(registry, database.db);
    expect(await registry.metrics()).toContain('upatnight_jobs{status="queued"} 0');

    for (let i = 0; i < 2; i++) {
      const slug = `gauges-${randomUUID().slice(0, 8)}`;
      const { tenant } = await createTenant(database.db, { slug, name: slug, withDefaultLibrary: false });
      await queueRescore(database.db, tenant.id);
    }
    await new Promise((resolve) => setTimeout(resolve, 1100));

    const text = await registry.metrics();
    expect(text).toContain('upatnight_jobs{status="queued"} 2');
    expect(text).toContain('upatnight_jobs{status="running"} 0');
    const oldest = Number(/^upatnight_jobs_oldest_queued_seconds (\S+)$/m.exec(text)?.[1]);
    expect(oldest).toBeGreaterThanOrEqual(1);
    expect(oldest).toBeLessThan(60);
  });
});
