import { randomBytes } from 'node:crypto';
import os from 'node:os';
import { ConfigError, loadConfig } from './config';

describe('configuration', () => {
  test('defaults: port 3000, embedded PGlite in ./.data, development features on', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3000);
    expect(config.database).toMatchObject({ kind: 'pglite', durability: 'safe' });
    expect(config.database.kind === 'pglite' && config.database.dataDir).toMatch(/\.data$/);
    expect(config.devFeatures).toBe(true);
    expect(config.metrics).toEqual({ token: undefined, tenantLabels: false, refreshMs: 30_000 });
  });

  test('DATABASE_URL switches to Postgres', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://u@localhost/db' }).database).toEqual({
      kind: 'postgres',
      url: 'postgres://u@localhost/db',
      poolSize: 10,
      perTenant: 5,
    });
  });

  test('a bad value fails fast naming the variable', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x' })).toThrow(
      /DATABASE_URL: must be a postgres:\/\/ URL/,
    );
    expect(() => loadConfig({ DEMO_API_KEY: 'short' })).toThrow(ConfigError);
    expect(() => loadConfig({ METRICS_TOKEN: 'short' })).toThrow(/METRICS_TOKEN: must be 32–256/);
    expect(() => loadConfig({ METRICS_TENANT_LABELS: 'yes' })).toThrow(/METRICS_TENANT_LABELS/);
  });

  test('serve runs the worker too unless UPATNIGHT_ROLE=http asks for HTTP only', () => {
    expect(loadConfig({}).serveRunsWorker).toBe(true);
    expect(loadConfig({ UPATNIGHT_ROLE: 'http' }).serveRunsWorker).toBe(false);
    expect(() => loadConfig({ UPATNIGHT_ROLE: 'worker' })).toThrow(/UPATNIGHT_ROLE/);
  });

  test('the worker pool: one thread a core, two a tenant, lowered priority, each setting overridable', () => {
    expect(loadConfig({}).workerPool).toEqual({
      threads: os.availableParallelism(),
      perTenant: 2,
      taskBudgetMs: 30_000,
      niceness: 10,
    });
    const env = {
      WORKER_THREADS: '4',
      WORKER_THREADS_PER_TENANT: '1',
      WORKER_TASK_BUDGET_MS: '5000',
      WORKER_NICENESS: '0',
    };
    expect(loadConfig(env).workerPool).toEqual({ threads: 4, perTenant: 1, taskBudgetMs: 5000, niceness: 0 });
    expect(() => loadConfig({ WORKER_NICENESS: '20' })).toThrow(/WORKER_NICENESS/);
  });

  test('costly requests run two at a time per tenant with twenty waiting, and background work takes half the time while others are served', () => {
    expect(loadConfig({})).toMatchObject({
      heavyRequests: { perTenant: 2, waiting: 20 },
      backgroundShare: 0.5,
    });
    expect(
      loadConfig({ HEAVY_REQUESTS_PER_TENANT: '4', HEAVY_REQUESTS_WAITING: '0', BACKGROUND_SHARE: '1' }),
    ).toMatchObject({ heavyRequests: { perTenant: 4, waiting: 0 }, backgroundShare: 1 });
    expect(() => loadConfig({ BACKGROUND_SHARE: '0' })).toThrow(/BACKGROUND_SHARE/);
    expect(() => loadConfig({ HEAVY_REQUESTS_PER_TENANT: '0' })).toThrow(/HEAVY_REQUESTS_PER_TENANT/);
  });

  test("Postgres holds ten connections by default, half of them at most for one tenant's work", () => {
    const url = 'postgres://app@127.0.0.1:5432/upatnight';
    expect(loadConfig({ DATABASE_URL: url }).database).toEqual({
      kind: 'postgres',
      url,
      poolSize: 10,
      perTenant: 5,
    });
    expect(loadConfig({ DATABASE_URL: url, DATABASE_POOL_SIZE: '7' }).database).toMatchObject({
      poolSize: 7,
      perTenant: 4,
    });
    expect(
      loadConfig({ DATABASE_URL: url, DATABASE_POOL_SIZE: '20', DATABASE_CONNECTIONS_PER_TENANT: '15' })
        .database,
    ).toMatchObject({ poolSize: 20, perTenant: 15 });
    expect(() => loadConfig({ DATABASE_URL: url, DATABASE_CONNECTIONS_PER_TENANT: '11' })).toThrow(
      'DATABASE_CONNECTIONS_PER_TENANT: must not exceed DATABASE_POOL_SIZE (10)',
    );
    expect(() => loadConfig({ DATABASE_URL: url, DATABASE_POOL_SIZE: '0' })).toThrow(/DATABASE_POOL_SIZE/);
  });

  test('TRUST_PROXY takes a hop count or proxy addresses, never every address', () => {
    expect(loadConfig({}).trustProxy).toBeUndefined();
    expect(loadConfig({ TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(loadConfig({ TRUST_PROXY: 'loopback, 10.0.0.0/8' }).trustProxy).toBe('loopback, 10.0.0.0/8');
    expect(() => loadConfig({ TRUST_PROXY: 'true' })).toThrow(/TRUST_PROXY: name the hops/);
  });

  test('production needs an explicit database and turns the demo and preview off', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/DATABASE_URL/);
    const config = loadConfig({ NODE_ENV: 'production', DATA_DIR: '/var/lib/upatnight' });
    expect(config.devFeatures).toBe(false);
  });

  test('SECRETS_KEY takes canonical base64 of 32 random bytes and names itself otherwise', () => {
    const key = randomBytes(32);
    expect(loadConfig({ SECRETS_KEY: key.toString('base64') }).salesforce.secretsKey).toEqual(key);
    // the last character before the padding holds 4 bits of the key and 2 bits that must be zero
    const withStrayBits = (text: string) => {
      const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
      return `${text.slice(0, 42)}${alphabet[alphabet.indexOf(text[42]!) ^ 1]}=`;
    };
    const counting = Buffer.from(Array.from({ length: 32 }, (_, i) => i * 7));
    const rejected: Record<string, string> = {
      zeros: Buffer.alloc(32).toString('base64'),
      'one repeated byte': Buffer.alloc(32, 0xa5).toString('base64'),
      'a counting sequence': counting.toString('base64'),
      'a typed passphrase': Buffer.from('correct horse battery staple 123').toString('base64'),
      'base64url instead of base64': Buffer.from(key).toString('base64url'),
      'no padding': key.toString('base64').replace(/=+$/, ''),
      'stray characters': `${key.toString('base64').slice(0, 20)}*${key.toString('base64').slice(20)}`,
      'stray low bits': withStrayBits(key.toString('base64')),
      '31 bytes': key.subarray(1).toString('base64'),
    };
    const namesTheVariable = (value: string) => {
      try {
        loadConfig({ SECRETS_KEY: value });
        return false;
      } catch (error) {
        return error instanceof ConfigError && /SECRETS_KEY: must be/.test(error.message);
      }
    };
    const accepted = Object.entries(rejected).filter(([, value]) => !namesTheVariable(value));
    expect(accepted.map(([what]) => what)).toEqual([]);
  });
});
