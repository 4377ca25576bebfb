// What the roll-up fields are computed from: per opportunity, the note count and the latest note
// (by conversation date, then by when it was logged).
import type { Executor } from '../../../platform/database/database';
import type { StoredNotePrompt } from '../../../platform/database/schema';

export interface RollupSource {
  opportunityId: string;
  noteCount: number;
  latest: { occurredAt: string; score: Record<string, unknown> | null; prompts: StoredNotePrompt[] } | null;
}

export async function rollupSources(
  db: Executor,
  tenantId: string,
  opportunityIds: string[],
): Promise<RollupSource[]> {
  if (opportunityIds.length === 0) return [];
  const counts = await db
    .selectFrom('notes')
    .select(['opportunity_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('tenant_id', '=', tenantId)
    .where('opportunity_id', 'in', opportunityIds)
    .groupBy('opportunity_id')
    .execute();
  const latest = await db
    .selectFrom('notes')
    .distinctOn('opportunity_id')
    .select(['opportunity_id', 'occurred_at', 'score', 'prompts'])
    .where('tenant_id', '=', tenantId)
    .where('opportunity_id', 'in', opportunityIds)
    .orderBy('opportunity_id')
    .orderBy('occurred_at', 'desc')
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
  const countOf = new Map(counts.map((c) => [c.opportunity_id, Number(c.n)]));
  const latestOf = new Map(latest.map((l) => [l.opportunity_id, l]));
  return opportunityIds.map((id) => {
    const note = latestOf.get(id);
    return {
      opportunityId: id,
      noteCount: countOf.get(id) ?? 0,
      latest: note
        ? {
            occurredAt: note.occurred_at,
            score: note.score as Record<string, unknown> | null,
            prompts: note.prompts,
          }
        : null,
    };
  });
}
