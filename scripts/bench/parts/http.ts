// HTTP load: the service runs as its own process (`upatnight serve`, NODE_ENV=production,
// LOG_LEVEL=warn) and autocannon drives it from this process over loopback, at a fixed concurrency.
// The echo route is GET /healthz: the app's cheapest route (no auth, no database), through the same
// middleware stack (helmet, request id, logging, metrics), so notesPost/echo holds on a noisy machine.
// POST /v1/notes is measured at its maximum rate on Postgres and on PGlite, then at half the
// Postgres maximum for p99; POST /v1/score and the panel are reported at half their own maximum.
// Every run reports client-side latency and the service's own (its Server-Timing header).
// Memory is the service's VmRSS; start-up is spawn → first 200 on /healthz, on a new and on an
// existing PGlite data directory.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon, { type Options, type Request, type Result } from 'autocannon';
import { startPostgres } from '../../../test/helpers/postgres-server';
import {
  createTenantIn,
  databaseEnv,
  startServiceProcess,
  type ServiceProcess,
} from '../../../test/helpers/service-process';
import type { DatabaseTarget } from '../../../service/src/storage/database';
import { benchNotes } from './scoring';
import type { BenchFigures } from './index';

const CONNECTIONS = 20;
const REPS = 500;
const SECONDS = Number(process.env.HTTP_BENCH_SECONDS ?? 10);
const OPPORTUNITIES = Array.from({ length: 2000 }, (_, i) => `006${String(i).padStart(12, '0')}AAA`);
const NOTES = benchNotes(200, 11).map((note, i) => ({
  opportunityId: OPPORTUNITIES[i % OPPORTUNITIES.length]!,
  occurredAt: note.occurredAt,
  prompts: [{ text: 'Self-scheduling will move volume away from your call centre', reaction: 'new_to_them' }],
  summary: note.summary,
  customerView: note.customerView,
  ideas: note.ideas,
  nextStep: note.nextStep,
  nextStepDate: note.nextStepDate,
}));
const CONTEXT = {
  id: OPPORTUNITIES[0]!,
  name: 'St. Agnes Health – Patient Access',
  stage: 'Needs Analysis',
  amount: 250000,
  closeDate: '2027-03-31',
  accountName: 'St. Agnes Health',
  industry: 'Healthcare',
};

interface Run {
  rps: number;
  /** client-side latency: loopback, the load generator's own queueing and the service */
  p50: number;
  p99: number;
  /** service-side latency, from each answer's Server-Timing header */
  serviceP50: number;
  serviceP99: number;
  non2xx: number;
  errors: number;
}

const percentile = (sorted: number[], p: number) =>
  sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

/** Collects the service's own duration of every answer (Server-Timing: app;dur=…). */
function serviceTimes(options: Partial<Options>): { options: Partial<Options>; sorted(): number[] } {
  const durations: number[] = [];
  const onResponse = (_status: number, _body: string, _context: object, headers: Request['headers']) => {
    const header = Object.entries(headers ?? {}).find(
      ([name]) => name.toLowerCase() === 'server-timing',
    )?.[1];
    const dur = /dur=([\d.]+)/.exec(String(header ?? ''))?.[1];
    if (dur) durations.push(Number(dur));
  };
  return {
    options: { ...options, requests: options.requests?.map((r) => ({ ...r, onResponse })) },
    sorted: () => durations.sort((a, b) => a - b),
  };
}

const headersFor = (apiKey: string) => ({
  authorization: `Bearer ${apiKey}`,
  'x-actor-id': '005000000000001AAA',
  'x-actor-role': 'rep',
  'content-type': 'application/json',
});

async function load(service: ServiceProcess, options: Partial<Options>, onSample?: () => void): Promise<Run> {
  const sampler = onSample ? setInterval(onSample, 500) : undefined;
  const timed = serviceTimes(options);
  try {
    const result: Result = await autocannon({
      url: service.url,
      connections: CONNECTIONS,
      duration: SECONDS,
      ...timed.options,
    });
    const own = timed.sorted();
    return {
      rps: Math.round(result.requests.average),
      p50: result.latency.p50,
      p99: result.latency.p99,
      serviceP50: Number(percentile(own, 50).toFixed(2)),
      serviceP99: Number(percentile(own, 99).toFixed(2)),
      non2xx: result.non2xx,
      errors: result.errors + result.timeouts,
    };
  } finally {
    clearInterval(sampler);
  }
}

/**
 * Every POST /v1/notes carries a different note (autocannon calls setupRequest per request), from
 * one of REPS reps: the per-author daily rollup row is locked until each note's transaction commits,
 * so notes of a single rep are serialised, as they would be in an org (one rep, one note at a time).
 */
