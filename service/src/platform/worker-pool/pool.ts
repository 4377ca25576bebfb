// CPU-heavy work (rescoring, large imports and exports) runs on a few worker threads instead of the
// request thread, so one tenant's heavy work cannot stall another tenant's requests.
// - Fair: each tenant has its own queue; a free thread takes the next task of the tenant served
//   longest ago (a tenant new to the pool first), and no tenant holds more than `perTenant` threads
//   at once, so one tenant's backlog waits behind its own work only.
// - Bounded: a task that runs past its time budget is stopped (its thread is replaced) and fails
//   with a 503 its caller can answer or log.
// - Low priority: the threads run at a raised nice value (see worker.ts).
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { AppError, type ErrorDetail } from '../lib/errors';
import type { Task, TaskFunction } from './task';

export interface WorkerPoolOptions {
  /** worker threads at most; started on first use */
  threads: number;
  /** threads one tenant may hold at once */
  perTenant: number;
  /** a task running longer is stopped */
  taskBudgetMs: number;
  /** the threads' nice value (0 normal, 19 lowest) */
  niceness: number;
}

interface Pending {
  tenantId: string;
  module: string;
  name: string;
  input: unknown;
  budgetMs: number;
  resolve(output: unknown): void;
  reject(error: Error): void;
}

interface Thread {
  worker: Worker;
  /** the task modules this thread has loaded */
  loaded: Set<string>;
  task?: Pending & { id: number; timer: NodeJS.Timeout };
}

interface TaskError {
  kind: string;
  message: string;
  stack?: string;
  app?: { status: number; code: string; details: ErrorDetail[] };
}

type Answer = { id: number; output: unknown } | { id: number; error: TaskError };

/** The task name (and tenant) of a warm-up: the worker loads the module and runs nothing. */
export const WARM = '(warm)';

const ERROR_KINDS: Record<string, ErrorConstructor> = { TypeError, RangeError, SyntaxError };

/** A task's error as the caller would have seen it thrown: an AppError, a TypeError, … */
function rebuilt({ kind, message, stack, app }: TaskError): Error {
  const error = app
    ? new AppError(app.status, app.code, message, app.details)
    : new (ERROR_KINDS[kind] ?? Error)(message);
  error.stack = stack;
  return error;
}

/** The worker's entry: the compiled JavaScript beside this file, or the TypeScript source through tsx. */
function spawn(niceness: number): Worker {
  const options = { workerData: { niceness } };
  if (path.extname(__filename) === '.js') return new Worker(path.join(__dirname, 'worker.js'), options);
  // resolved here: an eval'd worker resolves modules from the working directory, not from this file
  const tsx = JSON.stringify(require.resolve('tsx/cjs'));
  const entry = JSON.stringify(path.join(__dirname, 'worker.ts'));
  return new Worker(`require(${tsx}); require(${entry});`, { ...options, eval: true });
}

export class WorkerPool {
  readonly options: WorkerPoolOptions;
  private readonly threads: Thread[] = [];
  private readonly queues = new Map<string, Pending[]>();
  /** when each tenant with work queued or running was last served (a dispatch count) */
  private readonly lastServed = new Map<string, number>();
  private served = 0;
  private readonly running = new Map<string, number>();
  private nextId = 0;
  private readonly warming = new Set<string>();
  private closed = false;

  constructor(options: Partial<WorkerPoolOptions> = {}) {
    this.options = { ...DEFAULT_POOL_OPTIONS, ...options };
  }

  /** Runs `task` for `tenantId` on a pool thread; answers its output, or fails with its error. */
  run<Fn extends TaskFunction>(
    tenantId: string,
    task: Task<Fn>,
    input: Parameters<Fn>[0],
    budgetMs: number = this.options.taskBudgetMs,
  ): Promise<Awaited<ReturnType<Fn>>> {
    if (this.closed) return Promise.reject(new Error('the worker pool is closed'));
    return new Promise((resolve, reject) => {
      const pending: Pending = {
        tenantId,
        module: task.module,
        name: task.name,
        input,
        budgetMs,
        resolve: resolve as (output: unknown) => void,
        reject,
      };
      const queue = this.queues.get(tenantId);
      if (queue) queue.push(pending);
      else this.queues.set(tenantId, [pending]);
      this.dispatch();
    });
  }

  /** Whether a thread has loaded `task`'s module: until then a first task waits for a thread to
   * start and load it (seconds on a busy machine), which a short task may rather run inline. */
  isWarm(task: Task<TaskFunction>): boolean {
    return this.threads.some((thread) => thread.loaded.has(task.module));
  }

