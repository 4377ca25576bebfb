// Dashboard latency at a large org's scale: a synthetic org (`upatnight seed`'s generator) on a
// throwaway Postgres (1M notes / 50k opportunities / 500 reps, shared with other parts, see
// seeded-org.ts) and on embedded PGlite (100k notes), then the full dashboard (all its queries)
// many times as managers and as sales ops. BENCH_ANALYTICS_NOTES / BENCH_ANALYTICS_PGLITE_NOTES
// shrink the runs for a quick look; the seeded counts are reported with the figures.
import { performance } from 'node:perf_hooks';
import {
  dashboardQuerySchema,
  drilldownNotes,
  loadDashboard,
  loadPromptEffectiveness,
  promptsQuerySchema,
} from '../../../service/src/features/analytics';
import type { Actor } from '../../../service/src/platform/actor';
import type { Db } from '../../../service/src/platform/database/database';
import { envCount, largePostgresOrg, seedOrg, type SeededOrg } from './seeded-org';
import type { BenchFigures } from './index';

const RUNS = 50;
/** the prompt view reads migration 0005's aggregates instead of every raise, so it can
 * be timed over as many runs as the dashboard */
const PROMPT_RUNS = RUNS;
const WARM_UP = 3;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function timeRuns(
  run: (i: number) => Promise<unknown>,
  runs = RUNS,
): Promise<{ p50: number; p95: number }> {
  for (let i = 0; i < WARM_UP; i += 1) await run(i);
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const started = performance.now();
    await run(i);
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  const round = (v: number) => Math.round(v * 10) / 10;
  return { p50: round(percentile(times, 50)), p95: round(percentile(times, 95)) };
}

/** A view's query as the HTTP route reads it from a query string, so the bench asks only what a
 * client can ask (defaults applied, limits checked). */
const dashboardQuery = (query: Record<string, string>) => dashboardQuerySchema.parse(query);
const promptsQuery = (query: Record<string, string>) => promptsQuerySchema.parse(query);

/** Dashboard (default 90-day range, week buckets, 30-day coverage) per role, plus the other views. */
async function measure(db: Db, tenantId: string, managers: string[], key: string): Promise<BenchFigures> {
  const salesops: Actor = { tenantId, userId: '005S00000000000AAA', role: 'salesops' };
  const manager = (i: number): Actor => ({
    tenantId,
    userId: managers[i % managers.length]!,
    role: 'manager',
  });
  const defaults = dashboardQuery({});
  const asManager = await timeRuns((i) => loadDashboard(db, manager(i), defaults));
  const asSalesops = await timeRuns(() => loadDashboard(db, salesops, defaults));
  const allTime = dashboardQuery({ range: 'all', bucket: 'month' });
  const allTimeAsSalesops = await timeRuns(() => loadDashboard(db, salesops, allTime));
  const drill = await timeRuns((i) => drilldownNotes(db, manager(i), { band: '80-100', limit: 20 }));
  const prompts = await timeRuns(
    (i) => loadPromptEffectiveness(db, manager(i), promptsQuery({})),
    PROMPT_RUNS,
  );
  const promptsAll = await timeRuns(
    () => loadPromptEffectiveness(db, salesops, promptsQuery({})),
    PROMPT_RUNS,
  );
  // each run asks for the next phase, so every phase is timed
  const phases = ['early', 'middle', 'late'];
  const phaseOf = (i: number) => promptsQuery({ phase: phases[i % phases.length]! });
  const phaseAsManager = await timeRuns(
    (i) => loadPromptEffectiveness(db, manager(i), phaseOf(i)),
    PROMPT_RUNS,
  );
  const phaseAsSalesops = await timeRuns(
    (i) => loadPromptEffectiveness(db, salesops, phaseOf(i)),
    PROMPT_RUNS,
  );
  return {
    [`analytics.dashboardP95Ms.${key}`]: Math.max(asManager.p95, asSalesops.p95),
    [`analytics.promptsP95Ms.${key}`]: Math.max(prompts.p95, promptsAll.p95),
    [`analytics.dashboard.${key}.manager.p50Ms`]: asManager.p50,
    [`analytics.dashboard.${key}.manager.p95Ms`]: asManager.p95,
    [`analytics.dashboard.${key}.salesops.p50Ms`]: asSalesops.p50,
    [`analytics.dashboard.${key}.salesops.p95Ms`]: asSalesops.p95,
    [`analytics.dashboard.${key}.salesopsAllTime.p50Ms`]: allTimeAsSalesops.p50,
    [`analytics.dashboard.${key}.salesopsAllTime.p95Ms`]: allTimeAsSalesops.p95,
    [`analytics.drilldown.${key}.manager.p95Ms`]: drill.p95,
    [`analytics.prompts.${key}.manager.p50Ms`]: prompts.p50,
    [`analytics.prompts.${key}.manager.p95Ms`]: prompts.p95,
    [`analytics.prompts.${key}.salesops.p50Ms`]: promptsAll.p50,
    [`analytics.prompts.${key}.salesops.p95Ms`]: promptsAll.p95,
    [`analytics.prompts.${key}.phaseP95Ms`]: Math.max(phaseAsManager.p95, phaseAsSalesops.p95),
    [`analytics.prompts.${key}.manager.phaseP95Ms`]: phaseAsManager.p95,
    [`analytics.prompts.${key}.salesops.phaseP95Ms`]: phaseAsSalesops.p95,
  };
}

function seededFigures(org: SeededOrg, key: string): BenchFigures {
  return {
    [`analytics.${key}.notesSeeded`]: org.summary.notes,
    [`analytics.${key}.opportunitiesSeeded`]: org.summary.opportunities,
    [`analytics.${key}.repsSeeded`]: org.counts.reps,
    [`analytics.${key}.seedNotesPerSecond`]: Math.round(org.summary.notes / org.seedSeconds),
  };
}

export async function runAnalyticsBench(): Promise<BenchFigures> {
  // the large org stays up for other parts (the noisy neighbour); the harness releases it
  const large = await largePostgresOrg();
  const postgres = {
    ...seededFigures(large, 'postgres1M'),
    ...(await measure(large.db, large.tenantId, large.summary.managers, 'postgres1M')),
  };
  const small = await seedOrg(
    { kind: 'pglite' },
    { notes: envCount('BENCH_ANALYTICS_PGLITE_NOTES', 100_000), opportunities: 10_000, reps: 100 },
    'pglite100k',
  );
  try {
    return {
      ...postgres,
      ...seededFigures(small, 'pglite100k'),
      ...(await measure(small.db, small.tenantId, small.summary.managers, 'pglite100k')),
    };
  } finally {
    await small.db.destroy();
  }
}
