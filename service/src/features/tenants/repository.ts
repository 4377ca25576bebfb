// Tenants and their API keys (stored as digests only).
import { randomUUID } from 'node:crypto';
import type { Executor } from '../../platform/database/database';
import { forgetTenant } from '../../platform/key-lookup-cache';
import { toSettingsRecord, type SettingsRecord } from '../settings';

export interface TenantRecord {
  id: string;
  slug: string;
  name: string;
  createdAt: string;
}

export interface ApiKeyRecord {
  id: string;
  hint: string;
  createdAt: string;
  revokedAt: string | null;
}

export async function insertTenant(db: Executor, slug: string, name: string): Promise<TenantRecord> {
  const row = await db
    .insertInto('tenants')
    .values({ id: randomUUID(), slug, name })
    .returningAll()
    .executeTakeFirstOrThrow();
  return { id: row.id, slug: row.slug, name: row.name, createdAt: new Date(row.created_at).toISOString() };
}

export async function findTenantBySlug(db: Executor, slug: string): Promise<TenantRecord | undefined> {
  const row = await db.selectFrom('tenants').selectAll().where('slug', '=', slug).executeTakeFirst();
  return (
    row && { id: row.id, slug: row.slug, name: row.name, createdAt: new Date(row.created_at).toISOString() }
  );
}

export async function listTenants(db: Executor): Promise<Array<TenantRecord & { activeKeys: number }>> {
  const rows = await db
    .selectFrom('tenants as t')
    .leftJoin('api_keys as k', (join) =>
      join.onRef('k.tenant_id', '=', 't.id').on('k.revoked_at', 'is', null),
    )
    .select([
      't.id',
      't.slug',
      't.name',
      't.created_at',
      (eb) => eb.fn.count<number>('k.id').as('active_keys'),
    ])
    .groupBy(['t.id', 't.slug', 't.name', 't.created_at'])
    .orderBy('t.slug')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    slug: r.slug,
    name: r.name,
    createdAt: new Date(r.created_at).toISOString(),
    activeKeys: Number(r.active_keys),
  }));
}

/**
 * Makes the key active for the tenant: a new row, or the tenant's own revoked row again (a key chosen
 * by the operator, such as DEMO_API_KEY, comes back on every start). Answers false, changing
 * nothing, when the digest belongs to another tenant.
 */
export async function activateApiKey(
  db: Executor,
  tenantId: string,
  keyHash: string,
  hint: string,
): Promise<boolean> {
  const row = await db
    .insertInto('api_keys')
    .values({ tenant_id: tenantId, id: randomUUID(), key_hash: keyHash, hint })
    .onConflict((oc) =>
      oc.column('key_hash').doUpdateSet({ revoked_at: null }).where('api_keys.tenant_id', '=', tenantId),
    )
    .returning('id')
    .executeTakeFirst();
  forgetTenant(tenantId);
  return row !== undefined;
}

export async function revokeApiKeys(db: Executor, tenantId: string): Promise<number> {
  const result = await db
    .updateTable('api_keys')
    .set({ revoked_at: new Date() })
    .where('tenant_id', '=', tenantId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  forgetTenant(tenantId);
  return Number(result.numUpdatedRows);
}

/** The tenant whose active key has this digest. The only lookup not scoped by tenant: it finds the tenant. */
export async function findTenantByKeyHash(
  db: Executor,
  keyHash: string,
): Promise<{ tenant: TenantRecord; keyHash: string; settings: SettingsRecord | undefined } | undefined> {
  // the settings ride along: every authenticated request needs them, and a round trip costs more
  // than the columns
  const row = await db
    .selectFrom('api_keys as k')
    .innerJoin('tenants as t', 't.id', 'k.tenant_id')
    .leftJoin('tenant_settings as s', 's.tenant_id', 'k.tenant_id')
    .select(['t.id', 't.slug', 't.name', 't.created_at', 'k.key_hash'])
    .selectAll('s')
    .where('k.key_hash', '=', keyHash)
    .where('k.revoked_at', 'is', null)
    .executeTakeFirst();
  return (
    row && {
      tenant: {
        id: row.id,
        slug: row.slug,
        name: row.name,
        createdAt: new Date(row.created_at).toISOString(),
      },
      keyHash: row.key_hash,
      settings: toSettingsRecord(row),
    }
  );
}
