// One large synthetic org on a throwaway Postgres, seeded at most once per bench process: the
// analytics views and the noisy neighbour both need a tenant with a million notes, and seeding one
// takes minutes, so every part that asks gets the same one. BENCH_ANALYTICS_NOTES shrinks it for a
// quick look; the seeded counts are reported with the figures.
import { performance } from 'node:perf_hooks';
import { seedSynthetic, type SeedCounts, type SeedSummary } from '../../seed/synthetic-seed';
import { createTenant } from '../../../service/src/features/tenants';
import { openDatabase, type DatabaseTarget, type Db } from '../../../service/src/platform/database/database';
import { startPostgres } from '../../../test/helpers/postgres-server';

export interface SeededOrg {
  target: DatabaseTarget;
  db: Db;
  tenantId: string;
  apiKey: string;
  counts: SeedCounts;
  summary: SeedSummary;
  seedSeconds: number;
}

export const envCount = (name: string, fallback: number) => Number(process.env[name] ?? fallback);

export const largeOrgCounts = (): SeedCounts => ({
  notes: envCount('BENCH_ANALYTICS_NOTES', 1_000_000),
  opportunities: 50_000,
  reps: 500,
});

/** Seeds `counts` into a new tenant of `target`, printing progress every tenth of the notes. */
export async function seedOrg(target: DatabaseTarget, counts: SeedCounts, label: string): Promise<SeededOrg> {
  const db = await openDatabase(target);
  const { tenant, apiKey } = await createTenant(db, { slug: 'bench', name: 'Bench' });
  const started = performance.now();
  let reported = 0;
  const summary = await seedSynthetic(db, tenant.id, counts, (done, total) => {
    if (done - reported >= total / 10 || done === total) {
      reported = done;
      process.stdout.write(
        `  ${label}: seeded ${done}/${total} notes (${((performance.now() - started) / 1000).toFixed(0)} s)\n`,
      );
    }
  });
  return {
    target,
    db,
    tenantId: tenant.id,
    apiKey,
    counts,
    summary,
    seedSeconds: (performance.now() - started) / 1000,
  };
}

let largeOrg: Promise<SeededOrg> | undefined;
let stopServer: (() => void) | undefined;

/** The shared large org on Postgres; the first caller seeds it. */
export function largePostgresOrg(): Promise<SeededOrg> {
  largeOrg ??= (async () => {
    const server = await startPostgres();
    stopServer = () => server.stop();
    return seedOrg({ kind: 'postgres', url: server.url, poolSize: 10 }, largeOrgCounts(), 'postgres1M');
  })();
  return largeOrg;
}

/** Called once by the harness after every part has run. */
export async function releaseLargeOrg(): Promise<void> {
  if (!largeOrg) return;
  const org = await largeOrg;
  largeOrg = undefined;
  await org.db.destroy();
  stopServer?.();
}
