// The manager's dashboard: conversation quality (team, per rep, over time), coverage of open
// pipeline and win rate by conversation-score band — all within the actor's scope.
import type { Db } from '../../storage/database';
import * as repo from '../../storage/repositories/analytics';
import { badRequest } from '../../lib/errors';
import type { Actor } from '../actor';
import { addTotals, averagesOf, type Averages } from './averages';
import { addDays, bucketsBetween, todayUtc, type Bucket } from './buckets';
import { SCORE_BANDS, bandOf, type ScoreBand } from './score-bands';
import { narrowToRep, scopeOf } from './scope';
import { scoringCurrency, type ScoringCurrency } from './scoring-currency';
import { winRate, type RateWithInterval } from './wilson';

export const DEFAULT_RANGE_DAYS = 90;
export const DEFAULT_COVERAGE_DAYS = 30;
/** The uncovered list names the largest deals first; `uncoveredCount` says how many there are. */
export const UNCOVERED_LIMIT = 50;

export interface DashboardQuery {
  from?: string;
  to?: string;
  bucket?: Bucket;
  days?: number;
  repId?: string;
}

interface Quality {
  noteCount: number;
  scoredCount: number;
  averages: Averages;
}

export interface Dashboard {
  range: { from: string; to: string; bucket: Bucket };
  team: Quality;
  reps: Array<Quality & { repId: string; name: string | null }>;
  series: Array<Quality & { bucket: string }>;
  coverage: {
    days: number;
    since: string;
    open: number;
    covered: number;
    share: number | null;
    byStage: Array<{ stage: string | null; open: number; covered: number }>;
    uncovered: repo.UncoveredOpportunity[];
    uncoveredCount: number;
  };
  scoreBands: Array<{ band: ScoreBand; winRate: number | null } & Omit<RateWithInterval, 'rate'>>;
  scoring: ScoringCurrency;
}

const quality = (totals: repo.QualityTotals): Quality => ({
  noteCount: totals.noteCount,
  scoredCount: totals.scoredCount,
  averages: averagesOf(totals),
});

export function dashboardRange(query: { from?: string; to?: string }): { from: string; to: string } {
  const to = query.to ?? todayUtc();
  const from = query.from ?? addDays(to, -(DEFAULT_RANGE_DAYS - 1));
  if (from > to)
    throw badRequest('from must not be after to', [{ path: 'query.from', message: `after ${to}` }]);
  return { from, to };
}

export async function loadDashboard(db: Db, actor: Actor, query: DashboardQuery): Promise<Dashboard> {
  const scope = narrowToRep(await scopeOf(db, actor), query.repId);
  const range = dashboardRange(query);
  const bucket = query.bucket ?? 'week';
  const days = query.days ?? DEFAULT_COVERAGE_DAYS;
  // the last N calendar days, today included
  const since = addDays(todayUtc(), -(days - 1));
  const [byAuthor, byBucket, byStage, uncovered, byScore, scoring] = await Promise.all([
    repo.qualityByAuthor(db, scope, range),
    repo.qualityByBucket(db, scope, range, bucket),
    repo.coverageByStage(db, scope, since),
    repo.uncoveredOpportunities(db, scope, since, UNCOVERED_LIMIT),
    repo.closedByAverageScore(db, scope),
    scoringCurrency(db, actor.tenantId),
  ]);

  const buckets = new Map(byBucket.map((b) => [b.bucket, b]));
  const empty = addTotals([]);
  const open = byStage.reduce((n, s) => n + s.open, 0);
  const covered = byStage.reduce((n, s) => n + s.covered, 0);
  return {
    range: { ...range, bucket },
    team: quality(addTotals(byAuthor)),
    reps: byAuthor
      .map((a) => ({ repId: a.authorId, name: a.name, ...quality(a) }))
      .sort((a, b) => (a.name ?? a.repId).localeCompare(b.name ?? b.repId)),
    series: bucketsBetween(range.from, range.to, bucket).map((start) => ({
      bucket: start,
      ...quality(buckets.get(start) ?? empty),
    })),
    coverage: {
      days,
      since,
      open,
      covered,
      share: open > 0 ? covered / open : null,
      byStage: byStage.sort((a, b) => b.open - a.open || (a.stage ?? '').localeCompare(b.stage ?? '')),
      uncovered,
      uncoveredCount: open - covered,
    },
    scoreBands: bandWinRates(byScore),
    scoring,
  };
}

/** Closed deals counted into the band of their average score, each band with a Wilson interval. */
export function bandWinRates(
  byScore: Array<{ score: number; closed: number; won: number }>,
): Dashboard['scoreBands'] {
  return SCORE_BANDS.map(({ band }) => {
    const inBand = byScore.filter((s) => bandOf(s.score) === band);
    const { rate, ...rest } = winRate(
      inBand.reduce((n, s) => n + s.won, 0),
      inBand.reduce((n, s) => n + s.closed, 0),
    );
    return { band, winRate: rate, ...rest };
  });
}
