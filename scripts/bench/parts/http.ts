// HTTP load: the service runs as its own process (`upatnight serve`, NODE_ENV=production,
// LOG_LEVEL=warn) and this process drives it over loopback: autocannon at a fixed concurrency for
// the maximum rate, a paced open-loop sender for latency at a steady rate.
// The echo route is GET /healthz: the app's cheapest route (no auth, no database), through the same
// middleware stack (helmet, request id, logging, metrics), so notesPost/echo holds on a noisy machine.
// POST /v1/notes is measured as the Salesforce package sends it (Idempotency-Key, the deal's
// context) into an org with a history: at its maximum rate on Postgres and on PGlite, then at half
// the Postgres maximum for p99; the bare request (neither) at its maximum, for comparison.
// POST /v1/score and the panel are reported at half their own maximum.
// Every run reports client-side latency, the service's own (its Server-Timing header) and the CPU
// each request cost the service, Postgres and the load generator (process-cpu.ts).
// The noisy neighbour: another tenant's POST /v1/score latency while one tenant floods.
// Memory is the service's VmRSS; start-up is spawn → first 200 on /healthz, on a new and on an
// existing PGlite data directory.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import autocannon, { type Result } from 'autocannon';
import { sql } from 'kysely';
import { startPostgres } from '../../../test/helpers/postgres-server';
import { databaseEnv, startServiceProcess, type ServiceProcess } from '../../../test/helpers/service-process';
import { openDatabase, type DatabaseTarget } from '../../../service/src/platform/database/database';
import { createTenant } from '../../../service/src/features/tenants';
import { seedSynthetic, type SeedCounts } from '../../seed/synthetic-seed';
import type { OpportunityContext } from '../../../service/src/features/opportunities';
import { runNoisyNeighbour } from '../../../test/reliability/noisy-neighbour';
import { largePostgresOrg } from './seeded-org';
import { benchNotes } from './scoring';
import type { BenchFigures } from './index';
import { ownCpuMs, postmasterPid, treeCpuMs } from './process-cpu';
import { scaleOutFigures } from './scale-out';

const CONNECTIONS = 20;
const SECONDS = Number(process.env.HTTP_BENCH_SECONDS ?? 10);
// The org the notes land in already has a history, as a live one would: its deals and reps, and
// notes whose statistics the planner has read (a fresh, empty database plans its triggers' joins
// for tables it believes empty). Seeded with `upatnight seed`'s generator.
const HISTORY: SeedCounts = { notes: 30_000, opportunities: 3_000, reps: 500 };
const NOTES = benchNotes(200, 11).map((note) => ({
  occurredAt: note.occurredAt,
  prompts: [{ text: 'Self-scheduling will move volume away from your call centre', reaction: 'new_to_them' }],
  summary: note.summary,
  customerView: note.customerView,
  ideas: note.ideas,
  nextStep: note.nextStep,
  nextStepDate: note.nextStepDate,
}));

/** A tenant with a history: its key, its deals' contexts (as Salesforce sends them) and its reps. */
interface BenchOrg {
  apiKey: string;
  deals: OpportunityContext[];
  reps: string[];
}

async function seededOrg(target: DatabaseTarget, slug: string): Promise<BenchOrg> {
  const db = await openDatabase(target);
  try {
    const { tenant, apiKey } = await createTenant(db, { slug, name: slug, withDefaultLibrary: true });
    const started = performance.now();
    await seedSynthetic(db, tenant.id, HISTORY);
    process.stdout.write(
      `  ${target.kind}: seeded ${HISTORY.notes} notes on ${HISTORY.opportunities} deals by ${HISTORY.reps} reps (${((performance.now() - started) / 1000).toFixed(0)} s)\n`,
    );
    const deals = await db
      .selectFrom('opportunities')
      .select(['id', 'name', 'stage', 'amount', 'close_date', 'account_name', 'industry'])
      .where('tenant_id', '=', tenant.id)
      .orderBy('id')
      .execute();
    const reps = await db
      .selectFrom('users')
      .select('id')
      .where('tenant_id', '=', tenant.id)
      .where('manager_id', 'is not', null)
      .orderBy('id')
      .execute();
    return {
      apiKey,
      deals: deals.map((d) => ({
        id: d.id,
        name: d.name ?? undefined,
        stage: d.stage ?? undefined,
        amount: d.amount === null ? undefined : Number(d.amount),
        closeDate: d.close_date ?? undefined,
        accountName: d.account_name ?? undefined,
        industry: d.industry ?? undefined,
      })),
      reps: reps.map((r) => r.id),
    };
  } finally {
    await db.destroy();
  }
}

