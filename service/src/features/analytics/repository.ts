// Aggregations behind the analytics views. Quality figures read the rollups that migration
// 0004-analytics keeps with triggers; coverage, prompt and drill-down queries read notes through
// its indexes. Every query is tenant-scoped and, when `userIds` is set, limited to those users.
import { sql } from 'kysely';
import type { Executor } from '../../platform/database/database';
import { REACTIONS, type Reaction } from '../notes';

/** `userIds: null` is the whole tenant; otherwise notes by, and opportunities owned by, these users. */
export interface AnalyticsScope {
  tenantId: string;
  userIds: string[] | null;
}

export interface DayRange {
  from: string;
  to: string;
}

const SUM_COLUMNS = {
  overall: 'overall_sum',
  provocation: 'provocation_sum',
  customerView: 'customer_view_sum',
  collaboration: 'collaboration_sum',
  businessFocus: 'business_focus_sum',
  nextStep: 'next_step_sum',
} as const;
export type ScoreKey = keyof typeof SUM_COLUMNS;
export const SCORE_KEYS = Object.keys(SUM_COLUMNS) as ScoreKey[];
export type ScoreSums = Record<ScoreKey, number>;

type SumColumns = { [K in (typeof SUM_COLUMNS)[ScoreKey]]: number };
type AnalyticsTables = {
  analytics_tenant_deal_scores: { tenant_id: string; score: number; closed: number; won: number };
  analytics_tenant_daily: {
    tenant_id: string;
    day: string;
    note_count: number;
    scored_count: number;
  } & SumColumns;
  analytics_daily: {
    tenant_id: string;
    author_id: string;
    day: string;
    note_count: number;
    scored_count: number;
  } & SumColumns;
  analytics_opportunities: {
    tenant_id: string;
    opportunity_id: string;
    note_count: number;
    scored_count: number;
    overall_sum: number;
  };
};

const withRollups = (db: Executor) => db.withTables<AnalyticsTables>();

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
  return withRollups(db)
    .selectFrom('analytics_daily as d')
    .where('d.tenant_id', '=', scope.tenantId)
    .where('d.day', '>=', range.from)
    .where('d.day', '<=', range.to)
    .$if(scope.userIds !== null, (qb) => qb.where('d.author_id', 'in', scope.userIds!));
}

/** Note counts and score sums per author over the range, with the author's name when known. */
export async function qualityByAuthor(
  db: Executor,
  scope: AnalyticsScope,
  range: DayRange,
): Promise<Array<QualityTotals & { authorId: string; name: string | null }>> {
  // aggregate per author first, then name the few hundred authors
  const totals = dailyInRange(db, scope, range)
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
      ? withRollups(db)
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

function ownedOpportunities(db: Executor, scope: AnalyticsScope) {
  return db
    .selectFrom('opportunities as o')
    .where('o.tenant_id', '=', scope.tenantId)
    .$if(scope.userIds !== null, (qb) => qb.where('o.owner_id', 'in', scope.userIds!));
}

/** Open opportunities in scope joined with whether any scored note since `since` covers them: the
 * latest scored day per deal is kept by migration 0005's triggers on notes. */
function openWithCoverage(db: Executor, scope: AnalyticsScope, since: string) {
  return db
    .withTables<CoverageTables>()
    .selectFrom('opportunities as o')
    .where('o.tenant_id', '=', scope.tenantId)
    .$if(scope.userIds !== null, (qb) => qb.where('o.owner_id', 'in', scope.userIds!))
    .leftJoin('analytics_deal_coverage as c', (join) =>
      join
        .onRef('c.tenant_id', '=', 'o.tenant_id')
        .onRef('c.opportunity_id', '=', 'o.id')
        .on('c.last_scored_on', '>=', since),
    )
    .where('o.is_closed', 'is not', true);
}

type CoverageTables = {
  analytics_deal_coverage: { tenant_id: string; opportunity_id: string; last_scored_on: string | null };
};

export async function coverageByStage(
  db: Executor,
  scope: AnalyticsScope,
  since: string,
): Promise<Array<{ stage: string | null; open: number; covered: number }>> {
  const rows = await openWithCoverage(db, scope, since)
    .select([
      'o.stage',
      (eb) => eb.fn.countAll<number>().as('open'),
      (eb) => eb.fn.count<number>('c.opportunity_id').as('covered'),
    ])
    .groupBy('o.stage')
    .execute();
  return rows.map((r) => ({ stage: r.stage, open: Number(r.open), covered: Number(r.covered) }));
}

export interface UncoveredOpportunity {
  id: string;
  name: string | null;
  stage: string | null;
  amount: number | null;
  accountName: string | null;
}

/** The largest open opportunities in scope with no scored note since `since`. */
export async function uncoveredOpportunities(
  db: Executor,
  scope: AnalyticsScope,
  since: string,
  limit: number,
): Promise<UncoveredOpportunity[]> {
  const rows = await openWithCoverage(db, scope, since)
    .where('c.opportunity_id', 'is', null)
    .select(['o.id', 'o.name', 'o.stage', 'o.amount', 'o.account_name'])
    .orderBy(sql`o.amount desc nulls last`)
    .orderBy('o.id')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    stage: r.stage,
    amount: r.amount === null ? null : Number(r.amount),
    accountName: r.account_name,
  }));
}

