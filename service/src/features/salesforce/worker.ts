// The background worker of one service instance: on every tick, for each connected tenant within
// its API budget, drain the roll-up outbox in batches and run the incremental sync when it is due.
// Instances coordinate only through the database (row leases), so any number can run side by side.
import { randomUUID } from 'node:crypto';
import type { Db } from '../../platform/database/database';
import type { Logger } from '../../platform/logger';
import {
  claimSync,
  findConnection,
  finishSync,
  listConnectedTenants,
  requestSync,
} from './data-access/connections';
import { readApiUsage, recordApiCalls, setThrottle } from './data-access/api-usage';
import { budgetVerdict, type BudgetVerdict } from './budget';
import type { ConnectionFactory, SalesforceSession } from './connection-factory';
import { classifyFailure, type Failure } from './errors';
import { DEFAULT_OUTBOX_OPTIONS, sendBatch, type OutboxOptions } from './outbox';
import { DEFAULT_SYNC_OPTIONS, syncTenant, type SyncOptions, type SyncReport } from './sync';

export interface WorkerOptions {
  intervalMs: number;
  owner: string;
  outbox: Omit<OutboxOptions, 'owner'>;
  sync: SyncOptions;
  /** pause after REQUEST_LIMIT_EXCEEDED: the org's allocation is a rolling 24 hours */
  limitExceededPauseMs: number;
  /** first pause after an outage or a failed call; doubles while failures continue */
  outageBaseMs: number;
  outageMaxMs: number;
  authRetryMs: number;
  syncLeaseMs: number;
  /** batches per tenant per tick, so one busy tenant cannot starve the others */
  maxBatchesPerTick: number;
}

/** What callers may override: any option, and any part of the outbox and sync options. */
export type WorkerSettings = Partial<Omit<WorkerOptions, 'outbox' | 'sync'>> & {
  outbox?: Partial<OutboxOptions>;
  sync?: Partial<SyncOptions>;
};

export const DEFAULT_WORKER_OPTIONS: Omit<WorkerOptions, 'owner'> = {
  intervalMs: 5000,
  outbox: DEFAULT_OUTBOX_OPTIONS,
  sync: DEFAULT_SYNC_OPTIONS,
  limitExceededPauseMs: 15 * 60_000,
  outageBaseMs: 30_000,
  outageMaxMs: 15 * 60_000,
  authRetryMs: 5 * 60_000,
  syncLeaseMs: 30 * 60_000,
  maxBatchesPerTick: 25,
};

export interface TenantTick {
  tenantId: string;
  paused?: string;
  written: number;
  confirmed: number;
  retried: number;
  parked: number;
  synced?: SyncReport[];
  failure?: Failure;
}

export class SalesforceWorker {
  readonly options: WorkerOptions;
  private timer?: NodeJS.Timeout;
  private running?: Promise<unknown>;
  private halted = false;
  private readonly failures = new Map<string, number>();
  private readonly pauses = new Map<string, string>();

  constructor(
    private readonly db: Db,
    private readonly factory: ConnectionFactory,
    private readonly logger: Logger,
    options: WorkerSettings = {},
  ) {
    this.options = {
      ...DEFAULT_WORKER_OPTIONS,
      owner: `worker-${randomUUID()}`,
      ...options,
      outbox: { ...DEFAULT_OUTBOX_OPTIONS, ...options.outbox },
      sync: { ...DEFAULT_SYNC_OPTIONS, ...options.sync },
    };
  }

  start(): void {
    this.halted = false;
    this.schedule();
  }

  /** Stops ticking and waits for the batch in flight; leases of unsent items simply expire. */
  async stop(): Promise<void> {
    this.halted = true;
    clearTimeout(this.timer);
    await this.running;
  }

  private schedule(): void {
    if (this.halted) return;
    this.timer = setTimeout(() => {
      this.running = this.tick()
        .catch((err: unknown) => this.logger.error({ err }, 'salesforce worker tick failed'))
        .finally(() => this.schedule());
    }, this.options.intervalMs);
    this.timer.unref();
  }

  /** One pass over every connected tenant. */
  async tick(): Promise<TenantTick[]> {
    const reports: TenantTick[] = [];
    for (const tenantId of await listConnectedTenants(this.db)) {
      if (this.halted) break;
      reports.push(await this.runTenant(tenantId));
    }
    return reports;
  }