function notePosts(apiKey: string): Partial<Options> {
  let n = 0;
  return {
    requests: [
      {
        method: 'POST',
        path: '/v1/notes',
        headers: headersFor(apiKey),
        setupRequest: (request) => {
          const i = n++;
          const note = NOTES[i % NOTES.length]!;
          return {
            ...request,
            headers: { ...request.headers, 'x-actor-id': `005${String(i % REPS).padStart(12, '0')}AAA` },
            body: JSON.stringify({
              ...note,
              opportunityId: OPPORTUNITIES[i % OPPORTUNITIES.length],
              summary: `${note.summary} (#${i})`,
            }),
          };
        },
      },
    ],
  };
}

const post = (apiKey: string, requestPath: string, body: unknown): Partial<Options> => ({
  requests: [{ method: 'POST', path: requestPath, headers: headersFor(apiKey), body: JSON.stringify(body) }],
});

const table: {
  run: string;
  rps: number;
  p50Ms: number;
  p99Ms: number;
  serviceP50Ms: number;
  serviceP99Ms: number;
  non2xx: number;
  errors: number;
  load1: string;
}[] = [];
function record(name: string, run: Run): Run {
  table.push({ run: name, rps: run.rps, p50Ms: run.p50, p99Ms: run.p99, serviceP50Ms: run.serviceP50, serviceP99Ms: run.serviceP99, non2xx: run.non2xx, errors: run.errors, load1: os.loadavg()[0]!.toFixed(1) }); // prettier-ignore
  process.stdout.write(
    `  ${name}: ${run.rps} req/s, p50 ${run.p50} ms, p99 ${run.p99} ms (in the service: p50 ${run.serviceP50} ms, p99 ${run.serviceP99} ms)\n`,
  );
  if (run.non2xx > 0 || run.errors > 0)
    process.stdout.write(`    (${run.non2xx} non-2xx, ${run.errors} errors)\n`);
  return run;
}

/** Measures the maximum rate, then the latency at half of it. */
async function maxThenHalf(
  service: ServiceProcess,
  name: string,
  options: () => Partial<Options>,
  onSample?: () => void,
) {
  const max = record(`${name} max`, await load(service, options(), onSample));
  const half = record(`${name} at ${Math.round(max.rps / 2)} req/s`, await load(service, { ...options(), overallRate: Math.max(1, Math.round(max.rps / 2)) })); // prettier-ignore
  return { max, half };
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
    const pgKey = await createTenantIn(pgTarget, 'bench', true);
    const service = await startServiceProcess(databaseEnv(pgTarget));
    try {
      await new Promise((resolve) => setTimeout(resolve, 1000));
      figures['memory.idleMb'] = Math.round(service.rssMb());
      const echo = record(
        'echo GET /healthz',
        await load(service, { requests: [{ method: 'GET', path: '/healthz' }] }),
      );
      let peakRss = 0;
      const notes = await maxThenHalf(
        service,
        'POST /v1/notes (Postgres)',
        () => notePosts(pgKey),
        () => {
          peakRss = Math.max(peakRss, service.rssMb());
        },
      );
      figures['memory.loadMb'] = Math.round(peakRss);
      const score = await maxThenHalf(service, 'POST /v1/score', () => post(pgKey, '/v1/score', NOTES[0]));
      const panel = await maxThenHalf(service, 'POST /v1/opportunities/:id/panel', () =>
        post(pgKey, `/v1/opportunities/${CONTEXT.id}/panel`, { opportunity: CONTEXT }),
      );
      Object.assign(figures, {
        'http.echo.rps': echo.rps,
        'http.notesPost.postgres.rps': notes.max.rps,
        'http.notesPost.postgres.p50Ms': notes.max.p50,
        'http.notesPost.postgres.p99Ms': notes.max.p99,
        'http.notesPost.postgres.p99MsHalfLoad': notes.half.p99,
        'http.notesPost.postgres.serviceP99MsHalfLoad': notes.half.serviceP99,
        'http.notesPost.ratioToEcho': Number((notes.max.rps / echo.rps).toFixed(3)),
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

    // PGlite (the embedded default): notes at the maximum rate
    const liteTarget: DatabaseTarget = { kind: 'pglite', dataDir };
    const liteKey = await createTenantIn(liteTarget, 'bench');
    const lite = await startServiceProcess(databaseEnv(liteTarget));
    try {
      const notes = record('POST /v1/notes (PGlite) max', await load(lite, notePosts(liteKey)));
      figures['http.notesPost.pglite.rps'] = notes.rps;
      figures['http.notesPost.pglite.p99Ms'] = notes.p99;
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