/** Closed opportunities in scope grouped by their average conversation score (rounded half up). */
export async function closedByAverageScore(
  db: Executor,
  scope: AnalyticsScope,
): Promise<Array<{ score: number; closed: number; won: number }>> {
  if (scope.userIds === null) {
    // the whole tenant: one row per score (migration 0005), not one per closed deal
    const rows = await withRollups(db)
      .selectFrom('analytics_tenant_deal_scores as t')
      .select(['t.score', 't.closed', 't.won'])
      .where('t.tenant_id', '=', scope.tenantId)
      .where('t.closed', '>', 0)
      .execute();
    return rows.map((r) => ({ score: Number(r.score), closed: Number(r.closed), won: Number(r.won) }));
  }
  const score = sql<number>`floor(a.overall_sum / a.scored_count + 0.5)::int`;
  const rows = await withRollups(db)
    .selectFrom('opportunities as o')
    .innerJoin('analytics_opportunities as a', (join) =>
      join.onRef('a.tenant_id', '=', 'o.tenant_id').onRef('a.opportunity_id', '=', 'o.id'),
    )
    .select([
      score.as('score'),
      (eb) => eb.fn.countAll<number>().as('closed'),
      sql<number>`count(*) filter (where o.is_won)`.as('won'),
    ])
    .where('o.tenant_id', '=', scope.tenantId)
    .where('o.is_closed', '=', true)
    .where('a.scored_count', '>', 0)
    .$if(scope.userIds !== null, (qb) => qb.where('o.owner_id', 'in', scope.userIds!))
    .groupBy(score)
    .execute();
  return rows.map((r) => ({ score: Number(r.score), closed: Number(r.closed), won: Number(r.won) }));
}

// ---- prompt effectiveness ----------------------------------------------------------------

export interface PromptFilters {
  industry?: string;
  /** stages (at the time of the note) that belong to the requested phase */
  stages?: string[];
  setId?: string;
}

export interface PromptTallies {
  timesRaised: number;
  reactions: Record<Reaction, number>;
  progressed: number;
  closed: number;
  won: number;
}

export interface PromptTallyRow extends PromptTallies {
  promptKey: string;
  /** the row that totals every version of the key (its setId and version are null) */
  total: boolean;
  setId: string | null;
  version: number | null;
}

/** A grouping-sets row of raise counts (per key, or per key, set and version) with its deals' outcome. */
function toTally(
  r: {
    prompt_key: string;
    set_id: string | null;
    version: number | null;
    is_total: unknown;
    raised: unknown;
    progressed: unknown;
  },
  outcome: { closed: number; won: number } | undefined,
): PromptTallyRow {
  const total = Number(r.is_total) !== 0;
  return {
    promptKey: r.prompt_key,
    total,
    setId: total ? null : r.set_id,
    version: total ? null : r.version,
    timesRaised: Number(r.raised),
    reactions: Object.fromEntries(
      REACTIONS.map((k) => [k, Number((r as Record<string, unknown>)[k])]),
    ) as PromptTallies['reactions'],
    progressed: Number(r.progressed),
    closed: outcome?.closed ?? 0,
    won: outcome?.won ?? 0,
  };
}