interface Run {
  rps: number;
  /** client-side latency: loopback, the load generator's own queueing and the service */
  p50: number;
  p99: number;
  /** service-side latency, from each answer's Server-Timing header */
  serviceP50: number;
  serviceP99: number;
  /** CPU ms per request of the service, the database server (when it is a process of its own) and
   * the load generator: what each request costs the machine, whatever else shares it */
  cpuMsPerRequest: { service: number; database: number | null; loadGenerator: number };
  non2xx: number;
  errors: number;
}

const percentile = (sorted: number[], p: number) =>
  sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
const ms = (value: number) => Number(value.toFixed(2));

/** The service's own duration of an answer, from its Server-Timing header (app;dur=…). */
const serverTiming = (header: unknown) => {
  const dur = /dur=([\d.]+)/.exec(String(header ?? ''))?.[1];
  return dur === undefined ? undefined : Number(dur);
};

const headersFor = (apiKey: string) => ({
  authorization: `Bearer ${apiKey}`,
  'x-actor-id': '005000000000001AAA',
  'x-actor-role': 'rep',
  'content-type': 'application/json',
});

/** What a run sends: one request after another, each possibly different. */
interface Traffic {
  next(): { method: 'GET' | 'POST'; path: string; headers?: Record<string, string>; body?: string };
}

interface LoadExtras {
  onSample?: () => void;
  /** the Postgres server's postmaster, whose CPU (with its backends') the run reports */
  postgresPid?: number;
}

/** CPU spent by the service, the database server and this process (the load generator) from now. */
function cpuMeter(service: ServiceProcess, extras: LoadExtras) {
  const read = () => ({
    service: treeCpuMs(service.pid),
    database: extras.postgresPid === undefined ? null : treeCpuMs(extras.postgresPid),
    loadGenerator: ownCpuMs(),
  });
  const before = read();
  return (requests: number): Run['cpuMsPerRequest'] => {
    const after = read();
    const perRequest = (spent: number) => ms(spent / Math.max(1, requests));
    return {
      service: perRequest(after.service - before.service),
      database: after.database === null ? null : perRequest(after.database - before.database!),
      loadGenerator: perRequest(after.loadGenerator - before.loadGenerator),
    };
  };
}

async function withSampler<T>(extras: LoadExtras, work: () => Promise<T>): Promise<T> {
  const sampler = extras.onSample ? setInterval(extras.onSample, 500) : undefined;
  try {
    return await work();
  } finally {
    clearInterval(sampler);
  }
}

/** The maximum rate: autocannon keeps CONNECTIONS requests in flight for SECONDS (closed loop). */
async function maxRate(service: ServiceProcess, traffic: Traffic, extras: LoadExtras = {}): Promise<Run> {
  const own: number[] = [];
  const meter = cpuMeter(service, extras);
  const result: Result = await withSampler(extras, () =>
    autocannon({
      url: service.url,
      connections: CONNECTIONS,
      duration: SECONDS,
      requests: [
        {
          setupRequest: (request) => ({ ...request, ...traffic.next() }),
          onResponse: (_status, _body, _context, headers) => {
            const name = Object.keys(headers ?? {}).find((h) => h.toLowerCase() === 'server-timing');
            const dur = serverTiming(name && headers![name]);
            if (dur !== undefined) own.push(dur);
          },
        },
      ],
    }),
  );
  own.sort((a, b) => a - b);
  return {
    rps: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    serviceP50: ms(percentile(own, 50)),
    serviceP99: ms(percentile(own, 99)),
    cpuMsPerRequest: meter(result.requests.total),
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  };
}

/** One request over node:http (lighter than fetch: the sender shares the cores with the service). */
function send(
  agent: http.Agent,
  url: string,
  request: ReturnType<Traffic['next']>,
): Promise<{ status: number; headers: http.IncomingHttpHeaders }> {
  return new Promise((resolve, reject) => {
    const outgoing = http.request(
      `${url}${request.path}`,
      { method: request.method, headers: request.headers, agent },
      (response) => {
        response.on('data', () => {}); // drain; only the status and headers are kept
        response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers }));
        response.on('error', reject);
      },
    );
    outgoing.on('error', reject);
    outgoing.end(request.body);
  });
}

