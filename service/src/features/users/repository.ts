// Users of each tenant's org and who reports to whom.
import { sql } from 'kysely';
import type { Executor } from '../../platform/database/database';

export interface UserRecord {
  id: string;
  name: string;
  managerId: string | null;
  isActive: boolean;
}

export async function upsertUsers(db: Executor, tenantId: string, users: UserRecord[]): Promise<void> {
  if (users.length === 0) return;
  await db
    .insertInto('users')
    .values(
      users.map((u) => ({
        tenant_id: tenantId,
        id: u.id,
        name: u.name,
        manager_id: u.managerId,
        is_active: u.isActive,
      })),
    )
    .onConflict((oc) =>
      oc.columns(['tenant_id', 'id']).doUpdateSet((eb) => ({
        name: eb.ref('excluded.name'),
        manager_id: eb.ref('excluded.manager_id'),
        is_active: eb.ref('excluded.is_active'),
        updated_at: sql`now()`,
      })),
    )
    .execute();
}

export async function listUsers(db: Executor, tenantId: string): Promise<UserRecord[]> {
  const rows = await db
    .selectFrom('users')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .orderBy('name')
    .execute();
  return rows.map((r) => ({ id: r.id, name: r.name, managerId: r.manager_id, isActive: r.is_active }));
}

/** Everyone below a manager in the hierarchy (direct and indirect reports), not the manager. */
export async function reportsOf(db: Executor, tenantId: string, managerId: string): Promise<string[]> {
  const result = await sql<{ id: string }>`
    with recursive team(id, depth) as (
      select id, 1 from users where tenant_id = ${tenantId} and manager_id = ${managerId}
      union
      select u.id, t.depth + 1 from users u join team t on u.manager_id = t.id
      where u.tenant_id = ${tenantId} and t.depth < 50
    )
    select distinct id from team`.execute(db);
  return result.rows.map((r) => r.id).filter((id) => id !== managerId);
}

/** Display names of the given users (those the sync or the demo has brought in). */
export async function namesOf(db: Executor, tenantId: string, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('users')
    .select(['id', 'name'])
    .where('tenant_id', '=', tenantId)
    .where('id', 'in', [...new Set(ids)])
    .execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}