/** Raised prompts (library and ad hoc) in notes by users in scope, with the filters applied. */
function raises(db: Executor, scope: AnalyticsScope, filters: PromptFilters) {
  return db
    .selectFrom('note_prompts as np')
    .innerJoin('notes as n', (join) =>
      join.onRef('n.tenant_id', '=', 'np.tenant_id').onRef('n.id', '=', 'np.note_id'),
    )
    .leftJoin('opportunities as o', (join) =>
      join.onRef('o.tenant_id', '=', 'n.tenant_id').onRef('o.id', '=', 'n.opportunity_id'),
    )
    .where('np.tenant_id', '=', scope.tenantId)
    .$if(scope.userIds !== null, (qb) => qb.where('n.author_id', 'in', scope.userIds!))
    .$if(filters.industry !== undefined, (qb) => qb.where('o.industry', '=', filters.industry!))
    .$if(filters.stages !== undefined, (qb) =>
      filters.stages!.length === 0
        ? qb.where(sql<boolean>`false`)
        : qb.where('n.opportunity_stage', 'in', filters.stages!),
    );
}

/** Closed deals in scope: owned by a user in scope (any owner for the whole tenant). */
function closedInScope(scope: AnalyticsScope, wonOnly: boolean) {
  const owner = scope.userIds === null ? sql`true` : sql`o.owner_id in (${sql.join(scope.userIds)})`;
  return sql`o.is_closed is true ${wonOnly ? sql`and o.is_won is true` : sql``} and ${owner}`;
}

/**
 * Per prompt key, and per key and version: raises, reactions, raises after which the deal moved to
 * a later stage (by `stageRanks`) or was won, and the distinct closed and won deals in scope where
 * it was raised.
 */
export async function promptTallies(
  db: Executor,
  scope: AnalyticsScope,
  filters: PromptFilters,
  stageRanks: Record<string, number>,
): Promise<PromptTallyRow[]> {
  return aggregatedPromptTallies(db, scope, filters, stageRanks);
}

/** The same figures from every raise in scope (teams; and deal counts under a phase filter). Exported
 * for the consistency tests, which hold the tenant-wide aggregates to it. */
export async function promptTalliesFromRaises(
  db: Executor,
  scope: AnalyticsScope,
  filters: PromptFilters,
  stageRanks: Record<string, number>,
): Promise<PromptTallyRow[]> {
  const ranks = JSON.stringify(stageRanks);
  const rankOf = (column: string) => sql`(${ranks}::jsonb ->> ${sql.ref(column)})::int`;
  const rows = await raises(db, scope, filters)
    .where('np.prompt_key', 'is not', null)
    .$if(filters.setId !== undefined, (qb) => qb.where('np.set_id', '=', filters.setId!))
    .select([
      'np.prompt_key',
      'np.set_id',
      'np.version',
      sql<number>`grouping(np.set_id, np.version)`.as('is_total'),
      (eb) => eb.fn.countAll<number>().as('raised'),
      ...REACTIONS.map((r) => sql<number>`count(*) filter (where np.reaction = ${r})`.as(r)),
      sql<number>`count(*) filter (where o.is_won is true or ${rankOf('o.stage')} > ${rankOf('n.opportunity_stage')})`.as(
        'progressed',
      ),
      sql<number>`count(distinct o.id) filter (where ${closedInScope(scope, false)})`.as('closed'),
      sql<number>`count(distinct o.id) filter (where ${closedInScope(scope, true)})`.as('won'),
    ])
    .groupBy(sql`grouping sets ((np.prompt_key), (np.prompt_key, np.set_id, np.version))`)
    .execute();
  return rows.map((r) =>
    toTally({ ...r, prompt_key: r.prompt_key! }, { closed: Number(r.closed), won: Number(r.won) }),
  );
}

