// Jobs across instances: runners in separate processes share one Postgres through leases on the job
// rows. Here each runner has its own connection pool, as an instance would.
import { randomUUID } from 'node:crypto';
import { openDatabase, type Db } from '../../platform/database/database';
import { createLogger } from '../../platform/logger';
import { createPostgresDatabase } from '../../../../test/helpers/databases';
import { createTenant } from '../tenants';
import { claimJob, lockIfRunning } from './repository';
import { queueRescore, runNextRescore } from './rescore';
import { JobRunner } from './runner';

async function newTenant(db: Db): Promise<string> {
  const slug = `jobs-${randomUUID().slice(0, 8)}`;
  return (await createTenant(db, { slug, name: slug, withDefaultLibrary: false })).tenant.id;
}

async function jobRows(db: Db, tenantIds: string[]) {
  return db
    .selectFrom('jobs')
    .select(['tenant_id', 'status', 'runs', 'lease_owner'])
    .where('tenant_id', 'in', tenantIds)
    .execute();
}

async function until(check: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('jobs shared by several workers over one Postgres', () => {
  let first: Db;
  let second: Db;

  beforeAll(async () => {
    const url = await createPostgresDatabase();
    first = await openDatabase({ kind: 'postgres', url });
    second = await openDatabase({ kind: 'postgres', url });
  });
  afterAll(async () => {
    await first.destroy();
    await second.destroy();
  });

  test('when two runners poll the same queue, then every job is claimed and run exactly once', async () => {
    const tenants = await Promise.all(Array.from({ length: 8 }, () => newTenant(first)));
    for (const tenantId of tenants) await queueRescore(first, tenantId);
    const runners = [first, second].map((db) => new JobRunner(db, createLogger('silent'), { pollMs: 20 }));
    runners.forEach((runner) => runner.start());
    try {
      await until(async () => (await jobRows(first, tenants)).every((job) => job.status === 'done'));
    } finally {
      await Promise.all(runners.map((runner) => runner.stop()));
    }
    const jobs = await jobRows(first, tenants);
    expect(jobs).toHaveLength(8);
    expect(jobs.map((job) => job.runs)).toEqual(Array(8).fill(1));
  });

  test('when a worker dies holding a job, then another claims it once the lease ends and the dead claim writes nothing', async () => {
    const tenantId = await newTenant(first);
    const { job } = await queueRescore(first, tenantId);
    const dead = await claimJob(first, 'rescore', 'dead-worker', 300);
    expect(dead?.job.id).toBe(job.id);

    // while the lease holds, nobody else takes the job
    expect(await runNextRescore(second, 'live-worker', 300)).toBeUndefined();
    await new Promise((resolve) => setTimeout(resolve, 400));
    const retaken = await claimJob(second, 'rescore', 'live-worker', 60_000);

    expect(retaken?.job).toMatchObject({ id: job.id, status: 'running', done: 0 });
    expect(await jobRows(first, [tenantId])).toEqual([
      { tenant_id: tenantId, status: 'running', runs: 2, lease_owner: 'live-worker' },
    ]);
    const holds = (owner: string) =>
      first.transaction().execute((tx) => lockIfRunning(tx, tenantId, job.id, owner));
    expect(await holds('dead-worker')).toBe(false);
    expect(await holds('live-worker')).toBe(true);
  });
});
