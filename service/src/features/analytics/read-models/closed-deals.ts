// Closed deals by their conversation score (the average overall score of their scored notes,
// rounded half up): the score bands' counts and the deals behind a band come from this one
// definition, so a band's drill-down lists exactly the deals its count counted.
import { sql } from 'kysely';
import type { Executor } from '../../../platform/database/database';
import { sameTenantRow } from './same-tenant';
import type { AnalyticsScope } from './scope';

/** The same expression migration 0005's triggers keep the tenant-wide counts with. */
const dealScore = sql<number>`floor(a.overall_sum / a.scored_count + 0.5)::int`;

/** Closed opportunities in scope with at least one scored note, joined to their score rollup. */
function closedDeals(db: Executor, scope: AnalyticsScope) {
  return db
    .selectFrom('opportunities as o')
    .innerJoin('analytics_opportunities as a', (join) => sameTenantRow(join, 'a.opportunity_id', 'o.id'))
    .where('o.tenant_id', '=', scope.tenantId)
    .where('o.is_closed', '=', true)
    .where('a.scored_count', '>', 0)
    .$if(scope.userIds !== null, (qb) => qb.where('o.owner_id', 'in', scope.userIds!));
}

/** Closed opportunities in scope grouped by their conversation score. */
export async function closedByAverageScore(
  db: Executor,
  scope: AnalyticsScope,
): Promise<Array<{ score: number; closed: number; won: number }>> {
  if (scope.userIds === null) {
    // the whole tenant: one row per score (migration 0005), not one per closed deal
    const rows = await db
      .selectFrom('analytics_tenant_deal_scores as t')
      .select(['t.score', 't.closed', 't.won'])
      .where('t.tenant_id', '=', scope.tenantId)
      .where('t.closed', '>', 0)
      .execute();
    return rows.map((r) => ({ score: Number(r.score), closed: Number(r.closed), won: Number(r.won) }));
  }
  const rows = await closedDeals(db, scope)
    .select([
      dealScore.as('score'),
      (eb) => eb.fn.countAll<number>().as('closed'),
      sql<number>`count(*) filter (where o.is_won)`.as('won'),
    ])
    .groupBy(dealScore)
    .execute();
  return rows.map((r) => ({ score: Number(r.score), closed: Number(r.closed), won: Number(r.won) }));
}

export interface ClosedDeal {
  opportunityId: string;
  name: string | null;
  accountId: string | null;
  accountName: string | null;
  ownerId: string | null;
  ownerName: string | null;
  stage: string | null;
  amount: number | null;
  closeDate: string | null;
  isWon: boolean;
  score: number;
  noteCount: number;
  scoredCount: number;
}

/** A page of the closed deals whose score lies in [min, max], best score first, then by Id. */
export async function closedDealsScoredBetween(
  db: Executor,
  scope: AnalyticsScope,
  bounds: { min: number; max: number },
  limit: number,
  after?: { score: number; id: string },
): Promise<{ deals: ClosedDeal[]; total: number }> {
  const inBand = closedDeals(db, scope).where(dealScore, '>=', bounds.min).where(dealScore, '<=', bounds.max);
  const [rows, count] = await Promise.all([
    inBand
      .leftJoin('users as u', (join) => sameTenantRow(join, 'u.id', 'o.owner_id'))
      .select([
        'o.id',
        'o.name',
        'o.account_id',
        'o.account_name',
        'o.owner_id',
        'u.name as owner_name',
        'o.stage',
        'o.amount',
        'o.close_date',
        'o.is_won',
        'a.note_count',
        'a.scored_count',
        dealScore.as('score'),
      ]) // prettier-ignore
      .$if(after !== undefined, (qb) =>
        qb.where((eb) => eb(eb.tuple(dealScore, eb.ref('o.id')), '<', eb.tuple(after!.score, after!.id))),
      )
      .orderBy(dealScore, 'desc')
      .orderBy('o.id', 'desc')
      .limit(limit)
      .execute(),
    inBand.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirst(),
  ]);
  return {
    total: Number(count?.total ?? 0),
    deals: rows.map((r) => ({
      opportunityId: r.id,
      name: r.name,
      accountId: r.account_id,
      accountName: r.account_name,
      ownerId: r.owner_id,
      ownerName: r.owner_name ?? null,
      stage: r.stage,
      amount: r.amount === null ? null : Number(r.amount),
      closeDate: r.close_date,
      isWon: r.is_won === true,
      score: Number(r.score),
      noteCount: Number(r.note_count),
      scoredCount: Number(r.scored_count),
    })),
  };
}