type RaiseCounts = {
  tenant_id: string;
  prompt_key: string;
  set_id: string | null;
  version: number | null;
  note_stage: string | null;
  industry: string | null;
  opp_stage: string | null;
  opp_won: boolean;
  raised: number;
} & Record<Reaction, number>;

type PromptAggregateTables = {
  analytics_prompt_author_raises: RaiseCounts & { author_id: string };
  analytics_prompt_deals: {
    tenant_id: string;
    prompt_key: string;
    opportunity_id: string;
    set_id: string | null;
    version: number | null;
    author_id: string;
    raised: number;
  };
  analytics_prompt_raises: RaiseCounts;
  analytics_prompt_wins: {
    tenant_id: string;
    level: number;
    prompt_key: string;
    set_id: string | null;
    version: number | null;
    industry: string | null;
    closed: number;
    won: number;
  };
};

const tallyKey = (key: string, setId: string | null, version: number | null, total: boolean) =>
  total ? `${key}\u0000*` : `${key}\u0000${setId ?? ''}\u0000${version ?? ''}`;

/**
 * The whole tenant's figures from the aggregates of migration 0005 (kept exact by triggers):
 * raises, reactions and progression per key, set, version, stage on the note and the deal's
 * industry and outcome; distinct closed and won deals per key (and set, and version) and industry.
 * Under a phase filter the deal counts come from the raises, as deals are not counted per stage.
 */
async function aggregatedPromptTallies(
  db: Executor,
  scope: AnalyticsScope,
  filters: PromptFilters,
  stageRanks: Record<string, number>,
): Promise<PromptTallyRow[]> {
  const { tenantId, userIds } = scope;
  const ranks = JSON.stringify(stageRanks);
  const rankOf = (column: string) => sql`(${ranks}::jsonb ->> ${sql.ref(column)})::int`;
  const aggregates = db.withTables<PromptAggregateTables>();
  // a team reads its authors' rows; the whole tenant the rows without authors (a key's shards are
  // summed by the grouping sets)
  const raisesQuery = (
    userIds === null
      ? aggregates.selectFrom('analytics_prompt_raises as r')
      : aggregates.selectFrom('analytics_prompt_author_raises as r').where('r.author_id', 'in', userIds)
  )
    .where('r.tenant_id', '=', tenantId)
    .$if(filters.industry !== undefined, (qb) => qb.where('r.industry', '=', filters.industry!))
    .$if(filters.setId !== undefined, (qb) => qb.where('r.set_id', '=', filters.setId!))
    .$if(filters.stages !== undefined, (qb) =>
      filters.stages!.length === 0
        ? qb.where(sql<boolean>`false`)
        : qb.where('r.note_stage', 'in', filters.stages!),
    )
    .select([
      'r.prompt_key',
      'r.set_id',
      'r.version',
      sql<number>`grouping(r.set_id, r.version)`.as('is_total'),
      sql<number>`sum(r.raised)`.as('raised'),
      ...REACTIONS.map((k) => sql<number>`sum(${sql.ref(`r.${k}`)})`.as(k)),
      sql<number>`coalesce(sum(r.raised) filter (where r.opp_won or ${rankOf('r.opp_stage')} > ${rankOf('r.note_stage')}), 0)`.as(
        'progressed',
      ),
    ])
    .groupBy(sql`grouping sets ((r.prompt_key), (r.prompt_key, r.set_id, r.version))`)
    .having(sql`sum(r.raised)`, '>', 0);
  // level 0: per key, set and version; per key: level 1 within one set, level 2 across sets
  const keyLevel = filters.setId === undefined ? 2 : 1;
  const winsQuery = aggregates
    .selectFrom('analytics_prompt_wins as w')
    .where('w.tenant_id', '=', tenantId)
    .where('w.level', 'in', [0, keyLevel])
    .$if(filters.industry !== undefined, (qb) => qb.where('w.industry', '=', filters.industry!))
    .$if(filters.setId !== undefined, (qb) => qb.where('w.set_id', '=', filters.setId!))
    .select([
      'w.level',
      'w.prompt_key',
      'w.set_id',
      'w.version',
      sql<number>`sum(w.closed)`.as('closed'),
      sql<number>`sum(w.won)`.as('won'),
    ])
    .groupBy(['w.level', 'w.prompt_key', 'w.set_id', 'w.version']);
  // a team: distinct closed deals its members own where one of them raised the prompt
  const teamDealsQuery = aggregates
    .selectFrom('analytics_prompt_deals as b')
    .innerJoin('opportunities as o', (join) =>
      join.onRef('o.tenant_id', '=', 'b.tenant_id').onRef('o.id', '=', 'b.opportunity_id'),
    )
    .where('b.tenant_id', '=', tenantId)
    .where('b.author_id', 'in', userIds ?? [])
    .where('b.raised', '>', 0)
    .where('o.owner_id', 'in', userIds ?? [])
    .where('o.is_closed', '=', true)
    .$if(filters.industry !== undefined, (qb) => qb.where('o.industry', '=', filters.industry!))
    .$if(filters.setId !== undefined, (qb) => qb.where('b.set_id', '=', filters.setId!))
    .select([
      'b.prompt_key',
      'b.set_id',
      'b.version',
      sql<number>`grouping(b.set_id, b.version)`.as('is_total'),
      sql<number>`count(distinct o.id)`.as('closed'),
      sql<number>`count(distinct o.id) filter (where o.is_won is true)`.as('won'),
    ])
    .groupBy(sql`grouping sets ((b.prompt_key), (b.prompt_key, b.set_id, b.version))`);
  const [raiseRows, deals] = await Promise.all([
    raisesQuery.execute(),
    filters.stages === undefined && userIds !== null
      ? teamDealsQuery.execute().then((rows) =>
          rows.map((d) => ({
            key: tallyKey(d.prompt_key, d.set_id, d.version, Number(d.is_total) !== 0),
            closed: Number(d.closed),
            won: Number(d.won),
          })),
        )
      : filters.stages === undefined
        ? winsQuery.execute().then((rows) =>
            rows.map((w) => ({
              key: tallyKey(w.prompt_key, w.set_id, w.version, Number(w.level) !== 0),
              closed: Number(w.closed),
              won: Number(w.won),
            })),
          )
        : promptTalliesFromRaises(db, scope, filters, stageRanks).then((rows) =>
            rows.map((t) => ({
              key: tallyKey(t.promptKey, t.setId, t.version, t.total),
              closed: t.closed,
              won: t.won,
            })),
          ),
  ]);
  const outcomes = new Map(deals.map((d) => [d.key, d]));
  return raiseRows.map((r) =>
    toTally(r, outcomes.get(tallyKey(r.prompt_key, r.set_id, r.version, Number(r.is_total) !== 0))),
  );
}

