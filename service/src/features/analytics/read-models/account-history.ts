// An account's provocation history: every prompt raised on any of its opportunities.
import type { Executor } from '../../../platform/database/database';

export interface AccountProvocation {
  noteId: string;
  opportunityId: string;
  opportunityName: string | null;
  occurredAt: string;
  authorId: string;
  authorName: string | null;
  promptKey: string | null;
  title: string | null;
  text: string | null;
  reaction: string | null;
}

function accountRaises(db: Executor, tenantId: string, accountName: string) {
  return db
    .selectFrom('opportunities as o')
    .innerJoin('notes as n', (join) =>
      join.onRef('n.tenant_id', '=', 'o.tenant_id').onRef('n.opportunity_id', '=', 'o.id'),
    )
    .innerJoin('note_prompts as np', (join) =>
      join.onRef('np.tenant_id', '=', 'n.tenant_id').onRef('np.note_id', '=', 'n.id'),
    )
    .where('o.tenant_id', '=', tenantId)
    .where('o.account_name', '=', accountName);
}

/** Every prompt raised with an account (on any of its opportunities), newest first. */
export async function accountProvocations(
  db: Executor,
  tenantId: string,
  accountName: string,
  limit: number,
): Promise<AccountProvocation[]> {
  const rows = await accountRaises(db, tenantId, accountName)
    .leftJoin('users as u', (join) =>
      join.onRef('u.tenant_id', '=', 'n.tenant_id').onRef('u.id', '=', 'n.author_id'),
    )
    // the title of the exact version raised (its key is unique within a version)
    .leftJoin('prompts as p', (join) =>
      join
        .onRef('p.tenant_id', '=', 'np.tenant_id')
        .onRef('p.set_id', '=', 'np.set_id')
        .onRef('p.version', '=', 'np.version')
        .onRef('p.key', '=', 'np.prompt_key'),
    )
    .select([
      'n.id as note_id',
      'o.id as opportunity_id',
      'o.name as opportunity_name',
      'n.occurred_at',
      'n.author_id',
      'u.name as author_name',
      'np.prompt_key',
      'p.title',
      'np.text',
      'np.reaction',
    ])
    .orderBy('n.occurred_at', 'desc')
    .orderBy('n.id', 'desc')
    .orderBy('np.position')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    noteId: r.note_id,
    opportunityId: r.opportunity_id,
    opportunityName: r.opportunity_name,
    occurredAt: r.occurred_at,
    authorId: r.author_id,
    authorName: r.author_name ?? null,
    promptKey: r.prompt_key,
    title: r.title ?? null,
    text: r.text,
    reaction: r.reaction,
  }));
}

/** Keys of library prompts raised with an account (on any of its opportunities) since `since`. */
export async function promptKeysRaisedWithAccount(
  db: Executor,
  tenantId: string,
  accountName: string,
  since: string,
): Promise<Set<string>> {
  const rows = await accountRaises(db, tenantId, accountName)
    .select('np.prompt_key')
    .distinct()
    .where('n.occurred_at', '>=', since)
    .where('np.prompt_key', 'is not', null)
    .execute();
  return new Set(rows.map((r) => r.prompt_key!));
}
