// Which scorer versions a tenant's stored scores come from.
import { sql } from 'kysely';
import type { Executor } from '../../platform/database/database';

/** True when any scored note of the tenant was scored by a version other than `version`. */
export async function hasScoresFromOtherVersions(
  db: Executor,
  tenantId: string,
  version: string,
): Promise<boolean> {
  // two range conditions instead of <>, so the index answers without reading the current ones
  const { rows } = await sql<{ found: number }>`
    select 1 as found from notes
    where tenant_id = ${tenantId} and (scorer_version < ${version} or scorer_version > ${version})
    limit 1`.execute(db);
  return rows.length > 0;
}
