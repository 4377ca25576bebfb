// The job side of a worker: claims queued jobs (rescoring) one at a time and runs them, polling the
// database, and at once when a request in this process queued one. Any number of runners, in any
// number of processes, share one database: a claim is a lease on the job's row (see claimJob).
import { randomUUID } from 'node:crypto';
import type { Db } from '../../platform/database/database';
import type { Logger } from '../../platform/logger';
import { JOB_LEASE_MS, runNextRescore, type Pace } from './rescore';

export interface JobRunnerOptions {
  pollMs: number;
  leaseMs: number;
  owner: string;
  /** paces a job's steps (this instance's BackgroundWork when it also serves requests) */
  pace?: Pace;
}

export class JobRunner {
  readonly options: JobRunnerOptions;
  private timer?: NodeJS.Timeout;
  private pass?: Promise<void>;
  private again = false;
  private halted = true;

  constructor(
    private readonly db: Db,
    private readonly logger: Logger,
    options: Partial<JobRunnerOptions> = {},
  ) {
    this.options = { pollMs: 1000, leaseMs: JOB_LEASE_MS, owner: `jobs-${randomUUID()}`, ...options };
  }

  start(): void {
    this.halted = false;
    this.wake();
  }

  /** Looks for work now; while a pass runs, another follows it. */
  wake(): void {
    if (this.halted) return;
    if (this.pass) {
      this.again = true;
      return;
    }
    clearTimeout(this.timer);
    this.pass = this.runQueued()
      .catch((err: unknown) => this.logger.error({ err }, 'job runner pass failed'))
      .finally(() => {
        this.pass = undefined;
        if (this.again) {
          this.again = false;
          this.wake();
        } else if (!this.halted) {
          this.timer = setTimeout(() => this.wake(), this.options.pollMs);
          this.timer.unref();
        }
      });
  }

  /** Stops claiming and waits for the job in hand to end. */
  async stop(): Promise<void> {
    this.halted = true;
    clearTimeout(this.timer);
    await this.pass;
  }

  private async runQueued(): Promise<void> {
    while (!this.halted) {
      const job = await runNextRescore(this.db, this.options.owner, this.options.leaseMs, this.options.pace);
      if (!job) return;
      this.logger.info({ job: job.id, status: job.status }, 'job ended');
    }
  }
}
