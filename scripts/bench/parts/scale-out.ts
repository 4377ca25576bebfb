// Scale-out: the package's note writes through one, then two HTTP instances (`serve --no-worker`) over
// the same Postgres server, as behind a load balancer (the connections split evenly between them).
// Reports the rate and the CPU per note of the instances and of Postgres together, so a second
// instance's gain can be read against what it costs. On a machine with fewer cores than instances
// plus Postgres plus the load generator, two instances can only share the same cores.
import { randomUUID } from 'node:crypto';
import autocannon from 'autocannon';
import { startPostgres, type PostgresServer } from '../../../test/helpers/postgres-server';
import { databaseEnv, startServiceProcess, type ServiceProcess } from '../../../test/helpers/service-process';
import { openDatabase, type DatabaseTarget } from '../../../service/src/platform/database/database';
import { createTenant } from '../../../service/src/features/tenants';
import { benchNotes } from './scoring';
import type { BenchFigures } from './index';
import { postmasterPid, treeCpuMs } from './process-cpu';

const CONNECTIONS = 20;
const SECONDS = Number(process.env.HTTP_BENCH_SECONDS ?? 10);
const NOTES = benchNotes(50, 23);

function notesTraffic(apiKey: string) {
  let n = 0;
  const run = randomUUID();
  return () => {
    const i = n++;
    const note = NOTES[i % NOTES.length]!;
    const opportunityId = `006${String(i % 500).padStart(12, '0')}AAA`;
    return {
      method: 'POST' as const,
      path: '/v1/notes',
      headers: {
        authorization: `Bearer ${apiKey}`,
        'x-actor-id': `005${String(i % 50).padStart(12, '0')}AAA`,
        'x-actor-role': 'rep',
        'content-type': 'application/json',
        'idempotency-key': `${run}-${i}`,
      },
      body: JSON.stringify({
        opportunityId,
        opportunity: { id: opportunityId, stage: 'Needs Analysis', industry: 'Healthcare', amount: 250000 },
        summary: `${note.summary} (#${i})`,
        customerView: note.customerView,
        nextStep: note.nextStep,
      }),
    };
  };
}

/** Notes at the maximum rate through `instances`, the connections split between them. */
async function throughput(instances: ServiceProcess[], apiKey: string, postgresPid: number) {
  const cpu = () => instances.reduce((sum, s) => sum + treeCpuMs(s.pid), 0) + treeCpuMs(postgresPid);
  const next = notesTraffic(apiKey);
  const before = cpu();
  const results = await Promise.all(
    instances.map((instance) =>
      autocannon({
        url: instance.url,
        connections: CONNECTIONS / instances.length,
        duration: SECONDS,
        requests: [{ setupRequest: (request) => ({ ...request, ...next() }) }],
      }),
    ),
  );
  const spent = cpu() - before;
  const refused = results.reduce((sum, r) => sum + r.non2xx + r.errors + r.timeouts, 0);
  if (refused > 0) throw new Error(`scale-out: ${refused} note requests were refused or failed`);
  const total = results.reduce((sum, r) => sum + r.requests.total, 0);
  return {
    rps: Math.round(results.reduce((sum, r) => sum + r.requests.average, 0)),
    cpuMsPerNote: Number((spent / Math.max(1, total)).toFixed(2)),
  };
}

export async function scaleOutFigures(postgres: PostgresServer): Promise<BenchFigures> {
  const target: DatabaseTarget = { kind: 'postgres', url: postgres.url };
  const db = await openDatabase(target);
  const { apiKey } = await createTenant(db, {
    slug: `scale-${randomUUID().slice(0, 8)}`,
    name: 'Scale-out',
    withDefaultLibrary: true,
  });
  await db.destroy();
  const env = { ...databaseEnv(target), RATE_LIMIT_PER_MINUTE: '100000000' };
  const instances = await Promise.all(
    [0, 1].map(() => startServiceProcess(env, 120_000, ['serve', '--no-worker'])),
  );
  try {
    const postgresPid = postmasterPid(postgres.dataDir);
    const one = await throughput(instances.slice(0, 1), apiKey, postgresPid);
    const two = await throughput(instances, apiKey, postgresPid);
    process.stdout.write(
      `  scale-out: 1 instance ${one.rps} notes/s (${one.cpuMsPerNote} CPU ms a note, service + Postgres), ` +
        `2 instances ${two.rps} notes/s (${two.cpuMsPerNote} ms)\n`,
    );
    return {
      'http.scaleOut.rps1': one.rps,
      'http.scaleOut.rps2': two.rps,
      'http.scaleOut.cpuMsPerNote1': one.cpuMsPerNote,
      'http.scaleOut.cpuMsPerNote2': two.cpuMsPerNote,
    };
  } finally {
    await Promise.all(instances.map((instance) => instance.stop()));
  }
}

/** The scale-out figures on a Postgres server of their own. */
export async function runScaleOutBench(): Promise<BenchFigures> {
  const postgres = await startPostgres();
  try {
    return await scaleOutFigures(postgres);
  } finally {
    postgres.stop();
  }
}
