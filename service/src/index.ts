// Starts the service in one of its roles: `serve` (HTTP, and unless UPATNIGHT_ROLE=http also the
// worker) or `worker` (roll-up outbox, Salesforce sync, queued jobs, housekeeping); drains on
// SIGTERM/SIGINT. Instances of either role share one Postgres and coordinate through row leases.
import { createServer } from 'node:http';
import type { Router } from 'express';
import { createApp } from './app';
import { loadConfig, type Config } from './config';
import { createLogger, type Logger } from './platform/logger';
import { openDatabase, type Db } from './platform/database/database';
import type { BackgroundWork } from './platform/background-work';
import { purgeIdempotencyKeys } from './platform/idempotency/repository';
import { ensureDemoTenant } from './features/demo';
import { JobRunner } from './features/jobs';
import { startSalesforceWorker } from './features/salesforce';
import { closeWorkerPool, configureWorkerPool } from './platform/worker-pool';

const IDEMPOTENCY_KEEP_HOURS = 48;

/** A development-only addition mounted beside the API: the local preview of the LWC components. */
export interface DevPreview {
  router: Router;
  /** the address to open for this start */
  link(serviceUrl: string): string;
  close(): Promise<void>;
}

export interface StartOptions {
  /** passed in by the CLI in development, so the service never loads development tooling itself */
  preview?: (demo: { apiKey: string; logger: Logger }) => DevPreview;
}

/** A running role: what a signal stops. */
export interface Running {
  logger: Logger;
  stop(): Promise<void>;
}

export interface RunningWorker extends Running {
  config: Config;
  db: Db;
}

export interface RunningService extends Running {
  url: string;
  /** the local preview's link for this start (development only) */
  previewUrl?: string;
  config: Config;
  db: Db;
}

/**
 * The worker's parts over an open database. With `background`, requests in this process that queue
 * a job wake the job runner at once instead of waiting for its next poll.
 */
function startWorkerParts(db: Db, logger: Logger, config: Config, background?: BackgroundWork) {
  const salesforce = startSalesforceWorker(db, logger, config.salesforce);
  const jobs = new JobRunner(db, logger, {
    pollMs: config.jobsPollMs,
    pace: background && ((tenantId, stepMs) => background.yieldAfter(tenantId, stepMs)),
  });
  background?.attach(() => jobs.wake());
  jobs.start();
  const housekeeping = setInterval(() => {
    purgeIdempotencyKeys(db, IDEMPOTENCY_KEEP_HOURS).catch((err: unknown) =>
      logger.warn({ err }, 'purge failed'),
    );
  }, 3600_000);
  housekeeping.unref();
  return {
    /** waits for the job and the roll-up batch in hand */
    async stop() {
      clearInterval(housekeeping);
      await jobs.stop();
      await salesforce.stop();
    },
  };
}

/** `upatnight worker`: background work only, no HTTP. */
export async function startWorker(config: Config = loadConfig()): Promise<RunningWorker> {
  const logger = createLogger(config.logLevel);
  configureWorkerPool(config.workerPool);
  const db = await openDatabase(config.database);
  const worker = startWorkerParts(db, logger, config);
  logger.info({ database: config.database.kind, pid: process.pid }, 'Up at Night worker is running');
  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      await worker.stop();
      await closeWorkerPool();
      await db.destroy();
      logger.info('stopped');
    })());
  return { config, db, logger, stop };
}

export async function startService(
  config: Config = loadConfig(),
  options: StartOptions = {},
): Promise<RunningService> {
  const logger = createLogger(config.logLevel);
  configureWorkerPool(config.workerPool);
  const db = await openDatabase(config.database);
  const demo = config.devFeatures ? await ensureDemoTenant(db, config.demoApiKey) : undefined;
  const preview = demo && options.preview?.({ apiKey: demo.apiKey, logger });
  const { app, lifecycle, background } = createApp({
    db,
    logger,
    bodyLimit: config.bodyLimit,
    rateLimitPerMinute: config.rateLimitPerMinute,
    metrics: config.metrics,
    rateLimitPerAddressPerMinute: config.rateLimitPerAddressPerMinute,
    heavyRequests: config.heavyRequests,
    backgroundShare: config.backgroundShare,
    trustProxy: config.trustProxy,
    extraRoutes: preview?.router,
    salesforce: {
      secretsKey: config.salesforce.secretsKey,
      allowPasswordFlow: config.devFeatures,
      allowLocalOrg: config.salesforce.allowLocalOrg,
    },
  });
  const worker = config.serveRunsWorker ? startWorkerParts(db, logger, config, background) : undefined;

  const server = createServer(app);
  await new Promise<void>((resolve, reject) => {
    // a port already in use must stop the start, not print a URL that another process answers
    server.once('error', reject);
    server.listen(config.port, config.host, () => {
      server.off('error', reject);
      resolve();
    });
  }).catch(async (error: unknown) => {
    await worker?.stop();
    await closeWorkerPool();
    await db.destroy();
    throw error;
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${port}`;
  logger.info(
    { url, database: config.database.kind, worker: config.serveRunsWorker },
    'Up at Night is listening',
  );
  const previewUrl = preview?.link(url);
  if (demo) {
    process.stdout.write(
      `\nUp at Night is running at ${url}\n` +
        (previewUrl ? `Open the preview: ${previewUrl}\n` : '') +
        `Demo tenant "${demo.slug}": API key ${demo.apiKey ?? '(unchanged since it was first printed; set DEMO_API_KEY to choose one)'}\n` +
        `Try: curl -s -X POST ${url}/v1/score -H "Authorization: Bearer <key>" -H "X-Actor-Id: 005000000000001AAA" ` +
        `-H "X-Actor-Role: rep" -H "Content-Type: application/json" -d '{"summary":"..."}'\n\n`,
    );
  }

  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      lifecycle.draining = true;
      // a busy keep-alive socket would go on serving its client's next requests and never drain:
      // from now on every answer says "Connection: close", so each socket closes after its response
      server.prependListener('request', (_req, res) => res.setHeader('connection', 'close'));
      // stop accepting, finish in-flight requests; idle keep-alive sockets close at once
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      await closed;
      await preview?.close();
      await worker?.stop();
      await closeWorkerPool();
      await db.destroy();
      logger.info('stopped');
    })());

  return { url, previewUrl, config, db, logger, stop };
}

/** Runs a role until SIGTERM/SIGINT; a drain that outlasts the timeout is cut short. */
export async function runUntilSignalled(
  start: () => Promise<Running>,
  shutdownTimeoutMs: number,
): Promise<void> {
  const running = await start();
  const onSignal = (signal: string) => {
    running.logger.info({ signal }, 'draining');
    const force = setTimeout(() => {
      running.logger.error('drain timed out; exiting');
      process.exit(1);
    }, shutdownTimeoutMs);
    force.unref();
    running.stop().then(
      () => process.exit(0),
      (err: unknown) => {
        running.logger.error({ err }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', () => onSignal('SIGTERM'));
  process.once('SIGINT', () => onSignal('SIGINT'));
}
