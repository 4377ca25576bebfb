// Work that outlives the request that queued it (rescoring) is queued in the database and run by a
// worker: this instance's own when it runs one (attached here, woken at once), otherwise a worker
// process, which finds it on its next poll.
import type { Logger } from './logger';

export class BackgroundWork {
  private wake?: () => void;

  constructor(private readonly logger: Logger) {}

  /** This instance runs queued work: `wake` is called whenever a request here queues some. */
  attach(wake: () => void): void {
    this.wake = wake;
  }

  /** Called once the work is committed to its queue. */
  queued(kind: string): void {
    this.logger.debug({ work: kind, local: this.wake !== undefined }, 'background work queued');
    this.wake?.();
  }
}