/**
 * A steady rate, open loop: request i is due at start + i/rate and leaves then, however the earlier
 * ones are doing, and its latency counts from when it was due (so a stall is not hidden by sending
 * less). autocannon's overallRate sends each second's budget in a burst at the start of the second,
 * which measures bursts rather than a service at that rate.
 */
async function paced(
  service: ServiceProcess,
  traffic: Traffic,
  rate: number,
  extras: LoadExtras = {},
): Promise<Run> {
  const latencies: number[] = [];
  const own: number[] = [];
  let non2xx = 0;
  let errors = 0;
  const count = Math.max(1, Math.round(rate * SECONDS));
  const meter = cpuMeter(service, extras);
  const agent = new http.Agent({ keepAlive: true });
  const started = performance.now();
  await withSampler(extras, async () => {
    const inFlight: Promise<void>[] = [];
    for (let i = 0; i < count; i++) {
      const due = started + (i * 1000) / rate;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      const answered = send(agent, service.url, traffic.next()).then(
        (answer) => {
          latencies.push(performance.now() - due);
          const dur = serverTiming(answer.headers['server-timing']);
          if (dur !== undefined) own.push(dur);
          if (answer.status >= 300) non2xx++;
        },
        () => {
          errors++;
        },
      );
      inFlight.push(answered);
    }
    await Promise.all(inFlight);
  }).finally(() => agent.destroy());
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  own.sort((a, b) => a - b);
  return {
    rps: Math.round(latencies.length / elapsed),
    p50: ms(percentile(latencies, 50)),
    p99: ms(percentile(latencies, 99)),
    serviceP50: ms(percentile(own, 50)),
    serviceP99: ms(percentile(own, 99)),
    cpuMsPerRequest: meter(count),
    non2xx,
    errors,
  };
}

/**
 * Every POST /v1/notes carries a different note by one of the org's reps on one of its deals. The
 * package's request (what the Salesforce panel sends) brings an Idempotency-Key and the deal's
 * context; the bare request is the API's minimum, for comparison.
 */
function notePosts(org: BenchOrg, shape: 'package' | 'bare'): Traffic {
  let n = 0;
  const run = randomUUID();
  return {
    next: () => {
      const i = n++;
      const note = NOTES[i % NOTES.length]!;
      const deal = org.deals[(i * 7919) % org.deals.length]!;
      const packaged = shape === 'package';
      return {
        method: 'POST',
        path: '/v1/notes',
        headers: {
          ...headersFor(org.apiKey),
          'x-actor-id': org.reps[i % org.reps.length]!,
          ...(packaged ? { 'idempotency-key': `${run}-${i}` } : {}),
        },
        body: JSON.stringify({
          ...note,
          opportunityId: deal.id,
          ...(packaged ? { opportunity: deal } : {}),
          summary: `${note.summary} (#${i})`,
        }),
      };
    },
  };
}

const post = (apiKey: string, requestPath: string, body: unknown): Traffic => {
  const request = {
    method: 'POST' as const,
    path: requestPath,
    headers: headersFor(apiKey),
    body: JSON.stringify(body),
  };
  return { next: () => request };
};

const table: {
  run: string;
  rps: number;
  p50Ms: number;
  p99Ms: number;
  serviceP50Ms: number;
  serviceP99Ms: number;
  cpuMsPerRequest: string;
  non2xx: number;
  errors: number;
  load1: string;
}[] = [];
function record(name: string, run: Run): Run {
  const { service, database, loadGenerator } = run.cpuMsPerRequest;
  const cpu = `${service} + ${database ?? '–'} + ${loadGenerator}`;
  table.push({ run: name, rps: run.rps, p50Ms: run.p50, p99Ms: run.p99, serviceP50Ms: run.serviceP50, serviceP99Ms: run.serviceP99, cpuMsPerRequest: cpu, non2xx: run.non2xx, errors: run.errors, load1: os.loadavg()[0]!.toFixed(1) }); // prettier-ignore
  process.stdout.write(
    `  ${name}: ${run.rps} req/s, p50 ${run.p50} ms, p99 ${run.p99} ms (in the service: p50 ${run.serviceP50} ms, p99 ${run.serviceP99} ms)\n`,
  );
  // a run whose requests were refused measured the refusal, not the route
  if (run.non2xx > 0 || run.errors > 0)
    throw new Error(`${name}: ${run.non2xx} answers were not 2xx and ${run.errors} requests failed`);
  return run;
}