/** Closed and won deals in scope (with the industry filter): the population win rates compare within. */
export async function closedDeals(
  db: Executor,
  scope: AnalyticsScope,
  industry: string | undefined,
): Promise<{ closed: number; won: number }> {
  const row = await ownedOpportunities(db, scope)
    .where('o.is_closed', '=', true)
    .$if(industry !== undefined, (qb) => qb.where('o.industry', '=', industry!))
    .select([
      (eb) => eb.fn.countAll<number>().as('closed'),
      sql<number>`count(*) filter (where o.is_won)`.as('won'),
    ])
    .executeTakeFirstOrThrow();
  return { closed: Number(row.closed), won: Number(row.won) };
}

export interface TextCount {
  text: string;
  count: number;
}

const CANDIDATE_TEXTS = 500;

/** The per-text counts migration 0005 keeps, per author, stage on the note and deal industry. */
const TEXT_COUNTS = {
  adHoc: { table: 'analytics_adhoc_texts', text: 'text', count: 'raised' },
  redirected: { table: 'analytics_redirected_notes', text: 'sentence', count: 'notes' },
} as const;

/**
 * The most frequent texts of one kind in scope: counted per exact text first, then the few distinct
 * ones grouped after normalising case and spaces.
 */
async function frequentTexts(
  db: Executor,
  scope: AnalyticsScope,
  filters: PromptFilters,
  source: (typeof TEXT_COUNTS)[keyof typeof TEXT_COUNTS],
): Promise<TextCount[]> {
  const conditions = [sql`tenant_id = ${scope.tenantId}`, sql`${sql.ref(source.count)} > 0`];
  if (scope.userIds !== null) conditions.push(sql`author_id in (${sql.join(scope.userIds)})`);
  if (filters.industry !== undefined) conditions.push(sql`industry = ${filters.industry}`);
  if (filters.stages !== undefined) {
    conditions.push(
      filters.stages.length === 0 ? sql`false` : sql`note_stage in (${sql.join(filters.stages)})`,
    );
  }
  const { rows } = await sql<{ text: string | null; n: number }>`
    select min(t) as text, sum(n) as n
    from (
      select ${sql.ref(source.text)} as t, sum(${sql.ref(source.count)}) as n
      from ${sql.table(source.table)}
      where ${sql.join(conditions, sql` and `)}
      group by ${sql.ref(source.text)}
    ) per_text
    group by lower(regexp_replace(trim(t), '\\s+', ' ', 'g'))
    order by n desc
    limit ${CANDIDATE_TEXTS}`.execute(db);
  return rows.flatMap((r) => (r.text ? [{ text: r.text.trim(), count: Number(r.n) }] : []));
}

