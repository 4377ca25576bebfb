// The manager's dashboard: conversation quality (team, per rep, over time), coverage of open
// pipeline and win rate by conversation-score band — all within the actor's scope.
import type { Db } from '../../platform/database/database';
import { type UncoveredOpportunity, coverageByStage, uncoveredOpportunities } from './read-models/coverage';
import { closedByAverageScore } from './read-models/closed-deals';
import { type QualityTotals, firstNoteDay, qualityByAuthor, qualityByBucket } from './read-models/quality';
import { badRequest } from '../../platform/lib/errors';
import type { Actor } from '../../platform/actor';
import { addTotals, averagesOf, type Averages } from './averages';
import {
  addDays,
  bucketCount,
  bucketStart,
  bucketsBetween,
  daysInRange,
  isAfter,
  todayUtc,
  type Bucket,
} from './buckets';
import { SCORE_BANDS, bandOf, type ScoreBand } from './score-bands';
import { narrowToRep, scopeOf, scopeView, type ScopeView } from './scope';
import { scoringCurrency, type ScoringCurrency } from './scoring-currency';
import { winRate, type RateWithInterval } from './wilson';

export const DEFAULT_RANGE_DAYS = 90;
export const DEFAULT_COVERAGE_DAYS = 30;
/** The uncovered list names the largest deals first; `uncoveredCount` says how many there are. */
export const UNCOVERED_LIMIT = 50;
/** Ten years of days and five years of weeks: the longest a range and a series can be. */
export const MAX_RANGE_DAYS = 3653;
export const MAX_BUCKETS = 260;
/** The reps with the most notes (`repCount` says how many had any), and the largest stages. */
export const REP_LIMIT = 500;
export const STAGE_LIMIT = 100;

export interface DashboardQuery {
  /** `all`: from the tenant's first note, as far back as one request may reach */
  range?: 'all';
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
  scope: ScopeView;
  /** `all` and `firstNote` (null: no note yet) answer a `range=all` request: a first note before
   * `from` means the range was cut to the longest one allowed */
  range: { from: string; to: string; bucket: Bucket; all?: true; firstNote?: string | null };
  team: Quality;
  reps: Array<Quality & { repId: string; name: string | null }>;
  repCount: number;
  series: Array<Quality & { bucket: string }>;
  coverage: {
    days: number;
    since: string;
    open: number;
    covered: number;
    share: number | null;
    byStage: Array<{ stage: string | null; open: number; covered: number }>;
    uncovered: UncoveredOpportunity[];
    uncoveredCount: number;
  };
  scoreBands: Array<{ band: ScoreBand; winRate: number | null } & Omit<RateWithInterval, 'rate'>>;
  scoring: ScoringCurrency;
}

const quality = (totals: QualityTotals): Quality => ({
  noteCount: totals.noteCount,
  scoredCount: totals.scoredCount,
  averages: averagesOf(totals),
});

type RangeQuery = { range?: 'all'; from?: string; to?: string; bucket?: Bucket };

function withDefaults(query: RangeQuery): { from: string; to: string } {
  const to = query.to ?? todayUtc();
  return { from: query.from ?? addDays(to, -(DEFAULT_RANGE_DAYS - 1)), to };
}

/** The earliest `from` a request ending on `to` may ask for: ten years, and as many buckets as a
 * series may hold. */
export function earliestFrom(to: string, bucket: Bucket): string {
  const byDays = addDays(to, -(MAX_RANGE_DAYS - 1));
  if (bucket === 'month') return byDays;
  const byWeeks = addDays(bucketStart(to, 'week'), -7 * (MAX_BUCKETS - 1));
  return isAfter(byWeeks, byDays) ? byWeeks : byDays;
}

/** All time: from the first note's day (`to` when there is none, or it comes later), cut to the
 * longest range one request may ask for. */
export function allTimeRange(
  to: string,
  bucket: Bucket,
  firstNote: string | null,
): { from: string; to: string } {
  const earliest = earliestFrom(to, bucket);
  if (firstNote === null || isAfter(firstNote, to)) return { from: to, to };
  return { from: isAfter(earliest, firstNote) ? earliest : firstNote, to };
}

