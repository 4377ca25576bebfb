// Each tenant's Salesforce connection (secrets stay encrypted here; only salesforce/ decrypts) and
// its sync schedule, leased so that one instance at a time runs a tenant's sync.
import { sql } from 'kysely';
import type { Executor } from '../../../platform/database/database';

export type AuthFlow = 'jwt' | 'client_credentials' | 'password';

export interface ConnectionRecord {
  tenantId: string;
  loginUrl: string;
  instanceUrl: string | null;
  apiVersion: string;
  authFlow: AuthFlow;
  clientId: string;
  username: string | null;
  /** ciphertext */
  secrets: string;
  budgetShare: number;
  syncIntervalMinutes: number;
  updatedAt: string;
}

export interface ScheduleRecord {
  intervalMinutes: number;
  nextRunAt: string;
  lastRunAt: string | null;
  lastError: string | null;
  running: boolean;
}

export async function putConnection(
  db: Executor,
  record: Omit<ConnectionRecord, 'updatedAt' | 'instanceUrl'>,
): Promise<void> {
  const values = {
    login_url: record.loginUrl,
    instance_url: null,
    api_version: record.apiVersion,
    auth_flow: record.authFlow,
    client_id: record.clientId,
    username: record.username,
    secrets: record.secrets,
    budget_share: record.budgetShare,
  };
  await db
    .insertInto('salesforce_connections')
    .values({ tenant_id: record.tenantId, ...values })
    .onConflict((oc) => oc.column('tenant_id').doUpdateSet({ ...values, updated_at: sql`now()` }))
    .execute();
  await db
    .insertInto('salesforce_sync_schedules')
    .values({ tenant_id: record.tenantId, interval_minutes: record.syncIntervalMinutes })
    .onConflict((oc) =>
      oc
        .column('tenant_id')
        .doUpdateSet({ interval_minutes: record.syncIntervalMinutes, next_run_at: sql`now()` }),
    )
    .execute();
}

export async function findConnection(db: Executor, tenantId: string): Promise<ConnectionRecord | undefined> {
  const row = await db
    .selectFrom('salesforce_connections as c')
    .innerJoin('salesforce_sync_schedules as s', 's.tenant_id', 'c.tenant_id')
    .selectAll('c')
    .select('s.interval_minutes')
    .where('c.tenant_id', '=', tenantId)
    .executeTakeFirst();
  return (
    row && {
      tenantId: row.tenant_id,
      loginUrl: row.login_url,
      instanceUrl: row.instance_url,
      apiVersion: row.api_version,
      authFlow: row.auth_flow,
      clientId: row.client_id,
      username: row.username,
      secrets: row.secrets,
      budgetShare: row.budget_share,
      syncIntervalMinutes: row.interval_minutes,
      updatedAt: new Date(row.updated_at).toISOString(),
    }
  );
}

export async function setInstanceUrl(db: Executor, tenantId: string, instanceUrl: string): Promise<void> {
  await db
    .updateTable('salesforce_connections')
    .set({ instance_url: instanceUrl })
    .where('tenant_id', '=', tenantId)
    .where('instance_url', 'is distinct from', instanceUrl)
    .execute();
}

/** Removes the connection and everything the sync kept for it; synced opportunities and users stay. */
export async function deleteConnection(db: Executor, tenantId: string): Promise<boolean> {
  for (const table of [
    'salesforce_outbox',
    'salesforce_sync_schedules',
    'salesforce_watermarks',
    'salesforce_api_usage',
    'salesforce_api_calls',
  ] as const) {
    await db.deleteFrom(table).where('tenant_id', '=', tenantId).execute();
  }
  const result = await db
    .deleteFrom('salesforce_connections')
    .where('tenant_id', '=', tenantId)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

export async function listConnectedTenants(db: Executor): Promise<string[]> {
  const rows = await db.selectFrom('salesforce_connections').select('tenant_id').execute();
  return rows.map((r) => r.tenant_id);
}

/** The tenant's sync schedule, for the updates that lease, finish and trigger its sync. */
const scheduleOf = (db: Executor, tenantId: string) =>
  db.updateTable('salesforce_sync_schedules').where('tenant_id', '=', tenantId);

/** Takes the tenant's sync if it is due (or `force`d) and nobody holds it; true when this owner got it. */
export async function claimSync(
  db: Executor,
  tenantId: string,
  owner: string,
  leaseMs: number,
): Promise<boolean> {
  const result = await scheduleOf(db, tenantId)
    .set({ leased_until: sql`now() + ${leaseMs} * interval '1 millisecond'`, lease_owner: owner })
    .where('next_run_at', '<=', sql<Date>`now()`)
    .where((eb) => eb.or([eb('leased_until', 'is', null), eb('leased_until', '<', sql<Date>`now()`)]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function finishSync(
  db: Executor,
  tenantId: string,
  owner: string,
  outcome: { error: string | null; retryInMs?: number },
): Promise<void> {
  await scheduleOf(db, tenantId)
    .set({
      leased_until: null,
      lease_owner: null,
      last_run_at: sql`now()`,
      last_error: outcome.error,
      next_run_at:
        outcome.retryInMs === undefined
          ? sql`now() + interval_minutes * interval '1 minute'`
          : sql`now() + ${outcome.retryInMs} * interval '1 millisecond'`,
    })
    .where('lease_owner', '=', owner)
    .execute();
}

/** Makes the tenant's sync due now (a manual trigger). */
export async function requestSync(db: Executor, tenantId: string): Promise<boolean> {
  const result = await scheduleOf(db, tenantId)
    .set({ next_run_at: sql`now()` })
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function findSchedule(db: Executor, tenantId: string): Promise<ScheduleRecord | undefined> {
  const row = await db
    .selectFrom('salesforce_sync_schedules')
    .select([
      'interval_minutes',
      'next_run_at',
      'last_run_at',
      'last_error',
      sql<boolean>`coalesce(leased_until > now(), false)`.as('running'),
    ])
    .where('tenant_id', '=', tenantId)
    .executeTakeFirst();
  return (
    row && {
      intervalMinutes: row.interval_minutes,
      nextRunAt: new Date(row.next_run_at).toISOString(),
      lastRunAt: row.last_run_at ? new Date(row.last_run_at).toISOString() : null,
      lastError: row.last_error,
      running: row.running,
    }
  );
}
