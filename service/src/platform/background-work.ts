// Work that outlives the request that queued it (rescoring) is queued in the database and run by a
// worker: this instance's own when it runs one (attached here, woken at once), otherwise a worker
// process, which finds it on its next poll.
//
// While this instance also serves other tenants, one tenant's background work takes a bounded share
// of the time: after each step it pauses for as long as the step took, scaled by `share`. The
// database and the cores it shares with requests are then free for the others' notes and coaching
// between steps. Alone, it runs flat out.
import type { Logger } from './logger';

/** Another tenant served this recently counts as being served now. */
export const ACTIVE_WINDOW_MS = 1000;
/** The share of time one tenant's background work takes while other tenants are served. */
export const DEFAULT_BACKGROUND_SHARE = 0.5;

export class BackgroundWork {
  private wake?: () => void;
  /** when each tenant last had a request here */
  private readonly lastServed = new Map<string, number>();

  constructor(
    private readonly logger: Logger,
    private readonly share = DEFAULT_BACKGROUND_SHARE,
    private readonly now: () => number = performance.now.bind(performance),
  ) {
    if (!(share > 0 && share <= 1)) throw new Error(`share must be above 0 and at most 1: ${share}`);
  }

  /** This instance runs queued work: `wake` is called whenever a request here queues some. */
  attach(wake: () => void): void {
    this.wake = wake;
  }

  /** Called once the work is committed to its queue. */
  queued(kind: string): void {
    this.logger.debug({ work: kind, local: this.wake !== undefined }, 'background work queued');
    this.wake?.();
  }

  /** Called for every request a tenant sends here. */
  served(tenantId: string): void {
    this.lastServed.set(tenantId, this.now());
  }

  /** How long `tenantId`'s background work should pause after a step of `stepMs`: none unless
   * another tenant was served within the window. */
  pauseAfter(tenantId: string, stepMs: number): number {
    const since = this.now() - ACTIVE_WINDOW_MS;
    let others = false;
    for (const [tenant, at] of this.lastServed) {
      if (at < since) this.lastServed.delete(tenant);
      else if (tenant !== tenantId) others = true;
    }
    return others ? (stepMs * (1 - this.share)) / this.share : 0;
  }

  /** Waits as pauseAfter says. */
  async yieldAfter(tenantId: string, stepMs: number): Promise<void> {
    const pause = this.pauseAfter(tenantId, stepMs);
    if (pause > 0) await new Promise((resolve) => setTimeout(resolve, pause));
  }
}
