// The service's whole configuration: one zod schema over the environment, parsed once at start.
import path from 'node:path';
import { z } from 'zod';
import { randomKeyProblem } from './platform/lib/key-material';
import { DEFAULT_POOL_OPTIONS, type WorkerPoolOptions } from './platform/worker-pool/pool';
import { DEFAULT_POOL_SIZE, defaultPerTenant } from './platform/database/fair-pool';
import { DEFAULT_BACKGROUND_SHARE } from './platform/background-work';
import { DEFAULT_HEAVY_REQUESTS, type HeavyRequestOptions } from './platform/http/heavy-requests';

const schema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    HOST: z.string().min(1).default('127.0.0.1'),
    DATA_DIR: z.string().min(1).optional(),
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL')
      .optional(),
    /**
     * Embedded PGlite only. On Node's file system both settings behave the same (PGlite 0.5 runs
     * Postgres with fsync off and never calls fsync; `relaxed` only matters for browser storage):
     * every commit is written to the OS before the answer, so a killed or crashed *process* loses
     * nothing (tested with kill -9), but an OS crash or power loss can lose recent commits or damage
     * the data directory. For that guarantee use Postgres (DATABASE_URL).
     */
    PGLITE_DURABILITY: z.enum(['safe', 'relaxed']).default('safe'),
    /** Postgres only: connections the service holds at most. */
    DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(1000).default(DEFAULT_POOL_SIZE),
    /** Postgres only: of those, how many one tenant's work may hold at once (default: half, rounded up). */
    DATABASE_CONNECTIONS_PER_TENANT: z.coerce.number().int().min(1).optional(),
    DEMO_API_KEY: z.string().min(16, 'must be at least 16 characters').optional(),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    BODY_LIMIT: z
      .string()
      .regex(/^\d+(b|kb|mb)$/, 'must look like 256kb')
      .default('256kb'),
    SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().positive().default(10000),
    RATE_LIMIT_PER_MINUTE: z.coerce.number().int().positive().default(6000),
    RATE_LIMIT_PER_ADDRESS_PER_MINUTE: z.coerce.number().int().positive().default(30000),
    /** Costly requests (analytics, exports, imports, rescores, large bodies) one tenant runs at once. */
    HEAVY_REQUESTS_PER_TENANT: z.coerce.number().int().positive().default(DEFAULT_HEAVY_REQUESTS.perTenant),
    /** Of those, how many more may wait their turn before the tenant gets 429. */
    /** While other tenants are served, one tenant's background work (rescoring) takes this share of
     * the time, pausing between batches; alone it runs flat out. 1 never pauses. */
    BACKGROUND_SHARE: z.coerce.number().gt(0).max(1).default(DEFAULT_BACKGROUND_SHARE),
    HEAVY_REQUESTS_WAITING: z.coerce.number().int().min(0).default(DEFAULT_HEAVY_REQUESTS.waiting),
    /**
     * Behind a load balancer or proxy: how many proxy hops to trust (`1`), or which proxy addresses
     * (`loopback`, `10.0.0.0/8`, a comma list), so the client's address is read from
     * X-Forwarded-For. Unset, the connecting address counts. Never every address: a client could then
     * name any address it likes and step around the per-address limit.
     */
    TRUST_PROXY: z
      .string()
      .refine((v) => v !== 'true', 'name the hops or the proxy addresses, not true')
      .optional(),
    /** Encrypts Salesforce connection secrets at rest; without it no org can be connected. */
    SECRETS_KEY: z
      .string()
      .superRefine((v, ctx) => {
        const problem = randomKeyProblem(v, 32);
        if (problem) ctx.addIssue({ code: 'custom', message: problem });
      })
      .optional(),
    /** /metrics answers only a scraper that sends it as a bearer token; unset, /metrics is off */
    METRICS_TOKEN: z
      .string()
      .regex(/^[\x21-\x7e]{32,256}$/, 'must be 32–256 visible ASCII characters')
      .optional(),
    METRICS_TENANT_LABELS: z.enum(['true', 'false']).default('false'),
    METRICS_REFRESH_MS: z.coerce.number().int().min(0).default(30_000),
    SALESFORCE_WORKER_INTERVAL_MS: z.coerce.number().int().min(100).default(5000),
    /**
     * What `serve` runs: `all` (HTTP and the worker, the single-process default) or `http` (HTTP
     * only, for instances beside separate `upatnight worker` processes).
     */
    UPATNIGHT_ROLE: z.enum(['all', 'http']).default('all'),
    /** How often a worker looks for queued jobs another instance queued. */
    JOBS_POLL_MS: z.coerce.number().int().min(50).default(1000),
    /** Worker threads for CPU-heavy work (rescoring, imports, exports); by default one a core. */
    WORKER_THREADS: z.coerce.number().int().min(1).max(64).optional(),
    /** Of those, how many one tenant's work may hold at once. */
    WORKER_THREADS_PER_TENANT: z.coerce.number().int().min(1).default(DEFAULT_POOL_OPTIONS.perTenant),
    /** A task on a worker thread running longer than this is stopped and fails. */
    WORKER_TASK_BUDGET_MS: z.coerce.number().int().min(100).default(DEFAULT_POOL_OPTIONS.taskBudgetMs),
    /** The worker threads' nice value: above 0, requests win a busy core over background work. */
    WORKER_NICENESS: z.coerce.number().int().min(0).max(19).default(DEFAULT_POOL_OPTIONS.niceness),
    /**
     * Development and tests only: lets a tenant's org be the local Salesforce fake (http on a
     * loopback address). Without it only https Salesforce hosts on public addresses are called.
     */
    SALESFORCE_ALLOW_LOCAL_ORG: z.enum(['true', 'false']).default('false'),
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV === 'production' && !env.DATABASE_URL && !env.DATA_DIR) {
      ctx.addIssue({
        code: 'custom',
        path: ['DATABASE_URL'],
        message: 'production needs DATABASE_URL (Postgres) or an explicit DATA_DIR (embedded PGlite)',
      });
    }
    if ((env.DATABASE_CONNECTIONS_PER_TENANT ?? 0) > env.DATABASE_POOL_SIZE) {
      ctx.addIssue({
        code: 'custom',
        path: ['DATABASE_CONNECTIONS_PER_TENANT'],
        message: `must not exceed DATABASE_POOL_SIZE (${env.DATABASE_POOL_SIZE})`,
      });
    }
    if (env.NODE_ENV === 'production' && env.SALESFORCE_ALLOW_LOCAL_ORG === 'true') {
      ctx.addIssue({
        code: 'custom',
        path: ['SALESFORCE_ALLOW_LOCAL_ORG'],
        message:
          'the local Salesforce fake is for development and tests: production calls only Salesforce hosts',
      });
    }
  });