/** The most frequent ad-hoc provocation texts (exact after normalising case and spaces). */
export function adHocTexts(
  db: Executor,
  scope: AnalyticsScope,
  filters: PromptFilters,
): Promise<TextCount[]> {
  return frequentTexts(db, scope, filters, TEXT_COUNTS.adHoc);
}

/** What customers redirected the talk to: the first sentence of "customer view" on notes where a
 * prompt met the `redirected` reaction, most frequent first. */
export function redirectedIssues(
  db: Executor,
  scope: AnalyticsScope,
  filters: PromptFilters,
): Promise<TextCount[]> {
  return frequentTexts(db, scope, filters, TEXT_COUNTS.redirected);
}

export async function latestPromptTitles(db: Executor, tenantId: string): Promise<Map<string, string>> {
  const rows = await db
    .selectFrom('prompts as p')
    .innerJoin('prompt_set_versions as v', (join) =>
      join
        .onRef('v.tenant_id', '=', 'p.tenant_id')
        .onRef('v.set_id', '=', 'p.set_id')
        .onRef('v.version', '=', 'p.version'),
    )
    .select(['p.key', 'p.title'])
    .where('p.tenant_id', '=', tenantId)
    .orderBy('v.created_at', 'asc')
    .execute();
  // later versions overwrite earlier ones
  return new Map(rows.map((r) => [r.key, r.title]));
}

// ---- drill-down --------------------------------------------------------------------------

export interface DrilldownFilters {
  range?: Partial<DayRange>;
  opportunityId?: string;
  promptKey?: string;
  /** inclusive bounds on the overall score, or on one dimension when `dimension` is set */
  scoreBetween?: { min: number; max: number; dimension?: string };
}

