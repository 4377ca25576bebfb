// The worker as index.ts runs it: one per service instance, over this instance's connection cache.
import type { Db } from '../../platform/database/database';
import type { Logger } from '../../platform/logger';
import { ConnectionFactory } from './connection-factory';
import { SalesforceWorker } from './worker';

export function startSalesforceWorker(
  db: Db,
  logger: Logger,
  config: { secretsKey?: Buffer; workerIntervalMs: number; allowLocalOrg: boolean },
): SalesforceWorker {
  const worker = new SalesforceWorker(
    db,
    new ConnectionFactory(db, {
      secretsKey: config.secretsKey,
      endpoints: { allowLocalOrg: config.allowLocalOrg },
    }),
    logger,
    {
      intervalMs: config.workerIntervalMs,
    },
  );
  worker.start();
  return worker;
}
