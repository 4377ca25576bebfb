// The process's worker-thread pool for CPU-heavy work (see pool.ts). `serve` and `worker` configure
// it from the environment at start; tools and tests that never do get the defaults.
import { WorkerPool, type WorkerPoolOptions } from './pool';

export { WorkerPool, DEFAULT_POOL_OPTIONS, type WorkerPoolOptions } from './pool';
export { defineTask, type Task } from './task';

let shared: WorkerPool | undefined;

/** Replaces the process's pool with one of these settings (called once, at start). */
export function configureWorkerPool(options: Partial<WorkerPoolOptions>): WorkerPool {
  void shared?.close();
  shared = new WorkerPool(options);
  return shared;
}

/** The process's pool, with the default settings unless configured. */
export function workerPool(): WorkerPool {
  shared ??= new WorkerPool();
  return shared;
}

/** Stops the process's pool; the next `workerPool()` starts a new one. */
export async function closeWorkerPool(): Promise<void> {
  const pool = shared;
  shared = undefined;
  await pool?.close();
}
