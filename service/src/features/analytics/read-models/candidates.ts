// Candidate prompts: reps' most frequent ad-hoc provocations and the issues customers redirected
// the talk to, from the per-text counts migration 0005 keeps.
import { sql } from 'kysely';
import type { Executor } from '../../../platform/database/database';
import type { PromptFilters } from './prompt-effectiveness';
import type { AnalyticsScope } from './scope';
import { sameTenantRow } from './same-tenant';

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

export type CandidateKind = 'adhoc' | 'redirected';

/** A note a candidate's text (or one like it) came from, with the deal's industry and the stage the
 * note recorded. */
export interface CandidateNote {
  noteId: string;
  text: string;
  industry: string | null;
  stage: string | null;
}

// the newest notes of a kind searched for a candidate's sources: a bounded read for any tenant size
const SOURCE_NOTES_SEARCHED = 5000;

/** The newest notes that carry a text of this kind (ad-hoc provocation, or redirected issue). */
export async function candidateNotes(
  db: Executor,
  tenantId: string,
  kind: CandidateKind,
): Promise<CandidateNote[]> {
  const query =
    kind === 'adhoc'
      ? sql<CandidateNote>`
          select n.id as "noteId", np.text as text, o.industry as industry, n.opportunity_stage as stage
          from note_prompts np
          join notes n on n.tenant_id = np.tenant_id and n.id = np.note_id
          left join opportunities o on o.tenant_id = n.tenant_id and o.id = n.opportunity_id
          where np.tenant_id = ${tenantId} and np.prompt_key is null and np.text is not null
          order by n.occurred_at desc, n.id
          limit ${SOURCE_NOTES_SEARCHED}`
      : // the same first sentence migration 0005 counts for a redirected note
        sql<CandidateNote>`
          select n.id as "noteId", trim(substring(n.customer_view from '^[^.!?]+')) as text,
            o.industry as industry, n.opportunity_stage as stage
          from notes n
          left join opportunities o on o.tenant_id = n.tenant_id and o.id = n.opportunity_id
          where n.tenant_id = ${tenantId} and n.customer_view is not null
            and exists (select 1 from note_prompts r
              where r.tenant_id = n.tenant_id and r.note_id = n.id and r.reaction = 'redirected')
          order by n.occurred_at desc, n.id
          limit ${SOURCE_NOTES_SEARCHED}`;
  const { rows } = await query.execute(db);
  return rows.filter((r) => r.text);
}

export interface PromotionRow {
  kind: CandidateKind;
  text: string;
  setId: string;
  setName: string;
  version: number;
  promptKey: string;
  sourceNoteIds: string[];
  promotedAt: string;
}

// far more than a curator promotes; the newest first when there are more
const PROMOTIONS_READ = 1000;

/** The tenant's promotions of candidates into prompts, newest first, with the set's name. */
export async function listPromotions(db: Executor, tenantId: string): Promise<PromotionRow[]> {
  const rows = await db
    .selectFrom('prompt_promotions as p')
    .innerJoin('prompt_sets as s', (join) => sameTenantRow(join, 's.id', 'p.set_id'))
    .select([
      'p.kind',
      'p.text',
      'p.set_id',
      's.name',
      'p.version',
      'p.prompt_key',
      'p.source_note_ids',
      'p.promoted_at',
    ])
    .where('p.tenant_id', '=', tenantId)
    .orderBy('p.promoted_at', 'desc')
    .limit(PROMOTIONS_READ)
    .execute();
  return rows.map((r) => ({
    kind: r.kind,
    text: r.text,
    setId: r.set_id,
    setName: r.name,
    version: r.version,
    promptKey: r.prompt_key,
    sourceNoteIds: r.source_note_ids,
    promotedAt: new Date(r.promoted_at).toISOString(),
  }));
}
