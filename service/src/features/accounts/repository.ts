// Data access for the account's memory: the notes of an account's opportunities (or of one deal),
// whether an account has a deal inside someone's scope, and the reps' judgements on entries.
import type { Executor } from '../../platform/database/database';
import type { MemoryNote } from './entries';

/** The table this feature adds (migration 0014); the rest of the schema is the platform's. */
interface InsideViewOverridesTable {
  tenant_id: string;
  entry_id: string;
  note_id: string;
  original: string;
  outdated: boolean;
  correction: string | null;
  changed_by: string;
  changed_at: Date | string;
}

const withOverrides = (db: Executor) => db.withTables<{ inside_view_overrides: InsideViewOverridesTable }>();

export interface StoredMemoryNote extends MemoryNote {
  opportunityName: string | null;
  accountId: string | null;
  nextStep: string | null;
  nextStepDate: string | null;
  createdAt: string;
  /** bumped by every edit of the note */
  version: number;
}

export interface Override {
  entryId: string;
  noteId: string;
  original: string;
  outdated: boolean;
  correction: string | null;
  changedBy: string;
  changedAt: string;
}

export type NotesOf = { accountId: string } | { opportunityId: string };

function memoryNotes(db: Executor, tenantId: string) {
  return db
    .selectFrom('notes as n')
    .leftJoin('opportunities as o', (join) =>
      join.onRef('o.tenant_id', '=', 'n.tenant_id').onRef('o.id', '=', 'n.opportunity_id'),
    )
    .select([
      'n.id',
      'n.opportunity_id',
      'n.author_id',
      'n.occurred_at',
      'n.summary',
      'n.customer_view',
      'n.prompts',
      'n.next_step',
      'n.next_step_date',
      'n.created_at',
      'n.version',
      'o.name as opportunity_name',
      'o.account_id',
    ])
    .where('n.tenant_id', '=', tenantId);
}

type MemoryRow = Awaited<ReturnType<ReturnType<typeof memoryNotes>['execute']>>[number];

function toMemoryNote(row: MemoryRow): StoredMemoryNote {
  return {
    id: row.id,
    opportunityId: row.opportunity_id,
    opportunityName: row.opportunity_name ?? null,
    accountId: row.account_id ?? null,
    authorId: row.author_id,
    occurredAt: row.occurred_at,
    summary: row.summary,
    customerView: row.customer_view,
    prompts: row.prompts.map((p) => ({
      promptId: p.promptId,
      promptKey: p.promptKey,
      title: p.title,
      text: p.text,
      reaction: p.reaction,
    })),
    nextStep: row.next_step,
    nextStepDate: row.next_step_date,
    createdAt: new Date(row.created_at).toISOString(),
    version: row.version,
  };
}

/** The newest `limit` notes of an account's opportunities, or of one opportunity, newest first. */
export async function listMemoryNotes(
  db: Executor,
  tenantId: string,
  of: NotesOf,
  limit: number,
): Promise<StoredMemoryNote[]> {
  let query = memoryNotes(db, tenantId);
  query =
    'accountId' in of
      ? query.where('o.account_id', '=', of.accountId)
      : query.where('n.opportunity_id', '=', of.opportunityId);
  const rows = await query
    .orderBy('n.occurred_at', 'desc')
    .orderBy('n.created_at', 'desc')
    .orderBy('n.id', 'desc')
    .limit(limit)
    .execute();
  return rows.map(toMemoryNote);
}

export async function findMemoryNote(
  db: Executor,
  tenantId: string,
  noteId: string,
): Promise<StoredMemoryNote | undefined> {
  const row = await memoryNotes(db, tenantId).where('n.id', '=', noteId).executeTakeFirst();
  return row && toMemoryNote(row);
}

/** Whether one of the account's opportunities is owned by, or has a note from, one of `userIds`. */
export async function accountInScope(
  db: Executor,
  tenantId: string,
  accountId: string,
  userIds: string[],
): Promise<boolean> {
  const row = await db
    .selectFrom('opportunities as o')
    .select('o.id')
    .where('o.tenant_id', '=', tenantId)
    .where('o.account_id', '=', accountId)
    .where((eb) =>
      eb.or([
        eb('o.owner_id', 'in', userIds),
        eb.exists(
          eb
            .selectFrom('notes as n')
            .select('n.id')
            .whereRef('n.tenant_id', '=', 'o.tenant_id')
            .whereRef('n.opportunity_id', '=', 'o.id')
            .where('n.author_id', 'in', userIds),
        ),
      ]),
    )
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

export async function overridesFor(db: Executor, tenantId: string, noteIds: string[]): Promise<Override[]> {
  if (noteIds.length === 0) return [];
  const rows = await withOverrides(db)
    .selectFrom('inside_view_overrides')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('note_id', 'in', noteIds)
    .execute();
  return rows.map((r) => ({
    entryId: r.entry_id,
    noteId: r.note_id,
    original: r.original,
    outdated: r.outdated,
    correction: r.correction,
    changedBy: r.changed_by,
    changedAt: new Date(r.changed_at).toISOString(),
  }));
}

export async function saveOverride(db: Executor, tenantId: string, override: Override): Promise<void> {
  const values = {
    note_id: override.noteId,
    original: override.original,
    outdated: override.outdated,
    correction: override.correction,
    changed_by: override.changedBy,
    changed_at: override.changedAt,
  };
  await withOverrides(db)
    .insertInto('inside_view_overrides')
    .values({ tenant_id: tenantId, entry_id: override.entryId, ...values })
    .onConflict((oc) => oc.columns(['tenant_id', 'entry_id']).doUpdateSet(values))
    .execute();
}
