// Bulk loading of generated data for the seed command and the bench: many rows per statement,
// straight into the tables the repositories write one by one (the analytics triggers still fire).
import { sql } from 'kysely';
import type { Executor } from '../../service/src/platform/database/database';
import type { NotesTable, StoredNotePrompt } from '../../service/src/platform/database/schema';

/** Inserts many rows in one statement: the rows travel as one JSON parameter, so a batch is not
 * bound by the 65,535-parameter limit. Only for generated data (see synthetic-seed.ts). */
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

/** A scored note row as the notes repository stores it, with the prompts raised in it. */
export interface BulkNote extends Pick<
  NotesTable,
  'id' | 'opportunity_id' | 'author_id' | 'occurred_at' | 'opportunity_stage' | 'summary' | 'customer_view'
> {
  prompts: Array<Omit<StoredNotePrompt, 'title'>>;
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
    'analytics_prompt_phase_deals',
    'analytics_prompt_phase_wins',
    'analytics_prompt_author_raises',
    'analytics_adhoc_texts',
    'analytics_redirected_notes',
    'analytics_tenant_deal_scores',
  ]) {
    await sql`vacuum analyze ${sql.table(table)}`.execute(db);
  }
}
