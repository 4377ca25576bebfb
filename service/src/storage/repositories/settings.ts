// Per-tenant settings: the industry and stage picklists as the org customised them, and scoring weights.
import { sql, type Selectable } from 'kysely';
import type { Executor } from '../database';
import type { TenantSettingsTable } from '../schema';
import { forgetTenant } from './key-lookup-cache';

export interface SettingsRecord {
  industries: string[];
  stagePhases: Record<string, string>;
  weights: Record<string, number>;
  updatedAt: string;
}

type SettingsRow = Pick<
  Selectable<TenantSettingsTable>,
  'industries' | 'stage_phases' | 'weights' | 'updated_at'
>;

/** A stored settings row, or undefined when the tenant has none (its columns null in an outer join). */
export function toSettingsRecord(row: { [K in keyof SettingsRow]: SettingsRow[K] | null }):
  SettingsRecord | undefined {
  if (row.industries === null || row.stage_phases === null || row.weights === null || row.updated_at === null)
    return undefined;
  return {
    industries: row.industries,
    stagePhases: row.stage_phases,
    weights: row.weights,
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}

export async function getSettings(db: Executor, tenantId: string): Promise<SettingsRecord | undefined> {
  const row = await db
    .selectFrom('tenant_settings')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .executeTakeFirst();
  return row && toSettingsRecord(row);
}

export async function putSettings(
  db: Executor,
  tenantId: string,
  settings: Omit<SettingsRecord, 'updatedAt'>,
): Promise<void> {
  const values = {
    industries: JSON.stringify(settings.industries),
    stage_phases: JSON.stringify(settings.stagePhases),
    weights: JSON.stringify(settings.weights),
  };
  await db
    .insertInto('tenant_settings')
    .values({ tenant_id: tenantId, ...values })
    .onConflict((oc) => oc.column('tenant_id').doUpdateSet({ ...values, updated_at: sql`now()` }))
    .execute();
  forgetTenant(tenantId);
}
