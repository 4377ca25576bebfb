// The latest opportunity context each tenant's org told us (from Apex requests or the sync).
import { sql } from 'kysely';
import type { Executor } from '../../platform/database/database';
import type { OpportunityContext } from './context';

const COLUMNS = {
  name: 'name',
  stage: 'stage',
  amount: 'amount',
  closeDate: 'close_date',
  recordType: 'record_type',
  accountName: 'account_name',
  industry: 'industry',
  isClosed: 'is_closed',
  isWon: 'is_won',
  ownerId: 'owner_id',
} as const;

/**
 * Stores the fields the context carries; fields it leaves out keep their stored value. A context
 * that matches what is stored writes nothing: every note and panel load from Salesforce brings its
 * deal's context, which rarely changes, and rewriting the row would re-count the deal's analytics
 * (its update triggers) and make concurrent notes on the deal wait on its row lock.
 */
export async function upsertOpportunity(
  db: Executor,
  tenantId: string,
  context: OpportunityContext,
): Promise<void> {
  const values: Record<string, unknown> = {};
  for (const [field, column] of Object.entries(COLUMNS)) {
    const value = context[field as keyof typeof COLUMNS];
    if (value !== undefined) values[column] = value;
  }
  const changed = Object.keys(values);
  await db
    .insertInto('opportunities')
    .values({ tenant_id: tenantId, id: context.id, ...values })
    .onConflict((oc) => {
      const target = oc.columns(['tenant_id', 'id']);
      if (changed.length === 0) return target.doNothing();
      const stored = sql.join(changed.map((c) => sql.ref(`opportunities.${c}`)));
      const sent = sql.join(changed.map((c) => sql.ref(`excluded.${c}`)));
      return target
        .doUpdateSet({ ...values, updated_at: sql`now()` })
        .where(sql<boolean>`(${stored}) is distinct from (${sent})`);
    })
    .execute();
}

export async function findOpportunity(
  db: Executor,
  tenantId: string,
  id: string,
): Promise<OpportunityContext | undefined> {
  const row = await db
    .selectFrom('opportunities')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) return undefined;
  const record: OpportunityContext = { id: row.id };
  for (const [field, column] of Object.entries(COLUMNS)) {
    const value = row[column];
    if (value !== null) (record as unknown as Record<string, unknown>)[field] = value;
  }
  return record;
}
