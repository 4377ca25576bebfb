// Salesforce sync: one connection per tenant (secrets encrypted), the roll-up outbox, sync
// watermarks and schedules, and the API usage the org last reported.
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('salesforce_connections')
    .addColumn('tenant_id', 'uuid', (c) => c.primaryKey().references('tenants.id').onDelete('cascade'))
    .addColumn('login_url', 'text', (c) => c.notNull())
    .addColumn('instance_url', 'text')
    .addColumn('api_version', 'text', (c) => c.notNull())
    .addColumn('auth_flow', 'text', (c) =>
      c.notNull().check(sql`auth_flow in ('jwt', 'client_credentials', 'password')`),
    )
    .addColumn('client_id', 'text', (c) => c.notNull())
    .addColumn('username', 'text')
    // AES-256-GCM over the JSON of the flow's secrets (private key, client secret, password)
    .addColumn('secrets', 'text', (c) => c.notNull())
    .addColumn('budget_share', 'double precision', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  // one row per opportunity: repeated changes coalesce into it by bumping `version`
  await db.schema
    .createTable('salesforce_outbox')
    .addColumn('tenant_id', 'uuid', (c) => c.notNull().references('tenants.id').onDelete('cascade'))
    .addColumn('opportunity_id', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('pending', 'parked')`))
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('leased_until', 'timestamptz')
    .addColumn('lease_owner', 'text')
    .addColumn('leased_version', 'integer')
    // a send whose outcome is unknown (lease expired, timeout): read back before sending again
    .addColumn('in_doubt', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('last_error', 'text')
    .addColumn('enqueued_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('salesforce_outbox_pk', ['tenant_id', 'opportunity_id'])
    .execute();
  await db.schema
    .createIndex('salesforce_outbox_due')
    .on('salesforce_outbox')
    .columns(['tenant_id', 'status', 'next_attempt_at'])
    .execute();

  await db.schema
    .createTable('salesforce_sync_schedules')
    .addColumn('tenant_id', 'uuid', (c) => c.primaryKey().references('tenants.id').onDelete('cascade'))
    .addColumn('interval_minutes', 'integer', (c) => c.notNull())
    .addColumn('next_run_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('leased_until', 'timestamptz')
    .addColumn('lease_owner', 'text')
    .addColumn('last_run_at', 'timestamptz')
    .addColumn('last_error', 'text')
    .execute();

  await db.schema
    .createTable('salesforce_watermarks')
    .addColumn('tenant_id', 'uuid', (c) => c.notNull().references('tenants.id').onDelete('cascade'))
    .addColumn('sobject', 'text', (c) => c.notNull())
    .addColumn('system_modstamp', 'text', (c) => c.notNull())
    .addColumn('records_synced', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('salesforce_watermarks_pk', ['tenant_id', 'sobject'])
    .execute();

  await db.schema
    .createTable('salesforce_api_usage')
    .addColumn('tenant_id', 'uuid', (c) => c.primaryKey().references('tenants.id').onDelete('cascade'))
    .addColumn('used', 'integer', (c) => c.notNull())
    .addColumn('daily_limit', 'integer', (c) => c.notNull())
    .addColumn('observed_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    // set after REQUEST_LIMIT_EXCEEDED or 503: no background calls until then
    .addColumn('throttled_until', 'timestamptz')
    .addColumn('throttle_reason', 'text')
    .execute();

  // our own calls per hour: the budget is a share of the daily allocation over a rolling 24 hours
  await db.schema
    .createTable('salesforce_api_calls')
    .addColumn('tenant_id', 'uuid', (c) => c.notNull().references('tenants.id').onDelete('cascade'))
    .addColumn('hour', 'timestamptz', (c) => c.notNull())
    .addColumn('calls', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('salesforce_api_calls_pk', ['tenant_id', 'hour'])
    .execute();
}
