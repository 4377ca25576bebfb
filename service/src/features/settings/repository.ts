// Per-tenant settings: the industry and stage picklists as the org customised them, and scoring weights.
import { sql, type Selectable } from 'kysely';
import type { Executor } from '../../platform/database/database';
import type { TenantSettingsTable } from '../../platform/database/schema';
import { forgetTenant } from '../../platform/key-lookup-cache';

export interface SettingsRecord {
  industries: string[];
  stagePhases: Record<string, string>;
  weights: Record<string, number>;
  insideViewStaleMonths: number;
  /** bumped by every change */
  version: number;
  updatedAt: string;
}

type SettingsRow = Pick<
  Selectable<TenantSettingsTable>,
  'industries' | 'stage_phases' | 'weights' | 'inside_view_stale_months' | 'version' | 'updated_at'
>;

/** A stored settings row, or undefined when the tenant has none (its columns null in an outer join). */
export function toSettingsRecord(row: { [K in keyof SettingsRow]: SettingsRow[K] | null }):
  SettingsRecord | undefined {
  if (
    row.industries === null ||
    row.stage_phases === null ||
    row.weights === null ||
    row.inside_view_stale_months === null ||
    row.version === null ||
    row.updated_at === null
  )
    return undefined;
  return {
    industries: row.industries,
    stagePhases: row.stage_phases,
    weights: row.weights,
    insideViewStaleMonths: row.inside_view_stale_months,
    version: row.version,
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}

/** The tenant's settings; `forUpdate` locks the row against other changes until the transaction ends. */
export async function getSettings(
  db: Executor,
  tenantId: string,
  options: { forUpdate?: boolean } = {},
): Promise<SettingsRecord | undefined> {
  let query = db.selectFrom('tenant_settings').selectAll().where('tenant_id', '=', tenantId);
  if (options.forUpdate) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  return row && toSettingsRecord(row);
}

type SettingsValues = Omit<SettingsRecord, 'version' | 'updatedAt'>;

const columnsOf = (settings: SettingsValues) => ({
  industries: JSON.stringify(settings.industries),
  stage_phases: JSON.stringify(settings.stagePhases),
  weights: JSON.stringify(settings.weights),
  inside_view_stale_months: settings.insideViewStaleMonths,
});

/** Stores settings (a new row, or a new version of the stored one); answers the version stored. */
export async function putSettings(db: Executor, tenantId: string, settings: SettingsValues): Promise<number> {
  const values = columnsOf(settings);
  const { version } = await db
    .insertInto('tenant_settings')
    .values({ tenant_id: tenantId, ...values })
    .onConflict((oc) =>
      oc.column('tenant_id').doUpdateSet({
        ...values,
        version: sql`tenant_settings.version + 1`,
        updated_at: sql`now()`,
      }),
    )
    .returning('version')
    .executeTakeFirstOrThrow();
  forgetTenant(tenantId);
  return version;
}

/** Stores the tenant's first settings, as the given version, unless it has some already. */
export async function insertSettingsIfMissing(
  db: Executor,
  tenantId: string,
  settings: SettingsValues & { version: number },
): Promise<void> {
  await db
    .insertInto('tenant_settings')
    .values({ tenant_id: tenantId, ...columnsOf(settings), version: settings.version })
    .onConflict((oc) => oc.column('tenant_id').doNothing())
    .execute();
}
