// Coverage of open pipeline: open opportunities in scope with a scored conversation since a day.
import { sql } from 'kysely';
import type { Executor } from '../../../platform/database/database';
import type { AnalyticsScope } from './scope';

/** Open opportunities in scope joined with whether any scored note since `since` covers them: the
 * latest scored day per deal is kept by migration 0005's triggers on notes. */
function openWithCoverage(db: Executor, scope: AnalyticsScope, since: string) {
  return db
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
