// Per-tenant settings: the industry and stage picklists as the org customised them, and scoring weights.
import { sql } from 'kysely';
import type { Executor } from '../database';

export interface SettingsRecord {
  industries: string[];
  stagePhases: Record<string, string>;
  weights: Record<string, number>;
  updatedAt: string;
}

export async function getSettings(db: Executor, tenantId: string): Promise<SettingsRecord | undefined> {
  const row = await db
    .selectFrom('tenant_settings')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .executeTakeFirst();
  return (
    row && {
      industries: row.industries,
      stagePhases: row.stage_phases,
      weights: row.weights,
      updatedAt: new Date(row.updated_at).toISOString(),
    }
  );
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
}
