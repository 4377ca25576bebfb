// Background jobs (rescoring) with progress a user can watch. At most one job of a kind is active
// (queued or running) per tenant: a partial unique index holds that, so starting is insert-or-return.
import { randomUUID } from 'node:crypto';
import { sql, type Selectable } from 'kysely';
import type { Executor } from '../../platform/database/database';
import type { JobsTable } from '../../platform/database/schema';

export interface JobRecord {
  id: string;
  kind: string;
  status: 'queued' | 'running' | 'done' | 'failed' | 'superseded';
  done: number;
  total: number;
  error: string | null;
  /** the settings version whose weights the job applies */
  settingsVersion: number | null;
  /** with status superseded: the job that replaced this one */
  supersededBy: string | null;
  createdAt: string;
  updatedAt: string;
}

const ACTIVE = sql<boolean>`status in ('queued', 'running')`;

function toJob(row: Selectable<JobsTable>): JobRecord {
  return {
    id: row.id,
    kind: row.kind,
    status: row.status,
    done: row.done,
    total: row.total,
    error: row.error,
    settingsVersion: row.settings_version,
    supersededBy: row.superseded_by,
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}

/** A new queued job, or undefined when one of its kind is already active for the tenant. */
export async function insertJobUnlessActive(
  db: Executor,
  tenantId: string,
  kind: string,
  job: { total: number; settingsVersion: number },
): Promise<JobRecord | undefined> {
  // the conflict target names the partial index by its predicate, which must be literal to match
  const { rows } = await sql<Selectable<JobsTable>>`
    insert into jobs (tenant_id, id, kind, status, total, done, settings_version)
    values (${tenantId}, ${randomUUID()}, ${kind}, 'queued', ${job.total}, 0, ${job.settingsVersion})
    on conflict (tenant_id, kind) where ${ACTIVE} do nothing
    returning *`.execute(db);
  return rows[0] && toJob(rows[0]);
}

/**
 * Marks the tenant's active job of a kind superseded when it applies settings older than
 * `settingsVersion`, or has made no progress since `stalledBefore` (its process died); answers its
 * id. The update waits for a batch the job is writing (it holds the row, see lockIfRunning).
 */
export async function supersedeActiveJob(
  db: Executor,
  tenantId: string,
  kind: string,
  settingsVersion: number,
  stalledBefore: Date,
): Promise<string | undefined> {
  const { rows } = await sql<{ id: string }>`
    update jobs set status = 'superseded', updated_at = now()
    where tenant_id = ${tenantId} and kind = ${kind} and ${ACTIVE}
      and (settings_version is null or settings_version < ${settingsVersion} or updated_at < ${stalledBefore})
    returning id`.execute(db);
  return rows[0]?.id;
}

export async function recordSuccessor(db: Executor, tenantId: string, id: string, successor: string) {
  await db
    .updateTable('jobs')
    .set({ superseded_by: successor })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .execute();
}

/** Moves a queued job to running; false when it was superseded before it started. */
export async function startJob(db: Executor, tenantId: string, id: string, total: number): Promise<boolean> {
  const result = await db
    .updateTable('jobs')
    .set({ status: 'running', total, done: 0, updated_at: new Date() })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .where('status', '=', 'queued')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/**
 * Whether the job is still running, holding its row until the transaction ends: what the job writes
 * in that transaction commits before anything can supersede it.
 */
export async function lockIfRunning(db: Executor, tenantId: string, id: string): Promise<boolean> {
  const row = await db
    .selectFrom('jobs')
    .select('status')
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .forShare()
    .executeTakeFirst();
  return row?.status === 'running';
}

/** Records progress or the outcome of a running job; a superseded job keeps its status. */
export async function updateJob(
  db: Executor,
  tenantId: string,
  id: string,
  patch: Partial<Pick<JobRecord, 'status' | 'done' | 'total' | 'error'>>,
): Promise<void> {
  await db
    .updateTable('jobs')
    .set({ ...patch, updated_at: new Date() })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .where('status', '=', 'running')
    .execute();
}

export async function findJob(db: Executor, tenantId: string, id: string): Promise<JobRecord | undefined> {
  const row = await db
    .selectFrom('jobs')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row && toJob(row);
}

export async function findActiveJob(
  db: Executor,
  tenantId: string,
  kind: string,
): Promise<JobRecord | undefined> {
  const row = await db
    .selectFrom('jobs')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('kind', '=', kind)
    .where(ACTIVE)
    .executeTakeFirst();
  return row && toJob(row);
}