  /** Starts a thread that loads `task`'s module, unless one has or is doing it. */
  warm(task: Task<TaskFunction>): void {
    if (this.warming.has(task.module) || this.isWarm(task)) return;
    this.warming.add(task.module);
    const load = { module: task.module, name: WARM } as Task<TaskFunction>;
    void this.run(WARM, load, undefined)
      .catch(() => {})
      .finally(() => this.warming.delete(task.module));
  }

  /** Threads started, threads busy and tasks waiting. */
  stats(): { threads: number; busy: number; queued: number } {
    let queued = 0;
    for (const queue of this.queues.values()) queued += queue.length;
    return { threads: this.threads.length, busy: this.threads.filter((t) => t.task).length, queued };
  }

  /** Fails the waiting tasks, stops the threads (their tasks fail too). */
  async close(): Promise<void> {
    this.closed = true;
    for (const queue of this.queues.values())
      for (const pending of queue) pending.reject(new Error('the worker pool is closed'));
    this.queues.clear();
    await Promise.all(
      [...this.threads].map((thread) => this.retire(thread, new Error('the worker pool is closed'))),
    );
  }

  private dispatch(): void {
    for (;;) {
      const tenantId = this.nextTenant();
      if (tenantId === undefined) return;
      const thread = this.idleThread();
      if (!thread) return;
      const queue = this.queues.get(tenantId)!;
      const pending = queue.shift()!;
      if (queue.length === 0) this.queues.delete(tenantId);
      this.lastServed.set(tenantId, this.served++);
      this.start(thread, pending);
    }
  }

  /** The tenant under its thread limit with work queued that was served longest ago. */
  private nextTenant(): string | undefined {
    let next: string | undefined;
    let nextServed = Infinity;
    for (const tenantId of this.queues.keys()) {
      if ((this.running.get(tenantId) ?? 0) >= this.options.perTenant) continue;
      const served = this.lastServed.get(tenantId) ?? -1;
      if (served < nextServed) [next, nextServed] = [tenantId, served];
    }
    return next;
  }

  private idleThread(): Thread | undefined {
    const idle = this.threads.find((thread) => !thread.task);
    if (idle || this.threads.length >= this.options.threads) return idle;
    const thread: Thread = { worker: spawn(this.options.niceness), loaded: new Set() };
    thread.worker.on('message', (answer: Answer) => this.answered(thread, answer));
    thread.worker.on('error', (error) => void this.retire(thread, error));
    thread.worker.on('exit', () => void this.retire(thread, new Error('a pool thread exited')));
    this.threads.push(thread);
    return thread;
  }

  private start(thread: Thread, pending: Pending): void {
    const id = this.nextId++;
    const timer = setTimeout(() => {
      void this.retire(
        thread,
        new AppError(
          503,
          'work_over_budget',
          `${pending.name} ran past its budget of ${pending.budgetMs} ms`,
        ),
      );
    }, pending.budgetMs);
    thread.task = { ...pending, id, timer };
    this.running.set(pending.tenantId, (this.running.get(pending.tenantId) ?? 0) + 1);
    thread.worker.ref();
    thread.worker.postMessage({ id, module: pending.module, name: pending.name, input: pending.input });
  }

  /** Ends the thread's task; an idle thread does not keep the process alive. */
  private finish(thread: Thread): Pending | undefined {
    const task = thread.task;
    if (!task) return undefined;
    clearTimeout(task.timer);
    thread.task = undefined;
    const left = (this.running.get(task.tenantId) ?? 1) - 1;
    if (left > 0) this.running.set(task.tenantId, left);
    else {
      this.running.delete(task.tenantId);
      if (!this.queues.has(task.tenantId)) this.lastServed.delete(task.tenantId);
    }
    thread.worker.unref();
    return task;
  }

  private answered(thread: Thread, answer: Answer): void {
    if (thread.task?.id !== answer.id) return;
    const task = this.finish(thread)!;
    if ('error' in answer) task.reject(rebuilt(answer.error));
    else {
      thread.loaded.add(task.module);
      task.resolve(answer.output);
    }
    this.dispatch();
  }

  /** Stops a thread (over budget, crashed, or closing) and fails its task with `error`. */
  private async retire(thread: Thread, error: Error): Promise<void> {
    const index = this.threads.indexOf(thread);
    if (index < 0) return;
    this.threads.splice(index, 1);
    this.finish(thread)?.reject(error);
    if (!this.closed) this.dispatch();
    await thread.worker.terminate();
  }
}

export const DEFAULT_POOL_OPTIONS: WorkerPoolOptions = {
  threads: os.availableParallelism(),
  perTenant: 2,
  taskBudgetMs: 30_000,
  niceness: 10,
};
