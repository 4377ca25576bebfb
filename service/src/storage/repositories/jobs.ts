// Background jobs (rescoring) with progress a user can watch.
import { randomUUID } from 'node:crypto';
import type { Selectable } from 'kysely';
import type { Executor } from '../database';
import type { JobsTable } from '../schema';

export interface JobRecord {
  id: string;
  kind: string;
  status: 'queued' | 'running' | 'done' | 'failed';
  done: number;
  total: number;
  error: string | null;
  createdAt: string;
  updatedAt: string;
}

function toJob(row: Selectable<JobsTable>): JobRecord {
  return {
    id: row.id,
    kind: row.kind,
    status: row.status,
    done: row.done,
    total: row.total,
    error: row.error,
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}

export async function insertJob(
  db: Executor,
  tenantId: string,
  kind: string,
  total: number,
): Promise<JobRecord> {
  const row = await db
    .insertInto('jobs')
    .values({ tenant_id: tenantId, id: randomUUID(), kind, status: 'queued', total, done: 0 })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toJob(row);
}

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
    .where('status', 'in', ['queued', 'running'])
    .orderBy('created_at', 'desc')
    .executeTakeFirst();
  return row && toJob(row);
}
