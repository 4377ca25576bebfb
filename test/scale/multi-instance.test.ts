// Several instances over one Postgres: two HTTP instances (`serve --no-worker`) and two workers
// (`upatnight worker`) as real processes. Clients spread notes, rescore requests and sync requests
// over both HTTP instances, as a load balancer would (a failed attempt goes to the other instance with
// the same Idempotency-Key), while every process is restarted in turn. Then: every acknowledged note
// is stored once, every roll-up reached Salesforce once, every job ran once, a revoked key is refused
// by every instance within the cache window, and the rate limit holds per instance.
import { jest } from '@jest/globals';
import { openDatabase, type Db } from '../../service/src/platform/database/database';
import { KEY_CACHE_MS } from '../../service/src/platform/key-lookup-cache';
import { createTenant, rotateKey } from '../../service/src/features/tenants/tenants';
import { createPostgresDatabase } from '../helpers/databases';
import { makeClient, OPPORTUNITY, OPS, type Reply } from '../helpers/service';
import {
  startServiceProcess,
  startWorkerProcess,
  type ServiceProcess,
  type WorkerProcess,
} from '../helpers/service-process';
import { connect, SECRETS_KEY, startFake } from '../salesforce/harness';
import type { SalesforceFake } from '../salesforce-fake';

jest.setTimeout(240_000);

const RATE_LIMIT_PER_MINUTE = 1200;
/** GET /v1/analytics/… costs 10 tokens (platform/http/rate-limit.ts) */
const ANALYTICS_COST = 10;
const SYNCED_OPPORTUNITIES = 120;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The live HTTP instances a client may reach, as a load balancer's pool. */
class Pool {
  urls: string[] = [];
  private next = 0;
  pick(): string | undefined {
    if (this.urls.length === 0) return undefined;
    return this.urls[this.next++ % this.urls.length];
  }
}

const RETRYABLE = new Set([429, 502, 503]);

/**
 * Sends one request until it is answered (as a balancer's retry would): a lost connection, a
 * draining instance, a rate limit or a retry racing its first attempt is tried again, on whichever
 * instance comes next, with the same Idempotency-Key.
 */
async function untilAnswered(
  pool: Pool,
  apiKey: string,
  method: string,
  path: string,
  body: unknown,
  headers: Record<string, string>,
  role: 'rep' | 'salesops' = 'rep',
): Promise<Reply> {
  for (let attempt = 0; attempt < 400; attempt++) {
    const url = pool.pick();
    if (url) {
      try {
        const reply = await makeClient(url, apiKey, role === 'rep' ? undefined : OPS, role).request(
          method,
          path,
          body,
          headers,
        );
        const racing = reply.status === 409 && reply.body?.error?.code === 'idempotency_in_progress';
        if (!RETRYABLE.has(reply.status) && !racing) return reply;
      } catch {
        // the instance went away mid-request: the key makes the retry safe
      }
    }
    await sleep(25);
  }
  throw new Error(`${method} ${path} was never answered`);
}

interface Tenant {
  id: string;
  slug: string;
  apiKey: string;
}

