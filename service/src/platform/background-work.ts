// Work that outlives the request that started it (rescoring). Tracked so shutdown can wait for it.
import type { Logger } from './logger';

export class BackgroundWork {
  private readonly running = new Set<Promise<unknown>>();

  constructor(private readonly logger: Logger) {}

  start(name: string, work: () => Promise<unknown>): void {
    const promise = work()
      .catch((error: unknown) => this.logger.error({ err: error, work: name }, 'background work failed'))
      .finally(() => this.running.delete(promise));
    this.running.add(promise);
  }

  async drain(): Promise<void> {
    await Promise.allSettled([...this.running]);
  }
}