  async runTenant(tenantId: string): Promise<TenantTick> {
    const report: TenantTick = { tenantId, written: 0, confirmed: 0, retried: 0, parked: 0 };
    let session: SalesforceSession | undefined;
    try {
      const verdict = await this.verdict(tenantId);
      if (verdict.paused) return { ...report, paused: verdict.reason };
      session = await this.factory.forTenant(tenantId);
      if (!session) return report;
      for (let i = 0; i < this.options.maxBatchesPerTick; i++) {
        const batch = await sendBatch(this.db, session, {
          ...this.options.outbox,
          owner: this.options.owner,
        });
        await this.meter(session);
        report.written += batch.written;
        report.confirmed += batch.confirmed;
        report.retried += batch.retried;
        report.parked += batch.parked;
        if (batch.failure) throw batch.failure;
        if (batch.leased < this.options.outbox.batchSize) break;
        const next = await this.verdict(tenantId);
        if (next.paused) return { ...report, paused: next.reason };
      }
      if (await claimSync(this.db, tenantId, this.options.owner, this.options.syncLeaseMs)) {
        report.synced = await this.runSync(session);
      }
      this.failures.delete(tenantId);
    } catch (error) {
      if (session) await this.meter(session);
      report.failure = await this.onFailure(tenantId, classifyFailure(error));
    }
    return report;
  }

  private async runSync(
    session: SalesforceSession,
    onProgress?: SyncOptions['onProgress'],
  ): Promise<SyncReport[]> {
    const { tenantId } = session;
    try {
      const reports = await syncTenant(this.db, session.conn, tenantId, { ...this.options.sync, onProgress });
      await this.meter(session);
      await finishSync(this.db, tenantId, this.options.owner, { error: null });
      this.logger.info({ tenantId, reports }, 'salesforce sync done');
      return reports;
    } catch (error) {
      await this.meter(session);
      const failure = classifyFailure(error);
      await finishSync(this.db, tenantId, this.options.owner, {
        error: `${failure.code}: ${failure.message}`,
        retryInMs: this.outageDelay(tenantId),
      });
      throw failure;
    }
  }

  /** A manual sync (CLI, admin API): runs now unless another instance is running this tenant's sync. */
  async syncNow(tenantId: string, onProgress?: SyncOptions['onProgress']): Promise<SyncReport[]> {
    const session = await this.factory.forTenant(tenantId);
    if (!session) throw new Error('this tenant has no Salesforce connection');
    await requestSync(this.db, tenantId);
    if (!(await claimSync(this.db, tenantId, this.options.owner, this.options.syncLeaseMs))) {
      throw new Error('a sync of this tenant is already running');
    }
    return this.runSync(session, onProgress);
  }

  private async verdict(tenantId: string): Promise<BudgetVerdict> {
    // the stored connection, not a session: deciding to pause must not log in (or call anything)
    const share = (await findConnection(this.db, tenantId))?.budgetShare ?? 0;
    const verdict = budgetVerdict(await readApiUsage(this.db, tenantId), share);
    const previous = this.pauses.get(tenantId);
    if (verdict.paused && previous !== verdict.reason) {
      this.logger.warn({ tenantId, reason: verdict.reason }, 'salesforce background work paused');
      this.pauses.set(tenantId, verdict.reason);
    } else if (!verdict.paused && previous) {
      this.logger.info({ tenantId }, 'salesforce background work resumed');
      this.pauses.delete(tenantId);
    }
    return verdict;
  }

  private async meter(session: SalesforceSession): Promise<void> {
    await recordApiCalls(this.db, session.tenantId, session.meter.take());
  }

  private outageDelay(tenantId: string): number {
    const count = (this.failures.get(tenantId) ?? 0) + 1;
    this.failures.set(tenantId, count);
    return Math.min(this.options.outageMaxMs, this.options.outageBaseMs * 2 ** (count - 1));
  }

  private async onFailure(tenantId: string, failure: Failure): Promise<Failure> {
    // a refused address is a connection to fix, like refused credentials: no point calling again soon
    const needsFixing = failure.kind === 'auth' || failure.kind === 'refused';
    const delay =
      failure.kind === 'throttled'
        ? this.options.limitExceededPauseMs
        : needsFixing
          ? this.options.authRetryMs
          : this.outageDelay(tenantId);
    if (needsFixing) this.factory.forget(tenantId);
    const reason = `${failure.kind}: ${failure.code}: ${failure.message}`.slice(0, 500);
    await setThrottle(this.db, tenantId, Date.now() + delay, reason);
    this.logger.warn(
      { tenantId, failure: failure.kind, code: failure.code, pauseMs: delay },
      'salesforce call failed; pausing',
    );
    return failure;
  }
}
