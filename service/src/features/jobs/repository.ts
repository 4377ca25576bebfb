// Background jobs (rescoring) with progress a user can watch. At most one job of a kind is active
// (queued or running) per tenant: a partial unique index holds that, so starting is insert-or-return.
import { randomUUID } from 'node:crypto';
import { sql, type Selectable } from 'kysely';
import type { Executor } from '../../platform/database/database';
import type { JobsTable } from '../../platform/database/schema';

export interface JobRecord {
  id: string;
  kind: string;
  status: JobsTable['status'];
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

/** The lease a claim takes: until it ends, no other worker claims the job. */
function leaseFor(owner: string, leaseMs: number) {
  return {
    lease_owner: owner,
    leased_until: sql<Date>`now() + ${leaseMs} * interval '1 millisecond'`,
    updated_at: new Date(),
  };
}

/** Moves a queued job to running under `owner`'s lease; false when it was superseded before it started. */
export async function startJob(
  db: Executor,
  tenantId: string,
  id: string,
  owner: string,
  leaseMs: number,
): Promise<boolean> {
  const result = await db
    .updateTable('jobs')
    .set({ status: 'running', done: 0, runs: sql`runs + 1`, ...leaseFor(owner, leaseMs) })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .where('status', '=', 'queued')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/**
 * Claims the oldest job of a kind that no worker holds: a queued one, or a running one whose lease
 * ran out (its worker died), which starts over. SKIP LOCKED lets concurrent workers pass over the
 * row another one is claiming.
 */
export async function claimJob(
  db: Executor,
  kind: string,
  owner: string,
  leaseMs: number,
): Promise<{ tenantId: string; job: JobRecord } | undefined> {
  const { rows } = await sql<Selectable<JobsTable>>`
    with picked as (
      select tenant_id, id from jobs
      where kind = ${kind}
        and (status = 'queued' or (status = 'running' and leased_until < now()))
      order by created_at
      limit 1
      for update skip locked
    )
    update jobs j set status = 'running', done = 0, runs = j.runs + 1, lease_owner = ${owner},
      leased_until = now() + ${leaseMs} * interval '1 millisecond', updated_at = now()
    from picked
    where j.tenant_id = picked.tenant_id and j.id = picked.id
    returning j.*`.execute(db);
  return rows[0] && { tenantId: rows[0].tenant_id, job: toJob(rows[0]) };
}

/**
 * Whether the job is still running under `owner`'s claim, holding its row until the transaction
 * ends: what the job writes in that transaction commits before anything can supersede it, and a
 * worker whose lease was taken over writes nothing more.
 */
export async function lockIfRunning(
  db: Executor,
  tenantId: string,
  id: string,
  owner: string,
): Promise<boolean> {
  const row = await db
    .selectFrom('jobs')
    .select(['status', 'lease_owner'])
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .forShare()
    .executeTakeFirst();
  return row?.status === 'running' && row.lease_owner === owner;
}

/**
 * Records progress or the outcome of a job `owner` runs, extending its lease; a superseded job keeps
 * its status, and one another worker took over is left to that worker.
 */
export async function updateJob(
  db: Executor,
  tenantId: string,
  id: string,
  owner: string,
  leaseMs: number,
  patch: Partial<Pick<JobRecord, 'status' | 'done' | 'total' | 'error'>>,
): Promise<void> {
  await db
    .updateTable('jobs')
    .set({ ...patch, ...leaseFor(owner, leaseMs) })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .where('status', '=', 'running')
    .where('lease_owner', '=', owner)
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
