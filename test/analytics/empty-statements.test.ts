// Statement triggers fire even for a statement that changed no row (an upsert of an unchanged deal
// context fires both the insert and the update triggers). Migration 0008 makes every function behind
// a trigger with transition tables return at once then; a function a later migration rewrites
// without the guard would lose it, which this suite catches.
import { sql } from 'kysely';
import { emptyStatementGuard } from '../../scripts/migrations/analytics-triggers';
import type { Db } from '../../service/src/platform/database/database';
import { DATABASE_KINDS } from '../helpers/databases';
import { useTestDatabase } from '../helpers/use-test-database';

/** Every function behind a trigger with transition tables: its source, and the tables it reads. */
async function transitionTriggerFunctions(db: Db) {
  const { rows } = await sql<{ name: string; source: string; tables: string[] }>`
    select p.proname as name, p.prosrc as source,
      array_agg(distinct coalesce(t.tgnewtable, t.tgoldtable)::text) as tables
    from pg_trigger t join pg_proc p on p.oid = t.tgfoid
    where not t.tgisinternal and (t.tgnewtable is not null or t.tgoldtable is not null)
    group by p.proname, p.prosrc order by p.proname`.execute(db);
  return rows;
}

describe.each(DATABASE_KINDS)('statement triggers on %s', (kind) => {
  const database = useTestDatabase(kind);

  test('when a statement changed no row, then every trigger function with transition tables returns at once', async () => {
    const rows = await transitionTriggerFunctions(database.db);
    // notes, note_prompts, opportunities and the daily rollup: insert, update and delete each
    expect(rows.length).toBeGreaterThanOrEqual(12);
    const unguarded = rows
      .filter(({ source, tables }) => {
        const guard = `begin ${emptyStatementGuard(tables[0]!)}`;
        return tables.length !== 1 || !source.trim().startsWith(guard);
      })
      .map((r) => r.name);
    expect(unguarded).toEqual([]);
  });
});