/** Measures the maximum rate, then the latency at a steady half of it. */
async function maxThenHalf(
  service: ServiceProcess,
  name: string,
  traffic: () => Traffic,
  extras: LoadExtras,
) {
  const max = record(`${name} max`, await maxRate(service, traffic(), extras));
  const halfRate = Math.max(1, Math.round(max.rps / 2));
  const half = record(
    `${name} paced at ${halfRate} req/s`,
    await paced(service, traffic(), halfRate, extras),
  );
  return { max, half };
}

/** The rescore the noisy tenant runs while the quiet one is measured. */
const NOISY_RESCORE: SeedCounts = { notes: 50_000, opportunities: 5_000, reps: 100 };

/**
 * Tenant A's live coach and note writes while tenant B rescores 50,000 notes, its sales ops load the
 * all-time dashboard over the shared 1M-note org (largePostgresOrg) and its reps send the costliest
 * requests the API accepts, under the production default tenant limit
 * (test/reliability/noisy-neighbour.ts). The service runs with its default worker pool.
 */
async function noisyNeighbourFigures(): Promise<BenchFigures> {
  const org = await largePostgresOrg();
  const [noisy, quiet] = await Promise.all(
    ['noisy', 'quiet'].map((slug) =>
      createTenant(org.db, {
        slug: `${slug}-${randomUUID().slice(0, 8)}`,
        name: slug,
        withDefaultLibrary: false,
      }),
    ),
  );
  await seedSynthetic(org.db, noisy!.tenant.id, NOISY_RESCORE);
  await sql`analyze notes`.execute(org.db);
  const service = await startServiceProcess({ ...databaseEnv(org.target), RATE_LIMIT_PER_MINUTE: '6000' });
  try {
    const loadBefore = os.loadavg()[0]!.toFixed(1);
    const result = await runNoisyNeighbour({
      url: service.url,
      noisyKey: noisy!.apiKey,
      quietKey: quiet!.apiKey,
      dashboardKey: org.apiKey,
      seconds: SECONDS,
    });
    process.stdout.write(
      `  noisy neighbour (B: rescore of ${NOISY_RESCORE.notes} notes, all-time dashboard over ${org.counts.notes} notes, costliest requests): ` +
        `A's live coach p99 ${result.scoreServiceP99Ms} ms in the service (alone ${result.scoreServiceAloneP99Ms} ms; ` +
        `client p99 ${result.quietP99Ms} ms, ${result.quietRequests} requests), A's note writes p99 ${result.notesServiceP99Ms} ms ` +
        `in the service (alone ${result.notesServiceAloneP99Ms} ms, ${result.notesRequests} requests); B got ` +
        `${result.noisyServed} costly requests served and ${result.noisyRefused} refused; load average ${loadBefore} before, ` +
        `${os.loadavg()[0]!.toFixed(1)} after\n`,
    );
    return {
      'http.noisyNeighbour.scoreP99Ms': result.scoreServiceP99Ms,
      'http.noisyNeighbour.scoreAloneP99Ms': result.scoreServiceAloneP99Ms,
      'http.noisyNeighbour.scoreClientP99Ms': result.quietP99Ms,
      'http.noisyNeighbour.notesP99Ms': result.notesServiceP99Ms,
      'http.noisyNeighbour.notesAloneP99Ms': result.notesServiceAloneP99Ms,
      'http.noisyNeighbour.noisyServed': result.noisyServed,
      'http.noisyNeighbour.largeOrgNotes': org.counts.notes,
    };
  } finally {
    await service.stop();
  }
}

