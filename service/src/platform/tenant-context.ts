// Which tenant the work under way is for, carried along its async calls, so shared resources below
// the features (database connections) can share themselves fairly without every call passing it.
import { AsyncLocalStorage } from 'node:async_hooks';

const current = new AsyncLocalStorage<string>();

/** Runs `work` (and everything it awaits or schedules) as work for `tenantId`. */
export function runAsTenant<T>(tenantId: string, work: () => T): T {
  return current.run(tenantId, work);
}

/** The tenant the running work is for; undefined for the service's own work (migrations, polls). */
export function currentTenant(): string | undefined {
  return current.getStore();
}
