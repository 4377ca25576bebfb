// Conversation quality per rep and over time, read from the daily rollups migration 0004 keeps
// with triggers.
import { sql } from 'kysely';
import type { Executor } from '../../../platform/database/database';
import { addDays, bucketStart, isAfter } from '../buckets';
import { SCORE_KEYS, type ScoreKey, type ScoreSums } from '../score-keys';
import type { AnalyticsScope, DayRange } from './scope';

const SUM_COLUMNS: Record<ScoreKey, string> = {
  overall: 'overall_sum',
  provocation: 'provocation_sum',
  customerView: 'customer_view_sum',
  collaboration: 'collaboration_sum',
  businessFocus: 'business_focus_sum',
  nextStep: 'next_step_sum',
};

export interface QualityTotals {
  noteCount: number;
  scoredCount: number;
  sums: ScoreSums;
}

const qualitySelections = [
  sql<number>`sum(d.note_count)`.as('note_count'),
  sql<number>`sum(d.scored_count)`.as('scored_count'),
  ...Object.entries(SUM_COLUMNS).map(([key, column]) => sql<number>`sum(d.${sql.ref(column)})`.as(key)),
];

function toTotals(row: Record<string, unknown>): QualityTotals {
  const sums = Object.fromEntries(SCORE_KEYS.map((key) => [key, Number(row[key] ?? 0)]));
  return {
    noteCount: Number(row.note_count ?? 0),
    scoredCount: Number(row.scored_count ?? 0),
    sums: sums as ScoreSums,
  };
}

function dailyInRange(db: Executor, scope: AnalyticsScope, range: DayRange) {
  return db
    .selectFrom('analytics_daily as d')
    .where('d.tenant_id', '=', scope.tenantId)
    .where('d.day', '>=', range.from)
    .where('d.day', '<=', range.to)
    .$if(scope.userIds !== null, (qb) => qb.where('d.author_id', 'in', scope.userIds!));
}

const SUMMED = ['note_count', 'scored_count', ...Object.values(SUM_COLUMNS)];
/** An author's counters, from a row of analytics_daily or analytics_author_monthly (both `d`). */
const AUTHOR_ROW = ['d.author_id' as const, ...SUMMED.map((c) => sql.ref<number>(`d.${c}`).as(c))];

/** The calendar months wholly inside a range (`first` to before `end`), and the days at its ends
 * outside them; undefined when no month fits. */
export function wholeMonths(range: DayRange): { first: string; end: string; edges: DayRange[] } | undefined {
  const fromMonth = bucketStart(range.from, 'month');
  const first = range.from === fromMonth ? fromMonth : bucketStart(addDays(fromMonth, 31), 'month');
  const end = bucketStart(addDays(range.to, 1), 'month');
  if (!isAfter(end, first)) return undefined;
  const edges: DayRange[] = [];
  if (isAfter(first, range.from)) edges.push({ from: range.from, to: addDays(first, -1) });
  if (!isAfter(end, range.to)) edges.push({ from: end, to: range.to });
  return { first, end, edges };
}

/** Per-author rows over the range: whole months from the monthly sums of migration 0019, days
 * only where the range starts or ends inside a month. */
function authorRowsInRange(db: Executor, scope: AnalyticsScope, range: DayRange) {
  const months = wholeMonths(range);
  if (months === undefined) return dailyInRange(db, scope, range).select(AUTHOR_ROW);
  const monthly = db
    .selectFrom('analytics_author_monthly as d')
    .where('d.tenant_id', '=', scope.tenantId)
    .where('d.month', '>=', months.first)
    .where('d.month', '<', months.end)
    .$if(scope.userIds !== null, (qb) => qb.where('d.author_id', 'in', scope.userIds!))
    .select(AUTHOR_ROW);
  return months.edges.reduce(
    (rows, edge) => rows.unionAll(dailyInRange(db, scope, edge).select(AUTHOR_ROW)),
    monthly,
  );
}

/** Note counts and score sums per author over the range, with the author's name when known. */
export async function qualityByAuthor(
  db: Executor,
  scope: AnalyticsScope,
  range: DayRange,
): Promise<Array<QualityTotals & { authorId: string; name: string | null }>> {
  // aggregate per author first, then name the few hundred authors
  const totals = db
    .selectFrom(authorRowsInRange(db, scope, range).as('d'))
    .select(['d.author_id', ...qualitySelections])
    .groupBy('d.author_id')
    .having(sql`sum(d.note_count)`, '>', 0)
    .as('t');
  const rows = await db
    .selectFrom(totals)
    .leftJoin('users as u', (join) =>
      join.on('u.tenant_id', '=', scope.tenantId).onRef('u.id', '=', 't.author_id'),
    )
    .selectAll('t')
    .select('u.name')
    .execute();
  return rows.map((row) => ({ authorId: String(row.author_id), name: row.name ?? null, ...toTotals(row) }));
}

/** Note counts and score sums per week or month (the bucket's first day) over the range. */
export async function qualityByBucket(
  db: Executor,
  scope: AnalyticsScope,
  range: DayRange,
  bucket: 'week' | 'month',
): Promise<Array<QualityTotals & { bucket: string }>> {
  // a literal (the bucket is one of two words), so select and group by are the same expression
  const start = sql<string>`to_char(date_trunc(${sql.lit(bucket)}, d.day::timestamp), 'YYYY-MM-DD')`;
  // the whole tenant: a row per day and shard of authors (migrations 0005, 0006), summed by the
  // group by below, instead of one per author and day
  const daily =
    scope.userIds === null
      ? db
          .selectFrom('analytics_tenant_daily as d')
          .where('d.tenant_id', '=', scope.tenantId)
          .where('d.day', '>=', range.from)
          .where('d.day', '<=', range.to)
      : dailyInRange(db, scope, range);
  const rows = await daily
    .select([start.as('bucket'), ...qualitySelections])
    .groupBy(start)
    .execute();
  return rows.map((row) => ({ bucket: row.bucket, ...toTotals(row) }));
}

/** The day of the tenant's earliest note (null: none), from the tenant-wide daily sums; days whose
 * notes were all deleted keep a row with no notes, so they are skipped. */
export async function firstNoteDay(db: Executor, tenantId: string): Promise<string | null> {
  const row = await db
    .selectFrom('analytics_tenant_daily as d')
    .where('d.tenant_id', '=', tenantId)
    .where('d.note_count', '>', 0)
    .select(sql<string>`to_char(d.day::timestamp, 'YYYY-MM-DD')`.as('day'))
    .orderBy('d.day')
    .limit(1)
    .executeTakeFirst();
  return row?.day ?? null;
}
