// Candidate prompts: reps' most frequent ad-hoc provocations and the issues customers redirected
// the talk to, from the per-text counts migration 0005 keeps.
import { sql } from 'kysely';
import type { Executor } from '../../../platform/database/database';
import type { PromptFilters } from './prompt-effectiveness';
import type { AnalyticsScope } from './scope';

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

// migration 0012 stores a long key text as its prefix, an ellipsis and the whole text's MD5
const BOUNDED_KEY_DIGEST = /…[0-9a-f]{32}$/;

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
  return rows.flatMap((r) =>
    r.text ? [{ text: r.text.trim().replace(BOUNDED_KEY_DIGEST, '…'), count: Number(r.n) }] : [],
  );
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
