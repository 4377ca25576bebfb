// Sync bookkeeping: SystemModstamp watermarks per sObject, and opportunities written in batches
// (a page of the org's records per statement).
import { sql } from 'kysely';
import type { Executor } from '../../../platform/database/database';
import type { StoredOpportunityContext } from '../../opportunities';

export interface Watermark {
  sobject: string;
  systemModstamp: string;
  recordsSynced: number;
  updatedAt: string;
}

export async function findWatermark(
  db: Executor,
  tenantId: string,
  sobject: string,
): Promise<Watermark | undefined> {
  const row = await db
    .selectFrom('salesforce_watermarks')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('sobject', '=', sobject)
    .executeTakeFirst();
  return row && toWatermark(row);
}

export async function listWatermarks(db: Executor, tenantId: string): Promise<Watermark[]> {
  const rows = await db
    .selectFrom('salesforce_watermarks')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .execute();
  return rows.map(toWatermark);
}

function toWatermark(row: {
  sobject: string;
  system_modstamp: string;
  records_synced: number;
  updated_at: Date | string;
}) {
  return {
    sobject: row.sobject,
    systemModstamp: row.system_modstamp,
    recordsSynced: Number(row.records_synced),
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}

export async function advanceWatermark(
  db: Executor,
  tenantId: string,
  sobject: string,
  systemModstamp: string,
  records: number,
): Promise<void> {
  await db
    .insertInto('salesforce_watermarks')
    .values({ tenant_id: tenantId, sobject, system_modstamp: systemModstamp, records_synced: records })
    .onConflict((oc) =>
      oc.columns(['tenant_id', 'sobject']).doUpdateSet({
        system_modstamp: systemModstamp,
        records_synced: sql`salesforce_watermarks.records_synced + ${records}`,
        updated_at: sql`now()`,
      }),
    )
    .execute();
}

/** Every field the sync reads is authoritative: a value Salesforce cleared is cleared here too. */
export async function upsertSyncedOpportunities(
  db: Executor,
  tenantId: string,
  records: Array<Required<{ [K in keyof StoredOpportunityContext]: StoredOpportunityContext[K] | null }>>,
): Promise<void> {
  if (records.length === 0) return;
  await db
    .insertInto('opportunities')
    .values(
      records.map((r) => ({
        tenant_id: tenantId,
        id: r.id!,
        name: r.name,
        stage: r.stage,
        amount: r.amount,
        close_date: r.closeDate,
        record_type: r.recordType,
        account_name: r.accountName,
        account_id: r.accountId,
        industry: r.industry,
        is_closed: r.isClosed,
        is_won: r.isWon,
        owner_id: r.ownerId,
      })),
    )
    .onConflict((oc) =>
      oc.columns(['tenant_id', 'id']).doUpdateSet((eb) => ({
        name: eb.ref('excluded.name'),
        stage: eb.ref('excluded.stage'),
        amount: eb.ref('excluded.amount'),
        close_date: eb.ref('excluded.close_date'),
        record_type: eb.ref('excluded.record_type'),
        account_name: eb.ref('excluded.account_name'),
        account_id: eb.ref('excluded.account_id'),
        industry: eb.ref('excluded.industry'),
        is_closed: eb.ref('excluded.is_closed'),
        is_won: eb.ref('excluded.is_won'),
        owner_id: eb.ref('excluded.owner_id'),
        updated_at: sql`now()`,
      })),
    )
    .execute();
}
