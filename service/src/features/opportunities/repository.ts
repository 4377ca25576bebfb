// The latest opportunity context each tenant's org told us (from Apex requests or the sync).
import { sql } from 'kysely';
import type { Executor } from '../../platform/database/database';
import { fixedStatement } from '../../platform/database/fixed-statement';
import type { OpportunityContext } from './context';

const COLUMNS = {
  name: 'name',
  stage: 'stage',
  amount: 'amount',
  closeDate: 'close_date',
  recordType: 'record_type',
  accountName: 'account_name',
  accountId: 'account_id',
  industry: 'industry',
  isClosed: 'is_closed',
  isWon: 'is_won',
  ownerId: 'owner_id',
} as const;

/** Each stored column's SQL type, to read a batch of contexts from JSON. */
const COLUMN_TYPES: Record<(typeof COLUMNS)[keyof typeof COLUMNS], string> = {
  name: 'text',
  stage: 'text',
  amount: 'double precision',
  close_date: 'text',
  record_type: 'text',
  account_name: 'text',
  account_id: 'text',
  industry: 'text',
  is_closed: 'boolean',
  is_won: 'boolean',
  owner_id: 'text',
};

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
  await upsertOpportunities(db, tenantId, [context]);
}

/**
 * Stores many contexts as upsertOpportunity stores each, in one statement: contexts of the same deal
 * apply in order. Rows are written in id order, so two such statements never wait on each other's
 * rows in opposite orders.
 */
export async function upsertOpportunities(
  db: Executor,
  tenantId: string,
  contexts: OpportunityContext[],
): Promise<void> {
  const rows = new Map<string, Record<string, unknown>>();
  for (const context of contexts) {
    const row = rows.get(context.id) ?? { id: context.id };
    for (const [field, column] of Object.entries(COLUMNS)) {
      const value = context[field as keyof typeof COLUMNS];
      if (value !== undefined) row[column] = value;
    }
    rows.set(context.id, row);
  }
  if (rows.size === 0) return;
  const sorted = [...rows.values()].sort((a, b) => String(a.id).localeCompare(String(b.id)));
  await upsertStatement(db, { tenantId, contexts: JSON.stringify(sorted) });
}

const upsertStatement = fixedStatement<{ tenantId: string; contexts: string }, unknown>(
  ['tenantId', 'contexts'],
  ({ tenantId, contexts }) => {
    const columns = Object.keys(COLUMN_TYPES);
    const list = sql.join(columns.map((c) => sql.ref(c)));
    const types = sql.join(
      columns.map((c) => sql`${sql.ref(c)} ${sql.raw(COLUMN_TYPES[c as keyof typeof COLUMN_TYPES])}`),
    );
    // a field a context leaves out arrives as null and keeps the stored value
    const mergedWith = (given: string, row: string) =>
      columns.map((c) => sql`coalesce(${sql.ref(`${given}.${c}`)}, ${sql.ref(`${row}.${c}`)})`);
    const storedIn = (row: string) => sql.join(columns.map((c) => sql.ref(`${row}.${c}`)));
    const merged = mergedWith('excluded', 'opportunities');
    // A context that matches its stored row is left out before the insert: a conflicting insert locks
    // the row even when its update's condition then declines, which would make the statement a
    // write that waits on the row and flushes the log at commit.
    return sql`
      insert into opportunities (tenant_id, id, ${list})
      select ${tenantId}::uuid, id, ${list} from jsonb_to_recordset(${contexts}::jsonb) as r(id text, ${types})
      where not exists (select from opportunities o where o.tenant_id = ${tenantId} and o.id = r.id
        and (${storedIn('o')}) is not distinct from (${sql.join(mergedWith('r', 'o'))}))
      on conflict (tenant_id, id) do update
        set ${sql.join(columns.map((c, i) => sql`${sql.ref(c)} = ${merged[i]!}`))}, updated_at = now()
        where (${storedIn('opportunities')}) is distinct from (${sql.join(merged)})`;
  },
);

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
