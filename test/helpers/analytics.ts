// What the analytics triggers keep, read beside the same figure computed afresh from the notes.
import { sql } from 'kysely';
import type { Db } from '../../service/src/platform/database/database';

type ScoredDay = { opportunity_id: string; day: string };

/** Each deal's latest scored day as the coverage table keeps it, and as the notes say it is. */
export async function scoredDays(
  db: Db,
  tenantId: string,
): Promise<{ kept: ScoredDay[]; fromNotes: ScoredDay[] }> {
  const kept = await sql<ScoredDay>`
    select opportunity_id, last_scored_on as day from analytics_deal_coverage
    where tenant_id = ${tenantId} and last_scored_on is not null order by opportunity_id`.execute(db);
  const fromNotes = await sql<ScoredDay>`
    select opportunity_id, max(occurred_at) as day from notes
    where tenant_id = ${tenantId} and overall is not null
    group by opportunity_id order by opportunity_id`.execute(db);
  return { kept: kept.rows, fromNotes: fromNotes.rows };
}
