// The worker pool runs tasks on threads, takes tenants in turn, and stops a task past its budget.
import path from 'node:path';
import { WorkerPool } from './pool';
import { defineTask } from './task';
import { AppError } from '../lib/errors';
import type * as tasks from '../../../../test/helpers/pool-tasks';

const dir = path.join(__dirname, '../../../../test/helpers');
const double = defineTask<typeof tasks.double>(dir, 'pool-tasks', 'double');
const busy = defineTask<typeof tasks.busy>(dir, 'pool-tasks', 'busy');
const broken = defineTask<typeof tasks.broken>(dir, 'pool-tasks', 'broken');
const refuse = defineTask<typeof tasks.refuse>(dir, 'pool-tasks', 'refuse');

describe('worker pool', () => {
  let pool: WorkerPool;
  afterEach(() => pool.close());

  test('when a task is run, then its output comes back from a thread', async () => {
    pool = new WorkerPool({ threads: 1 });
    await expect(pool.run('t1', double, 21)).resolves.toBe(42);
    expect(pool.stats()).toEqual({ threads: 1, busy: 0, queued: 0 });
  });

  test('when a task throws, then the caller gets the same kind of error', async () => {
    pool = new WorkerPool({ threads: 1 });
    await expect(pool.run('t1', broken, undefined)).rejects.toThrow(TypeError);
    // the thread survives a failed task
    await expect(pool.run('t1', double, 2)).resolves.toBe(4);
    const refused = pool.run('t1', refuse, undefined);
    await expect(refused).rejects.toBeInstanceOf(AppError);
    await expect(refused).rejects.toMatchObject({
      status: 400,
      code: 'validation_failed',
      message: 'the file has 2 problems',
      details: [{ path: 'line 2.name', message: 'must not be blank' }],
    });
  });

  test("when one tenant has a backlog, then another tenant's task runs next, not after the backlog", async () => {
    pool = new WorkerPool({ threads: 1, perTenant: 1 });
    await pool.run('warm', double, 1);
    const backlog = Array.from({ length: 4 }, (_, i) =>
      pool.run('noisy', busy, { ms: 100, label: `noisy-${i}` }),
    );
    const quiet = pool.run('quiet', busy, { ms: 1, label: 'quiet' });
    const order = (await Promise.all([...backlog, quiet]))
      .sort((a, b) => a.start - b.start)
      .map((r) => r.label);
    expect(order.indexOf('quiet')).toBe(1);
  });

  test('when a tenant may hold one thread of two, then its tasks never overlap while another thread is free', async () => {
    pool = new WorkerPool({ threads: 2, perTenant: 1 });
    const runs = await Promise.all([1, 2, 3].map((i) => pool.run('noisy', busy, { ms: 60, label: `${i}` })));
    for (let i = 1; i < runs.length; i++) expect(runs[i]!.start).toBeGreaterThanOrEqual(runs[i - 1]!.end);
    expect(pool.stats().threads).toBe(1);
  });

  test('when a task runs past its budget, then it fails with 503 and the pool goes on with a new thread', async () => {
    pool = new WorkerPool({ threads: 1 });
    await expect(pool.run('t1', busy, { ms: 5000, label: 'long' }, 300)).rejects.toMatchObject({
      status: 503,
      code: 'work_over_budget',
    });
    await expect(pool.run('t1', double, 5)).resolves.toBe(10);
  });

  test('when the pool closes, then waiting tasks fail and no more are taken', async () => {
    pool = new WorkerPool({ threads: 1 });
    const running = expect(pool.run('t1', busy, { ms: 200, label: 'a' })).rejects.toThrow(/closed/);
    const waiting = expect(pool.run('t1', double, 1)).rejects.toThrow(/closed/);
    await pool.close();
    await Promise.all([running, waiting]);
    await expect(pool.run('t1', double, 1)).rejects.toThrow(/closed/);
  });
});
