// Prompt effectiveness: raises, reactions, stage progression and win rates per prompt, from the
// aggregates migration 0005 keeps exact with triggers, or from the raises themselves for a team.
import { sql } from 'kysely';
import type { Executor } from '../../../platform/database/database';
import { REACTIONS, type Reaction } from '../../notes';
import type { AnalyticsScope } from './scope';
import { sameTenantRow } from './same-tenant';

export interface PromptFilters {
  industry?: string;
  /** stages (at the time of the note) that belong to the requested phase */
  stages?: string[];
  /** the requested phase, when the tenant's stored stage → phase map is the one the per-phase
   * aggregates of migration 0019 were kept with (a tenant without stored settings has none) */
  phase?: string;
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
    .innerJoin('notes as n', (join) => sameTenantRow(join, 'n.id', 'np.note_id'))
    .leftJoin('opportunities as o', (join) => sameTenantRow(join, 'o.id', 'n.opportunity_id'))
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

const tallyKey = (key: string, setId: string | null, version: number | null, total: boolean) =>
  total ? `${key}\u0000*` : `${key}\u0000${setId ?? ''}\u0000${version ?? ''}`;

/**
 * The whole tenant's figures from the aggregates of migration 0005 (kept exact by triggers):
 * raises, reactions and progression per key, set, version, stage on the note and the deal's
 * industry and outcome; distinct closed and won deals per key (and set, and version) and industry.
 * Under a phase filter the deal counts come from the per-phase aggregates of migration 0019, or
 * from the raises for a tenant that never stored its stage → phase map.
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
  const aggregates = db;
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
  // under a phase filter the same figures come from the per-phase tables of migration 0019, which
  // have every column of the unfiltered ones and a phase
  const { phase } = filters;
  const perPhase = <T extends string>(table: T, phased: string) =>
    (phase === undefined ? table : `${phased} as ${table.split(' as ')[1]}`) as T;
  const winsQuery = aggregates
    .selectFrom(perPhase('analytics_prompt_wins as w', 'analytics_prompt_phase_wins'))
    .where('w.tenant_id', '=', tenantId)
    .$if(phase !== undefined, (qb) => qb.where(sql<boolean>`w.phase = ${phase}`))
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
    .selectFrom(perPhase('analytics_prompt_deals as b', 'analytics_prompt_phase_deals'))
    .innerJoin('opportunities as o', (join) => sameTenantRow(join, 'o.id', 'b.opportunity_id'))
    .where('b.tenant_id', '=', tenantId)
    .where('b.author_id', 'in', userIds ?? [])
    .$if(phase !== undefined, (qb) => qb.where(sql<boolean>`b.phase = ${phase}`))
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
  const aggregated = filters.stages === undefined || phase !== undefined;
  const [raiseRows, deals] = await Promise.all([
    raisesQuery.execute(),
    aggregated && userIds !== null
      ? teamDealsQuery.execute().then((rows) =>
          rows.map((d) => ({
            key: tallyKey(d.prompt_key, d.set_id, d.version, Number(d.is_total) !== 0),
            closed: Number(d.closed),
            won: Number(d.won),
          })),
        )
      : aggregated
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

/** Opportunities in scope: owned by its users, or every one of the tenant. */
function ownedOpportunities(db: Executor, scope: AnalyticsScope) {
  return db
    .selectFrom('opportunities as o')
    .where('o.tenant_id', '=', scope.tenantId)
    .$if(scope.userIds !== null, (qb) => qb.where('o.owner_id', 'in', scope.userIds!));
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