/** A page of note ids, newest conversation first; `after` is the (occurredAt, id) of the last one. */
export async function drilldownNoteIds(
  db: Executor,
  scope: AnalyticsScope,
  filters: DrilldownFilters,
  limit: number,
  after?: { occurredAt: string; id: string },
): Promise<Array<{ id: string; occurredAt: string }>> {
  const { range, scoreBetween } = filters;
  // stored dimension scores are rounded half up into bands, as averages are
  const scoreOf = (dimension: string | undefined) =>
    dimension === undefined
      ? sql<number>`n.overall`
      : sql<number>`floor((n.score->'dimensions'->>${dimension})::float8 + 0.5)`;
  const rows = await db
    .selectFrom('notes as n')
    .select(['n.id', 'n.occurred_at'])
    .where('n.tenant_id', '=', scope.tenantId)
    .$if(scope.userIds !== null, (qb) => qb.where('n.author_id', 'in', scope.userIds!))
    .$if(range?.from !== undefined, (qb) => qb.where('n.occurred_at', '>=', range!.from!))
    .$if(range?.to !== undefined, (qb) => qb.where('n.occurred_at', '<=', range!.to!))
    .$if(filters.opportunityId !== undefined, (qb) =>
      qb.where('n.opportunity_id', '=', filters.opportunityId!),
    )
    .$if(scoreBetween !== undefined, (qb) =>
      qb.where((eb) => eb.between(scoreOf(scoreBetween!.dimension), scoreBetween!.min, scoreBetween!.max)),
    )
    .$if(filters.promptKey !== undefined, (qb) =>
      qb.where(({ exists, selectFrom }) =>
        exists(
          selectFrom('note_prompts as np')
            .select(sql`1`.as('one'))
            .whereRef('np.tenant_id', '=', 'n.tenant_id')
            .whereRef('np.note_id', '=', 'n.id')
            .where('np.prompt_key', '=', filters.promptKey!),
        ),
      ),
    )
    .$if(after !== undefined, (qb) =>
      qb.where((eb) => eb(eb.refTuple('n.occurred_at', 'n.id'), '<', eb.tuple(after!.occurredAt, after!.id))),
    )
    .orderBy('n.occurred_at', 'desc')
    .orderBy('n.id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ id: r.id, occurredAt: r.occurred_at }));
}

// ---- per account -------------------------------------------------------------------------

export interface AccountProvocation {
  noteId: string;
  opportunityId: string;
  opportunityName: string | null;
  occurredAt: string;
  authorId: string;
  authorName: string | null;
  promptKey: string | null;
  title: string | null;
  text: string | null;
  reaction: string | null;
}

function accountRaises(db: Executor, tenantId: string, accountName: string) {
  return db
    .selectFrom('opportunities as o')
    .innerJoin('notes as n', (join) =>
      join.onRef('n.tenant_id', '=', 'o.tenant_id').onRef('n.opportunity_id', '=', 'o.id'),
    )
    .innerJoin('note_prompts as np', (join) =>
      join.onRef('np.tenant_id', '=', 'n.tenant_id').onRef('np.note_id', '=', 'n.id'),
    )
    .where('o.tenant_id', '=', tenantId)
    .where('o.account_name', '=', accountName);
}

/** Every prompt raised with an account (on any of its opportunities), newest first. */
export async function accountProvocations(
  db: Executor,
  tenantId: string,
  accountName: string,
  limit: number,
): Promise<AccountProvocation[]> {
  const rows = await accountRaises(db, tenantId, accountName)
    .leftJoin('users as u', (join) =>
      join.onRef('u.tenant_id', '=', 'n.tenant_id').onRef('u.id', '=', 'n.author_id'),
    )
    // the title of the exact version raised (its key is unique within a version)
    .leftJoin('prompts as p', (join) =>
      join
        .onRef('p.tenant_id', '=', 'np.tenant_id')
        .onRef('p.set_id', '=', 'np.set_id')
        .onRef('p.version', '=', 'np.version')
        .onRef('p.key', '=', 'np.prompt_key'),
    )
    .select([
      'n.id as note_id',
      'o.id as opportunity_id',
      'o.name as opportunity_name',
      'n.occurred_at',
      'n.author_id',
      'u.name as author_name',
      'np.prompt_key',
      'p.title',
      'np.text',
      'np.reaction',
    ])
    .orderBy('n.occurred_at', 'desc')
    .orderBy('n.id', 'desc')
    .orderBy('np.position')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    noteId: r.note_id,
    opportunityId: r.opportunity_id,
    opportunityName: r.opportunity_name,
    occurredAt: r.occurred_at,
    authorId: r.author_id,
    authorName: r.author_name ?? null,
    promptKey: r.prompt_key,
    title: r.title ?? null,
    text: r.text,
    reaction: r.reaction,
  }));
}

/** Keys of library prompts raised with an account (on any of its opportunities) since `since`. */
export async function promptKeysRaisedWithAccount(
  db: Executor,
  tenantId: string,
  accountName: string,
  since: string,
): Promise<Set<string>> {
  const rows = await accountRaises(db, tenantId, accountName)
    .select('np.prompt_key')
    .distinct()
    .where('n.occurred_at', '>=', since)
    .where('np.prompt_key', 'is not', null)
    .execute();
  return new Set(rows.map((r) => r.prompt_key!));
}