describe('two HTTP instances and two workers over one Postgres', () => {
  let db: Db;
  let fake: SalesforceFake;
  let databaseUrl: string;
  const http: ServiceProcess[] = [];
  const workers: WorkerProcess[] = [];
  const pool = new Pool();

  const httpEnv = () => ({
    DATABASE_URL: databaseUrl,
    DATA_DIR: '',
    RATE_LIMIT_PER_MINUTE: String(RATE_LIMIT_PER_MINUTE),
  });
  const startHttp = () => startServiceProcess(httpEnv(), 120_000, ['serve', '--no-worker']);
  const startWorker = () =>
    startWorkerProcess({
      DATABASE_URL: databaseUrl,
      DATA_DIR: '',
      SECRETS_KEY: SECRETS_KEY.toString('base64'),
      SALESFORCE_ALLOW_LOCAL_ORG: 'true',
      SALESFORCE_WORKER_INTERVAL_MS: '200',
      JOBS_POLL_MS: '200',
    });

  const newTenant = async (slug: string): Promise<Tenant> => {
    const created = await createTenant(db, { slug, name: slug, withDefaultLibrary: false });
    return { id: created.tenant.id, slug, apiKey: created.apiKey };
  };

  beforeAll(async () => {
    databaseUrl = await createPostgresDatabase();
    db = await openDatabase({ kind: 'postgres', url: databaseUrl });
    fake = await startFake();
    fake.org.generate({ opportunities: SYNCED_OPPORTUNITIES, users: 4 });
    http.push(...(await Promise.all([startHttp(), startHttp()])));
    workers.push(...(await Promise.all([startWorker(), startWorker()])));
    pool.urls = http.map((instance) => instance.url);
  });

  afterAll(async () => {
    await Promise.all([...http, ...workers].map((processes) => processes.stop('SIGKILL')));
    await fake?.stop();
    await db?.destroy();
  });

  test('when notes, rescores and syncs flow through both while each process restarts in turn, then nothing is lost or doubled', async () => {
    const synced = await newTenant('synced');
    await connect(db, fake, synced.id);
    const rescored = await Promise.all(['rescored-a', 'rescored-b'].map(newTenant));
    const opportunities = [...fake.org.table('Opportunity').keys()];

    // every synced opportunity gets one note, so each roll-up is due exactly once; notes for the
    // rescored tenants go on until every process has been restarted
    const acked = new Map<string, { tenant: Tenant; id: string }>();
    const sent: Array<{ tenant: Tenant; token: string; opportunityId: string }> = [];
    let restarted = false;
    let stopped = false;
    const nextNote = () => {
      const i = sent.length;
      const syncedSoFar = sent.filter((note) => note.tenant === synced).length;
      if (i % 6 === 0 && syncedSoFar < SYNCED_OPPORTUNITIES) {
        sent.push({ tenant: synced, token: `s${syncedSoFar}`, opportunityId: opportunities[syncedSoFar]! });
      } else if (!restarted || syncedSoFar < SYNCED_OPPORTUNITIES) {
        sent.push({
          tenant: rescored[i % 2]!,
          token: `r${i}`,
          opportunityId: `006${String(i % 40).padStart(12, '0')}AAA`,
        });
      } else {
        return undefined;
      }
      return sent.at(-1)!;
    };
    const writeNotes = async () => {
      for (let note = nextNote(); note; note = nextNote()) {
        const { tenant, token, opportunityId } = note;
        const reply = await untilAnswered(
          pool,
          tenant.apiKey,
          'POST',
          '/v1/notes',
          {
            opportunityId,
            opportunity: { ...OPPORTUNITY, id: opportunityId },
            summary: `Scale note ${token}: we raised how self-scheduling shifts patient volume.`,
            customerView: 'Dana said the call centre loses staff faster than they can hire.',
          },
          { 'idempotency-key': `note-${token}` },
        );
        expect(reply.status).toBe(201);
        acked.set(token, { tenant, id: reply.body.id });
        await sleep(50);
      }
    };
    const requests: string[] = [];
    let lastSyncRequest = new Date();
    const askAgainAndAgain = async () => {
      for (let round = 0; !stopped; round++) {
        for (const tenant of rescored) {
          const reply = await untilAnswered(
            pool,
            tenant.apiKey,
            'POST',
            '/v1/rescore',
            undefined,
            {},
            'salesops',
          );
          requests.push(`rescore ${reply.status}`);
        }
        lastSyncRequest = new Date();
        const sync = await untilAnswered(
          pool,
          synced.apiKey,
          'POST',
          '/v1/salesforce/sync',
          {},
          {},
          'salesops',
        );
        requests.push(`sync ${sync.status}`);
        await sleep(1000);
      }
    };
    const writers = Promise.all(Array.from({ length: 4 }, writeNotes));
    const asking = askAgainAndAgain();

    // a rolling restart, one process at a time, while the load runs
    const restartHttp = async (i: number) => {
      const old = http[i]!;
      pool.urls = pool.urls.filter((url) => url !== old.url);
      expect(await old.stop('SIGTERM')).toEqual({ code: 0, signal: null });
      http[i] = await startHttp();
      pool.urls.push(http[i]!.url);
    };
    const restartWorker = async (i: number) => {
      expect(await workers[i]!.stop('SIGTERM')).toEqual({ code: 0, signal: null });
      workers[i] = await startWorker();
    };
    for (const restart of [
      () => restartWorker(0),
      () => restartHttp(0),
      () => restartWorker(1),
      () => restartHttp(1),
    ]) {
      await sleep(500);
      await restart();
    }
    restarted = true;
    await writers;
    stopped = true;
    await asking;

    // every acknowledged note is stored once, and nothing else is
    expect(acked.size).toBe(sent.length);
    const stored = await db
      .selectFrom('notes')
      .select(['id', 'tenant_id', 'summary'])
      .where('tenant_id', 'in', [synced.id, ...rescored.map((t) => t.id)])
      .execute();
    expect(stored).toHaveLength(sent.length);
    const storedIds = new Set(stored.map((note) => note.id));
    for (const { id } of acked.values()) expect(storedIds.has(id)).toBe(true);

    // every roll-up reaches Salesforce once; every job ends, each run by one worker once
    const settled = async () => {
      const outbox = await db.selectFrom('salesforce_outbox').select('opportunity_id').execute();
      const active = await db
        .selectFrom('jobs')
        .select('id')
        .where('status', 'in', ['queued', 'running'])
        .execute();
      const schedule = await db
        .selectFrom('salesforce_sync_schedules')
        .select(['last_run_at', 'leased_until'])
        .where('tenant_id', '=', synced.id)
        .executeTakeFirstOrThrow();
      const state = {
        outbox: outbox.length,
        activeJobs: active.length,
        syncLeased: schedule.leased_until !== null,
        syncedSinceLastRequest:
          schedule.last_run_at !== null && new Date(schedule.last_run_at) >= lastSyncRequest,
      };
      return {
        state,
        done: !state.outbox && !state.activeJobs && !state.syncLeased && state.syncedSinceLastRequest,
      };
    };
    const deadline = Date.now() + 60_000;
    for (let now = await settled(); !now.done; now = await settled()) {
      if (Date.now() > deadline) throw new Error(`work did not settle: ${JSON.stringify(now.state)}`);
      await sleep(200);
    }
    expect(fake.writes).toHaveLength(SYNCED_OPPORTUNITIES);
    expect(new Set(fake.writes.map((write) => write.id)).size).toBe(SYNCED_OPPORTUNITIES);
    const jobs = await db
      .selectFrom('jobs')
      .select(['status', 'runs'])
      .where(
        'tenant_id',
        'in',
        rescored.map((t) => t.id),
      )
      .execute();
    expect(requests.filter((r) => r.startsWith('rescore')).every((r) => r === 'rescore 202')).toBe(true);
    expect(jobs.filter((job) => job.status === 'done').length).toBeGreaterThan(0);
    for (const job of jobs) {
      expect(['done', 'superseded']).toContain(job.status);
      expect(job.runs).toBeLessThanOrEqual(1);
    }
    const sync = await db
      .selectFrom('salesforce_sync_schedules')
      .select('last_error')
      .where('tenant_id', '=', synced.id)
      .executeTakeFirstOrThrow();
    expect(sync.last_error).toBeNull();
    expect(requests.filter((r) => r.startsWith('sync')).every((r) => r === 'sync 202')).toBe(true);
  });

  test('when a key is revoked, then every instance refuses it within the key cache window', async () => {
    const tenant = await newTenant('revoked');
    const clients = http.map((instance) => makeClient(instance.url, tenant.apiKey));
    // both instances have the key in their cache
    for (const client of clients) expect((await client.request('GET', '/v1/settings')).status).toBe(200);

    await rotateKey(db, tenant.slug);
    const revokedAt = Date.now();

    const refusedAfter = await Promise.all(
      clients.map(async (client) => {
        while ((await client.request('GET', '/v1/settings')).status !== 401) {
          if (Date.now() - revokedAt > 10 * KEY_CACHE_MS)
            throw new Error('the revoked key is still accepted');
          await sleep(50);
        }
        return Date.now() - revokedAt;
      }),
    );
    // the window, plus one poll and one round trip on a busy machine
    for (const ms of refusedAfter) expect(ms).toBeLessThanOrEqual(KEY_CACHE_MS + 1000);
  });

  test('when a tenant spends its allowance on one instance, then the other still serves it: the limit is per instance', async () => {
    const tenant = await newTenant('limited');
    const burst = RATE_LIMIT_PER_MINUTE / ANALYTICS_COST;
    const spend = async (url: string) => {
      const client = makeClient(url, tenant.apiKey, undefined, 'manager');
      let accepted = 0;
      for (let i = 0; i < 2 * burst; i++) {
        const reply = await client.request('GET', '/v1/analytics/dashboard');
        if (reply.status === 429) return accepted;
        expect(reply.status).toBe(200);
        accepted++;
      }
      return accepted;
    };

    const first = await spend(http[0]!.url);
    const second = await spend(http[1]!.url);

    // a full bucket, plus what refills while the burst runs (20 tokens a second)
    for (const accepted of [first, second]) {
      expect(accepted).toBeGreaterThanOrEqual(burst);
      expect(accepted).toBeLessThan(burst * 1.5);
    }
  });
});