/** What is wrong with a range (defaults applied), so the schema can refuse it before any work. */
export function rangeProblem(query: RangeQuery): { path: 'from' | 'to'; message: string } | undefined {
  if (query.range === 'all') {
    if (query.from !== undefined) return { path: 'from', message: 'give from or range=all, not both' };
    // the range is worked out within the limits from the tenant's first note
    return undefined;
  }
  const { from, to } = withDefaults(query);
  if (isAfter(from, to)) return { path: 'from', message: `must not be after to (${to})` };
  const days = daysInRange(from, to);
  if (days > MAX_RANGE_DAYS)
    return {
      path: 'to',
      message: `the range spans ${days} days: at most ${MAX_RANGE_DAYS} days per request`,
    };
  const bucket = query.bucket ?? 'week';
  const buckets = bucketCount(from, to, bucket);
  if (buckets > MAX_BUCKETS) {
    return {
      path: 'to',
      message: `the range covers ${buckets} ${bucket === 'week' ? 'weekly' : 'monthly'} buckets: at most ${MAX_BUCKETS} ${bucket === 'week' ? 'weekly' : 'monthly'} buckets per request (use bucket=month or a shorter range)`,
    };
  }
  return undefined;
}

export function dashboardRange(query: RangeQuery): { from: string; to: string } {
  const problem = rangeProblem(query);
  if (problem?.path === 'from' && query.range === 'all')
    throw badRequest(problem.message, [{ path: 'query.from', message: problem.message }]);
  if (problem?.path === 'from')
    throw badRequest('from must not be after to', [{ path: 'query.from', message: problem.message }]);
  if (problem)
    throw badRequest(problem.message, [{ path: `query.${problem.path}`, message: problem.message }]);
  return withDefaults(query);
}

export async function loadDashboard(db: Db, actor: Actor, query: DashboardQuery): Promise<Dashboard> {
  const actorScope = await scopeOf(db, actor);
  const scope = narrowToRep(actorScope, query.repId);
  const bucket = query.bucket ?? 'week';
  const firstNote = query.range === 'all' ? await firstNoteDay(db, actor.tenantId) : undefined;
  const range =
    firstNote === undefined
      ? dashboardRange(query)
      : allTimeRange(dashboardRange(query).to, bucket, firstNote);
  const days = query.days ?? DEFAULT_COVERAGE_DAYS;
  // the last N calendar days, today included
  const since = addDays(todayUtc(), -(days - 1));
  const [byAuthor, byBucket, byStage, uncovered, byScore, scoring] = await Promise.all([
    qualityByAuthor(db, scope, range),
    qualityByBucket(db, scope, range, bucket),
    coverageByStage(db, scope, since),
    uncoveredOpportunities(db, scope, since, UNCOVERED_LIMIT),
    closedByAverageScore(db, scope),
    scoringCurrency(db, actor.tenantId),
  ]);

  const buckets = new Map(byBucket.map((b) => [b.bucket, b]));
  const empty = addTotals([]);
  const open = byStage.reduce((n, s) => n + s.open, 0);
  const covered = byStage.reduce((n, s) => n + s.covered, 0);
  return {
    scope: scopeView(actor, actorScope),
    range: { ...range, bucket, ...(firstNote === undefined ? {} : { all: true as const, firstNote }) },
    team: quality(addTotals(byAuthor)),
    reps: byAuthor
      .sort((a, b) => b.noteCount - a.noteCount || a.authorId.localeCompare(b.authorId))
      .slice(0, REP_LIMIT)
      .map((a) => ({ repId: a.authorId, name: a.name, ...quality(a) }))
      .sort((a, b) => (a.name ?? a.repId).localeCompare(b.name ?? b.repId)),
    repCount: byAuthor.length,
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
      byStage: byStage
        .sort((a, b) => b.open - a.open || (a.stage ?? '').localeCompare(b.stage ?? ''))
        .slice(0, STAGE_LIMIT),
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