// ---- synthetic data ----------------------------------------------------------------------

/** Inserts many rows in one statement: the rows travel as one JSON parameter, so a batch is not
 * bound by the 65,535-parameter limit. Only for generated data (see domain/analytics/synthetic-*). */
async function insertJsonRows(
  db: Executor,
  table: 'notes' | 'note_prompts' | 'opportunities',
  tenantId: string,
  columns: Record<string, string>, // column → SQL type
  rows: object[],
): Promise<void> {
  if (rows.length === 0) return;
  const names = Object.keys(columns);
  const definitions = Object.entries(columns).map(([name, type]) => `${name} ${type}`);
  await sql`
    insert into ${sql.table(table)} (tenant_id, ${sql.join(names.map((n) => sql.ref(n)))})
    select ${tenantId}, ${sql.join(names.map((n) => sql.ref(`r.${n}`)))}
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as r(${sql.raw(definitions.join(', '))})`.execute(
    db,
  );
}

export interface BulkNote {
  id: string;
  opportunity_id: string;
  author_id: string;
  occurred_at: string;
  opportunity_stage: string | null;
  summary: string;
  customer_view: string | null;
  prompts: Array<{
    promptId: string | null;
    promptKey: string | null;
    setId: string | null;
    version: number | null;
    text: string | null;
    reaction: string | null;
  }>;
  score: object;
  overall: number;
  scorer_version: string;
}

/** Notes with their prompt rows, as the notes repository would store them one by one. */
export async function bulkInsertNotes(db: Executor, tenantId: string, notes: BulkNote[]): Promise<void> {
  await insertJsonRows(db, 'notes', tenantId, {
    id: 'uuid', opportunity_id: 'text', author_id: 'text', occurred_at: 'text', opportunity_stage: 'text',
    summary: 'text', customer_view: 'text', prompts: 'jsonb', score: 'jsonb', overall: 'int', scorer_version: 'text',
  }, notes); // prettier-ignore
  const promptRows = notes.flatMap(
    (n) =>
    n.prompts.map((p, position) => ({
      note_id: n.id, position, prompt_id: p.promptId, prompt_key: p.promptKey, set_id: p.setId,
      version: p.version, text: p.text, reaction: p.reaction,
    })), // prettier-ignore
  );
  await insertJsonRows(db, 'note_prompts', tenantId, {
    note_id: 'uuid', position: 'int', prompt_id: 'uuid', prompt_key: 'text', set_id: 'uuid', version: 'int',
    text: 'text', reaction: 'text',
  }, promptRows); // prettier-ignore
}

export interface BulkOpportunity {
  id: string;
  name: string;
  stage: string;
  amount: number;
  close_date: string;
  account_name: string;
  industry: string;
  is_closed: boolean;
  is_won: boolean;
  owner_id: string;
}

export async function bulkInsertOpportunities(
  db: Executor,
  tenantId: string,
  opportunities: BulkOpportunity[],
): Promise<void> {
  await insertJsonRows(db, 'opportunities', tenantId, {
    id: 'text', name: 'text', stage: 'text', amount: 'float8', close_date: 'text', account_name: 'text',
    industry: 'text', is_closed: 'boolean', is_won: 'boolean', owner_id: 'text',
  }, opportunities); // prettier-ignore
}

/** Refreshes the planner's statistics and the visibility map after a bulk load, so aggregates can
 * use index-only scans (embedded PGlite has no autovacuum to do it later). */
export async function vacuumAfterBulkLoad(db: Executor): Promise<void> {
  for (const table of [
    'users',
    'opportunities',
    'notes',
    'note_prompts',
    'analytics_daily',
    'analytics_opportunities',
    'analytics_tenant_daily',
    'analytics_deal_coverage',
    'analytics_prompt_raises',
    'analytics_prompt_deals',
    'analytics_prompt_wins',
    'analytics_prompt_author_raises',
    'analytics_adhoc_texts',
    'analytics_redirected_notes',
    'analytics_tenant_deal_scores',
  ]) {
    await sql`vacuum analyze ${sql.table(table)}`.execute(db);
  }
}
