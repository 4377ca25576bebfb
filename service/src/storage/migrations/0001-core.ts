// Tenants, keys, settings, opportunities, prompt sets, notes, idempotency and jobs.
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('tenants')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('api_keys')
    .addColumn('tenant_id', 'uuid', (c) => c.notNull().references('tenants.id').onDelete('cascade'))
    .addColumn('id', 'uuid', (c) => c.notNull())
    .addColumn('key_hash', 'text', (c) => c.notNull().unique())
    .addColumn('hint', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('revoked_at', 'timestamptz')
    .addPrimaryKeyConstraint('api_keys_pk', ['tenant_id', 'id'])
    .execute();

  await db.schema
    .createTable('tenant_settings')
    .addColumn('tenant_id', 'uuid', (c) => c.primaryKey().references('tenants.id').onDelete('cascade'))
    .addColumn('industries', 'jsonb', (c) => c.notNull())
    .addColumn('stage_phases', 'jsonb', (c) => c.notNull())
    .addColumn('weights', 'jsonb', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('opportunities')
    .addColumn('tenant_id', 'uuid', (c) => c.notNull().references('tenants.id').onDelete('cascade'))
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('name', 'text')
    .addColumn('stage', 'text')
    .addColumn('amount', 'double precision')
    .addColumn('close_date', 'text')
    .addColumn('record_type', 'text')
    .addColumn('account_name', 'text')
    .addColumn('industry', 'text')
    .addColumn('is_closed', 'boolean')
    .addColumn('is_won', 'boolean')
    .addColumn('owner_id', 'text')
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('opportunities_pk', ['tenant_id', 'id'])
    .execute();

  await db.schema
    .createTable('prompt_sets')
    .addColumn('tenant_id', 'uuid', (c) => c.notNull().references('tenants.id').onDelete('cascade'))
    .addColumn('id', 'uuid', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('prompt_sets_pk', ['tenant_id', 'id'])
    .execute();

  await db.schema
    .createTable('prompt_set_versions')
    .addColumn('tenant_id', 'uuid', (c) => c.notNull())
    .addColumn('set_id', 'uuid', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('draft', 'published', 'retired')`))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('published_at', 'timestamptz')
    .addColumn('retired_at', 'timestamptz')
    .addPrimaryKeyConstraint('prompt_set_versions_pk', ['tenant_id', 'set_id', 'version'])
    .addForeignKeyConstraint('prompt_set_versions_set_fk', ['tenant_id', 'set_id'], 'prompt_sets', [
      'tenant_id',
      'id',
    ])
    .execute();

  await db.schema
    .createTable('prompts')
    .addColumn('tenant_id', 'uuid', (c) => c.notNull())
    .addColumn('id', 'uuid', (c) => c.notNull())
    .addColumn('set_id', 'uuid', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('provocation', 'text', (c) => c.notNull())
    .addColumn('follow_up', 'text', (c) => c.notNull())
    .addColumn('rationale', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('expires_on', 'text')
    .addColumn('targeting', 'jsonb', (c) => c.notNull())
    .addPrimaryKeyConstraint('prompts_pk', ['tenant_id', 'id'])
    .addUniqueConstraint('prompts_version_key_unique', ['tenant_id', 'set_id', 'version', 'key'])
    .addForeignKeyConstraint(
      'prompts_version_fk',
      ['tenant_id', 'set_id', 'version'],
      'prompt_set_versions',
      ['tenant_id', 'set_id', 'version'],
      (fk) => fk.onDelete('cascade'),
    )
    .execute();

  await db.schema
    .createTable('notes')
    .addColumn('tenant_id', 'uuid', (c) => c.notNull().references('tenants.id').onDelete('cascade'))
    .addColumn('id', 'uuid', (c) => c.notNull())
    .addColumn('opportunity_id', 'text', (c) => c.notNull())
    .addColumn('author_id', 'text', (c) => c.notNull())
    .addColumn('occurred_at', 'text', (c) => c.notNull())
    // the deal's stage when the conversation was logged: analytics measures progression from it
    .addColumn('opportunity_stage', 'text')
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('customer_view', 'text')
    .addColumn('ideas', 'text')
    .addColumn('next_step', 'text')
    .addColumn('next_step_date', 'text')
    .addColumn('prompts', 'jsonb', (c) => c.notNull())
    .addColumn('score', 'jsonb')
    .addColumn('overall', 'integer')
    .addColumn('scorer_version', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('notes_pk', ['tenant_id', 'id'])
    .execute();
  await db.schema
    .createIndex('notes_by_opportunity')
    .on('notes')
    .columns(['tenant_id', 'opportunity_id', 'created_at desc', 'id desc'])
    .execute();

  await db.schema
    .createTable('note_prompts')
    .addColumn('tenant_id', 'uuid', (c) => c.notNull())
    .addColumn('note_id', 'uuid', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('prompt_id', 'uuid')
    .addColumn('prompt_key', 'text')
    .addColumn('set_id', 'uuid')
    .addColumn('version', 'integer')
    .addColumn('text', 'text')
    .addColumn('reaction', 'text')
    .addPrimaryKeyConstraint('note_prompts_pk', ['tenant_id', 'note_id', 'position'])
    .addForeignKeyConstraint(
      'note_prompts_note_fk',
      ['tenant_id', 'note_id'],
      'notes',
      ['tenant_id', 'id'],
      (fk) => fk.onDelete('cascade'),
    )
    .execute();
  await db.schema
    .createIndex('note_prompts_by_key')
    .on('note_prompts')
    .columns(['tenant_id', 'prompt_key'])
    .execute();

  await db.schema
    .createTable('idempotency_keys')
    .addColumn('tenant_id', 'uuid', (c) => c.notNull().references('tenants.id').onDelete('cascade'))
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('request_hash', 'text', (c) => c.notNull())
    .addColumn('status_code', 'integer')
    .addColumn('body', 'jsonb')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('idempotency_keys_pk', ['tenant_id', 'key'])
    .execute();
  await db.schema
    .createIndex('idempotency_keys_by_age')
    .on('idempotency_keys')
    .column('created_at')
    .execute();

  await db.schema
    .createTable('jobs')
    .addColumn('tenant_id', 'uuid', (c) => c.notNull().references('tenants.id').onDelete('cascade'))
    .addColumn('id', 'uuid', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('done', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('total', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('error', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('jobs_pk', ['tenant_id', 'id'])
    .execute();
}