export async function runHttpBench(): Promise<BenchFigures> {
  const figures: BenchFigures = {};
  const root = mkdtempSync(path.join(os.tmpdir(), 'upatnight-http-bench-'));
  const dataDir = path.join(root, 'pglite');
  const postgres = await startPostgres();
  try {
    // start-up on a new, then an existing data directory (no load, production mode)
    const fresh = await startServiceProcess({ DATABASE_URL: '', DATA_DIR: dataDir });
    figures['startup.newMs'] = Math.round(fresh.startMs);
    await fresh.stop();
    const again = await startServiceProcess({ DATABASE_URL: '', DATA_DIR: dataDir });
    figures['startup.existingMs'] = Math.round(again.startMs);
    await again.stop();

    // Postgres: echo, notes (max and half), score, panel, memory
    const pgTarget: DatabaseTarget = { kind: 'postgres', url: postgres.url };
    const pgOrg = await seededOrg(pgTarget, 'bench');
    const pgKey = pgOrg.apiKey;
    const service = await startServiceProcess(databaseEnv(pgTarget));
    try {
      await new Promise((resolve) => setTimeout(resolve, 1000));
      figures['memory.idleMb'] = Math.round(service.rssMb());
      const postgresPid = postmasterPid(postgres.dataDir);
      const echo = record(
        'echo GET /healthz',
        await maxRate(service, { next: () => ({ method: 'GET', path: '/healthz' }) }, { postgresPid }),
      );
      let peakRss = 0;
      const notes = await maxThenHalf(
        service,
        'POST /v1/notes (Postgres)',
        () => notePosts(pgOrg, 'package'),
        {
          postgresPid,
          onSample: () => {
            peakRss = Math.max(peakRss, service.rssMb());
          },
        },
      );
      figures['memory.loadMb'] = Math.round(peakRss);
      const bare = record(
        'POST /v1/notes (Postgres), bare: no key, no context, max',
        await maxRate(service, notePosts(pgOrg, 'bare'), { postgresPid }),
      );
      const score = await maxThenHalf(service, 'POST /v1/score', () => post(pgKey, '/v1/score', NOTES[0]), {
        postgresPid,
      });
      const panel = await maxThenHalf(
        service,
        'POST /v1/opportunities/:id/panel',
        () => post(pgKey, `/v1/opportunities/${pgOrg.deals[0]!.id}/panel`, { opportunity: pgOrg.deals[0] }),
        { postgresPid },
      );
      Object.assign(figures, {
        'http.echo.rps': echo.rps,
        'http.notesPost.postgres.rps': notes.max.rps,
        'http.notesPost.postgres.p50Ms': notes.max.p50,
        'http.notesPost.postgres.p99Ms': notes.max.p99,
        'http.notesPost.postgres.p99MsHalfLoad': notes.half.p99,
        'http.notesPost.postgres.serviceP99MsHalfLoad': notes.half.serviceP99,
        'http.notesPost.ratioToEcho': Number((notes.max.rps / echo.rps).toFixed(3)),
        'http.notesPost.postgres.bareRps': bare.rps,
        'http.notesPost.postgres.serviceCpuMsPerRequest': notes.max.cpuMsPerRequest.service,
        'http.notesPost.postgres.databaseCpuMsPerRequest': notes.max.cpuMsPerRequest.database!,
        'http.echo.cpuMsPerRequest': echo.cpuMsPerRequest.service,
        'http.score.rps': score.max.rps,
        // the live coach's target is service-side; the client-side figure adds the load generator
        'http.score.p99Ms': score.half.serviceP99,
        'http.score.clientP99Ms': score.half.p99,
        'http.panel.rps': panel.max.rps,
        'http.panel.p99Ms': panel.half.p99,
        'http.panel.serviceP99Ms': panel.half.serviceP99,
      });
    } finally {
      await service.stop();
    }

    Object.assign(figures, await noisyNeighbourFigures());
    Object.assign(figures, await scaleOutFigures(postgres));

    // PGlite (the embedded default): notes at the maximum rate
    const liteTarget: DatabaseTarget = { kind: 'pglite', dataDir };
    const liteOrg = await seededOrg(liteTarget, 'bench');
    const lite = await startServiceProcess(databaseEnv(liteTarget));
    try {
      const notes = record('POST /v1/notes (PGlite) max', await maxRate(lite, notePosts(liteOrg, 'package')));
      figures['http.notesPost.pglite.rps'] = notes.rps;
      figures['http.notesPost.pglite.p99Ms'] = notes.p99;
      // PGlite runs inside the service: its CPU is the service's
      figures['http.notesPost.pglite.serviceCpuMsPerRequest'] = notes.cpuMsPerRequest.service;
    } finally {
      await lite.stop();
    }
  } finally {
    postgres.stop();
    rmSync(root, { recursive: true, force: true });
  }
  console.table(table);
  process.stdout.write(
    `  ${CONNECTIONS} connections, ${SECONDS} s a run; ${os.cpus().length} CPUs (${os.cpus()[0]?.model ?? '?'}), node ${process.version}, load average ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}\n`,
  );
  return figures;
}
