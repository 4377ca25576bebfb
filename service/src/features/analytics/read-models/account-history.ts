// An account's provocation history: every prompt raised on any of its opportunities.
import type { Executor } from '../../../platform/database/database';
import { sameTenantRow } from './same-tenant';

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

/**
 * An account by its Salesforce Account Id, or by name where no Id is known. Keyed by Id, it also
 * holds the deals stored before their context carried an Id, under the name its Id's deals carry:
 * names are not unique, so a deal that has another Id never joins it.
 */
export type AccountKey = { id: string } | { name: string };

function accountRaises(db: Executor, tenantId: string, account: AccountKey) {
  const raises = db
    .selectFrom('opportunities as o')
    .innerJoin('notes as n', (join) => sameTenantRow(join, 'n.opportunity_id', 'o.id'))
    .innerJoin('note_prompts as np', (join) => sameTenantRow(join, 'np.note_id', 'n.id'))
    .where('o.tenant_id', '=', tenantId);
  if ('name' in account) return raises.where('o.account_name', '=', account.name);
  return raises.where((eb) =>
    eb.or([
      eb('o.account_id', '=', account.id),
      eb.and([
        eb('o.account_id', 'is', null),
        eb(
          'o.account_name',
          'in',
          eb
            .selectFrom('opportunities as named')
            .select('named.account_name')
            .where('named.tenant_id', '=', tenantId)
            .where('named.account_id', '=', account.id),
        ),
      ]),
    ]),
  );
}

/** Every prompt raised with an account (on any of its opportunities), newest first. */
export async function accountProvocations(
  db: Executor,
  tenantId: string,
  account: AccountKey,
  limit: number,
): Promise<AccountProvocation[]> {
  const rows = await accountRaises(db, tenantId, account)
    .leftJoin('users as u', (join) => sameTenantRow(join, 'u.id', 'n.author_id'))
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

/** The latest time a library prompt was raised with the account: by whom, on which deal, and how it landed. */
export interface LatestRaise {
  promptKey: string;
  occurredAt: string;
  authorId: string;
  authorName: string | null;
  opportunityId: string;
  opportunityName: string | null;
  reaction: string | null;
}

/** Each library prompt raised with an account (on any of its opportunities) since `since`, at its latest raise. */
export async function latestRaisesWithAccount(
  db: Executor,
  tenantId: string,
  account: AccountKey,
  since: string,
): Promise<LatestRaise[]> {
  const rows = await accountRaises(db, tenantId, account)
    .leftJoin('users as u', (join) => sameTenantRow(join, 'u.id', 'n.author_id'))
    .distinctOn('np.prompt_key')
    .select([
      'np.prompt_key',
      'n.occurred_at',
      'n.author_id',
      'u.name as author_name',
      'o.id as opportunity_id',
      'o.name as opportunity_name',
      'np.reaction',
    ])
    .where('n.occurred_at', '>=', since)
    .where('np.prompt_key', 'is not', null)
    .orderBy('np.prompt_key')
    .orderBy('n.occurred_at', 'desc')
    .orderBy('n.created_at', 'desc')
    .execute();
  return rows.map((r) => ({
    promptKey: r.prompt_key!,
    occurredAt: r.occurred_at,
    authorId: r.author_id,
    authorName: r.author_name ?? null,
    opportunityId: r.opportunity_id,
    opportunityName: r.opportunity_name,
    reaction: r.reaction,
  }));
}