export interface Config {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  database:
    | { kind: 'postgres'; url: string; poolSize: number; perTenant: number }
    | { kind: 'pglite'; dataDir: string; durability: 'safe' | 'relaxed' };
  demoApiKey?: string;
  logLevel: string;
  bodyLimit: string;
  shutdownTimeoutMs: number;
  rateLimitPerMinute: number;
  rateLimitPerAddressPerMinute: number;
  heavyRequests: HeavyRequestOptions;
  backgroundShare: number;
  /** Express's trust proxy setting: hop count or proxy addresses */
  trustProxy?: number | string;
  salesforce: { secretsKey?: Buffer; workerIntervalMs: number; allowLocalOrg: boolean };
  /** whether `serve` also runs the worker (outbox, sync, jobs) */
  serveRunsWorker: boolean;
  jobsPollMs: number;
  workerPool: WorkerPoolOptions;
  metrics: { token?: string; tenantLabels: boolean; refreshMs: number };
  /** demo tenant and the local preview: development only */
  devFeatures: boolean;
}

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // an empty variable counts as unset, as shells and CI templates often leave them
  const parsed = schema.safeParse(
    Object.fromEntries(Object.entries(env).filter(([, value]) => value !== '')),
  );
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`invalid configuration: ${problems.join('; ')}`);
  }
  const e = parsed.data;
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    database: e.DATABASE_URL
      ? {
          kind: 'postgres',
          url: e.DATABASE_URL,
          poolSize: e.DATABASE_POOL_SIZE,
          perTenant: e.DATABASE_CONNECTIONS_PER_TENANT ?? defaultPerTenant(e.DATABASE_POOL_SIZE),
        }
      : { kind: 'pglite', dataDir: path.resolve(e.DATA_DIR ?? '.data'), durability: e.PGLITE_DURABILITY },
    demoApiKey: e.DEMO_API_KEY,
    logLevel: e.LOG_LEVEL,
    bodyLimit: e.BODY_LIMIT,
    shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_MS,
    rateLimitPerMinute: e.RATE_LIMIT_PER_MINUTE,
    rateLimitPerAddressPerMinute: e.RATE_LIMIT_PER_ADDRESS_PER_MINUTE,
    heavyRequests: { perTenant: e.HEAVY_REQUESTS_PER_TENANT, waiting: e.HEAVY_REQUESTS_WAITING },
    backgroundShare: e.BACKGROUND_SHARE,
    trustProxy: e.TRUST_PROXY && /^\d+$/.test(e.TRUST_PROXY) ? Number(e.TRUST_PROXY) : e.TRUST_PROXY,
    salesforce: {
      secretsKey: e.SECRETS_KEY ? Buffer.from(e.SECRETS_KEY, 'base64') : undefined,
      workerIntervalMs: e.SALESFORCE_WORKER_INTERVAL_MS,
      allowLocalOrg: e.SALESFORCE_ALLOW_LOCAL_ORG === 'true',
    },
    serveRunsWorker: e.UPATNIGHT_ROLE === 'all',
    jobsPollMs: e.JOBS_POLL_MS,
    workerPool: {
      threads: e.WORKER_THREADS ?? DEFAULT_POOL_OPTIONS.threads,
      perTenant: e.WORKER_THREADS_PER_TENANT,
      taskBudgetMs: e.WORKER_TASK_BUDGET_MS,
      niceness: e.WORKER_NICENESS,
    },
    metrics: {
      token: e.METRICS_TOKEN,
      tenantLabels: e.METRICS_TENANT_LABELS === 'true',
      refreshMs: e.METRICS_REFRESH_MS,
    },
    devFeatures: e.NODE_ENV !== 'production',
  };
}
