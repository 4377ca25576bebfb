// Job gauges for /metrics, read from the database at each scrape, so every instance reports the same
// queue whichever worker runs it: a queue that grows, or an oldest job that keeps ageing, means the
// workers are too few, stopped, or stuck. Summed over tenants.
import { Gauge, type Registry } from 'prom-client';
import { sql } from 'kysely';
import type { Db } from '../../platform/database/database';

export function registerJobMetrics(registry: Registry, db: Db): void {
  const read = async () => {
    const { rows } = await sql<{ status: string; jobs: string | number; oldest_seconds: string | number }>`
      select status, count(*) as jobs, extract(epoch from now() - min(created_at)) as oldest_seconds
      from jobs where status in ('queued', 'running') group by status`.execute(db);
    return new Map(
      rows.map((row) => [row.status, { jobs: Number(row.jobs), oldest: Number(row.oldest_seconds) }]),
    );
  };
  new Gauge({
    name: 'upatnight_jobs',
    help: 'Background jobs (rescoring) waiting for a worker or running, summed over tenants',
    labelNames: ['status'],
    registers: [registry],
    async collect() {
      const byStatus = await read();
      for (const status of ['queued', 'running']) this.set({ status }, byStatus.get(status)?.jobs ?? 0);
    },
  });
  new Gauge({
    name: 'upatnight_jobs_oldest_queued_seconds',
    help: 'Age of the oldest job still waiting for a worker (0 when none waits)',
    registers: [registry],
    async collect() {
      this.set((await read()).get('queued')?.oldest ?? 0);
    },
  });
}
