// Drill-down: the notes behind a figure, a page at a time.
import { sql } from 'kysely';
import type { Executor } from '../../../platform/database/database';
import type { AnalyticsScope, DayRange } from './scope';

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
