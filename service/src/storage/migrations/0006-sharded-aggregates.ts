// Concurrent note writes in one tenant queued on its tenant-wide counter rows (today's
// analytics_tenant_daily row, a popular prompt's analytics_prompt_raises rows), each locked until the
// writer's commit. Each key now has a row per shard of authors; readers sum the shards. Rows written
// before this migration stay in shard 0, which the sums count like any other shard.
import { sql, type Kysely } from 'kysely';
import { RAISE_KEYS, createFunction, tenantCounterFunctions } from './0005-analytics-aggregates';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table analytics_tenant_daily add column shard smallint not null default 0,
    drop constraint analytics_tenant_daily_pk,
    add constraint analytics_tenant_daily_pk primary key (tenant_id, day, shard)`.execute(db);
  await sql`alter table analytics_prompt_raises add column shard smallint not null default 0`.execute(db);
  await sql`drop index analytics_prompt_raises_key`.execute(db);
  await sql
    .raw(
      `create unique index analytics_prompt_raises_key on analytics_prompt_raises (${[...RAISE_KEYS, 'shard'].join(', ')}) nulls not distinct`,
    )
    .execute(db);
  for (const [name, body] of Object.entries(tenantCounterFunctions({ sharded: true }))) {
    await createFunction(db, name, body, { replace: true });
  }
}
