// The connection back to each org (roll-ups out, outcomes and users in), as the app and tools see it. The only module other features import;
// vocabulary first, router last: features import each other in cycles, and constants must be ready.
export { connectOrg, disconnectOrg, salesforceStatus, testConnection } from './admin';
export type { AuthInput, SalesforceAdminOptions } from './admin';
export { ConnectionFactory } from './connection-factory';
export { classifyFailure } from './errors';
export { registerSalesforceMetrics } from './metrics';
export { startSalesforceWorker } from './start';
export { SalesforceWorker } from './worker';
export { enqueueRollups, rollupsQueued } from './data-access/outbox';
export { salesforceRoutes } from './router';
