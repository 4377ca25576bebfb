// Starts the service: config, database, demo tenant (development only), HTTP; drains on SIGTERM/SIGINT.
import { createServer } from 'node:http';
import type { Router } from 'express';
import { createApp } from './app';
import { loadConfig, type Config } from './config';
import { createLogger, type Logger } from './platform/logger';
import { openDatabase, type Db } from './platform/database/database';
import { purgeIdempotencyKeys } from './platform/idempotency/repository';
import { ensureDemoTenant } from './features/demo';
import { startSalesforceWorker } from './features/salesforce';

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

export interface RunningService {
  url: string;
  /** the local preview's link for this start (development only) */
  previewUrl?: string;
  config: Config;
  db: Db;
  logger: Logger;
  stop(): Promise<void>;
}

export async function startService(
  config: Config = loadConfig(),
  options: StartOptions = {},
): Promise<RunningService> {
  const logger = createLogger(config.logLevel);
  const db = await openDatabase(
    config.database.kind === 'postgres'
      ? { kind: 'postgres', url: config.database.url }
      : { kind: 'pglite', dataDir: config.database.dataDir, durability: config.database.durability },
  );
  const demo = config.devFeatures ? await ensureDemoTenant(db, config.demoApiKey) : undefined;
  const preview = demo && options.preview?.({ apiKey: demo.apiKey, logger });
  const { app, lifecycle, background } = createApp({
    db,
    logger,
    bodyLimit: config.bodyLimit,
    rateLimitPerMinute: config.rateLimitPerMinute,
    metrics: config.metrics,
    rateLimitPerAddressPerMinute: config.rateLimitPerAddressPerMinute,
    extraRoutes: preview?.router,
    salesforce: {
      secretsKey: config.salesforce.secretsKey,
      allowPasswordFlow: config.devFeatures,
      allowLocalOrg: config.salesforce.allowLocalOrg,
    },
  });
  const salesforce = startSalesforceWorker(db, logger, config.salesforce);
  const housekeeping = setInterval(() => {
    purgeIdempotencyKeys(db, IDEMPOTENCY_KEEP_HOURS).catch((err: unknown) =>
      logger.warn({ err }, 'purge failed'),
    );
  }, 3600_000);
  housekeeping.unref();

  const server = createServer(app);
  await new Promise<void>((resolve, reject) => {
    // a port already in use must stop the start, not print a URL that another process answers
    server.once('error', reject);
    server.listen(config.port, config.host, () => {
      server.off('error', reject);
      resolve();
    });
  }).catch(async (error: unknown) => {
    await db.destroy();
    throw error;
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${port}`;
  logger.info({ url, database: config.database.kind }, 'Up at Night is listening');
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
      clearInterval(housekeeping);
      // a busy keep-alive socket would go on serving its client's next requests and never drain:
      // from now on every answer says "Connection: close", so each socket closes after its response
      server.prependListener('request', (_req, res) => res.setHeader('connection', 'close'));
      // stop accepting, finish in-flight requests; idle keep-alive sockets close at once
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      await closed;
      await background.drain();
      await preview?.close();
      await salesforce.stop();
      await db.destroy();
      logger.info('stopped');
    })());

  return { url, previewUrl, config, db, logger, stop };
}

/** Runs until SIGTERM/SIGINT; a drain that outlasts the timeout is cut short. */
export async function runUntilSignalled(
  config: Config = loadConfig(),
  options: StartOptions = {},
): Promise<void> {
  const service = await startService(config, options);
  const onSignal = (signal: string) => {
    service.logger.info({ signal }, 'draining');
    const force = setTimeout(() => {
      service.logger.error('drain timed out; exiting');
      process.exit(1);
    }, config.shutdownTimeoutMs);
    force.unref();
    service.stop().then(
      () => process.exit(0),
      (err: unknown) => {
        service.logger.error({ err }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', () => onSignal('SIGTERM'));
  process.once('SIGINT', () => onSignal('SIGINT'));
}
