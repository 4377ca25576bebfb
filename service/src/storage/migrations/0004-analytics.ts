// Analytics at a large org's scale: indexes for the dashboard's scans, and two rollups of notes
// (per author and day; per opportunity) that statement-level triggers keep exact on every insert,
// edit, delete and bulk rescore, so the dashboard never aggregates a million score documents.
import { sql, type Kysely } from 'kysely';

/** Score dimensions: the rollup column and the key in the stored score's `dimensions`. */
const DIMENSIONS = {
  provocation: 'provocation',
  customer_view: 'customerView',
  collaboration: 'collaboration',
  business_focus: 'businessFocus',
  next_step: 'nextStep',
};

interface Rollup {
  table: string;
  keys: Record<string, string>; // column → expression over a note row
  sums: Record<string, string>; // column → expression over a note row
}

const OVERALL = { overall_sum: 'overall' };
const ROLLUPS: Rollup[] = [
  {
    table: 'analytics_daily',
    keys: { author_id: 'author_id', day: 'occurred_at::date' },
    sums: {
      ...OVERALL,
      ...Object.fromEntries(
        Object.entries(DIMENSIONS).map(([column, key]) => [
          `${column}_sum`,
          `(score->'dimensions'->>'${key}')::float8`,
        ]),
      ),
    },
  },
  { table: 'analytics_opportunities', keys: { opportunity_id: 'opportunity_id' }, sums: OVERALL },
];

/** Adds the signed note rows of `source` (sign +1 added, -1 removed) into a rollup's counters. */
function applyDelta(rollup: Rollup, source: string): string {
  const keys = Object.keys(rollup.keys);
  const keyValues = Object.values(rollup.keys);
  const counters = ['note_count', 'scored_count', ...Object.keys(rollup.sums)];
  const values = [
    'sum(sign)',
    'sum(sign * (overall is not null)::int)',
    ...Object.values(rollup.sums).map((expr) => `coalesce(sum(sign * ${expr}), 0)`),
  ];
  // rows in key order, so concurrent statements lock rollup rows in the same order
  return `
    with changed as (${source})
    insert into ${rollup.table} as a (tenant_id, ${[...keys, ...counters].join(', ')})
    select tenant_id, ${[...keyValues, ...values].join(', ')}
    from changed group by tenant_id, ${keyValues.join(', ')}
    order by tenant_id, ${keyValues.join(', ')}
    on conflict (tenant_id, ${keys.join(', ')}) do update set
      ${counters.map((c) => `${c} = a.${c} + excluded.${c}`).join(', ')};`;
}

const SOURCES = {
  insert: 'select *, 1 as sign from new_rows',
  delete: 'select *, -1 as sign from old_rows',
  update: 'select *, 1 as sign from new_rows union all select *, -1 as sign from old_rows',
} as const;
const TRANSITIONS = {
  insert: 'new table as new_rows',
  delete: 'old table as old_rows',
  update: 'old table as old_rows new table as new_rows',
} as const;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  // no foreign key to tenants: the rows change only through the triggers on notes, which a
  // tenant's cascading delete fires as well
  await db.schema
    .createTable('analytics_daily')
    .addColumn('tenant_id', 'uuid', (c) => c.notNull())
    .addColumn('author_id', 'text', (c) => c.notNull())
    .addColumn('day', 'date', (c) => c.notNull())
    .addColumn('note_count', 'integer', (c) => c.notNull())
    .addColumn('scored_count', 'integer', (c) => c.notNull())
    .$call((t) =>
      Object.keys(ROLLUPS[0]!.sums).reduce(
        (table, column) => table.addColumn(column, 'float8', (c) => c.notNull()),
        t,
      ),
    )
    .addPrimaryKeyConstraint('analytics_daily_pk', ['tenant_id', 'author_id', 'day'])
    .execute();
  await db.schema
    .createIndex('analytics_daily_by_day')
    .on('analytics_daily')
    .columns(['tenant_id', 'day'])
    .execute();

  await db.schema
    .createTable('analytics_opportunities')
    .addColumn('tenant_id', 'uuid', (c) => c.notNull())
    .addColumn('opportunity_id', 'text', (c) => c.notNull())
    .addColumn('note_count', 'integer', (c) => c.notNull())
    .addColumn('scored_count', 'integer', (c) => c.notNull())
    .addColumn('overall_sum', 'float8', (c) => c.notNull())
    .addPrimaryKeyConstraint('analytics_opportunities_pk', ['tenant_id', 'opportunity_id'])
    .execute();

  for (const op of Object.keys(SOURCES) as (keyof typeof SOURCES)[]) {
    const body = ROLLUPS.map((r) => applyDelta(r, SOURCES[op])).join('\n');
    await sql
      .raw(
        `create function analytics_notes_${op}() returns trigger language plpgsql as $fn$
         begin ${body} return null; end $fn$`,
      )
      .execute(db);
    // per statement, not per row: a bulk rescore of thousands of notes is one aggregate upsert
    await sql
      .raw(
        `create trigger analytics_notes_${op} after ${op} on notes referencing ${TRANSITIONS[op]}
         for each statement execute function analytics_notes_${op}()`,
      )
      .execute(db);
  }
  // notes stored before this migration
  for (const rollup of ROLLUPS) {
    await sql.raw(applyDelta(rollup, 'select *, 1 as sign from notes')).execute(db);
  }

  // coverage (scored notes of the last N days) and drill-down paging read notes by day
  await sql`create index notes_by_day on notes (tenant_id, occurred_at, id) include (opportunity_id, author_id, overall)`.execute(
    db,
  );
  await sql`create index notes_by_author_day on notes (tenant_id, author_id, occurred_at, id)`.execute(db);
  await db.schema
    .createIndex('opportunities_by_owner')
    .on('opportunities')
    .columns(['tenant_id', 'owner_id'])
    .execute();
  await db.schema
    .createIndex('opportunities_by_account')
    .on('opportunities')
    .columns(['tenant_id', 'account_name'])
    .execute();
}
