// Statement-level triggers fire once per statement even when it changed no row: an upsert whose
// conflict update finds nothing to change (a deal's context sent again with every note and panel
// load) fires the insert and the update triggers of opportunities, and each ran its aggregate
// statements over empty transition tables (≈ 0.45 ms of the 1 ms such an upsert cost, measured on
// a 30k-note org). Every function behind a trigger with transition tables now returns at once when
// its statement changed nothing. The guard is added to the functions' current source, so it holds
// whichever earlier migration wrote them last; a later migration that rewrites one passes
// `skipWhenEmpty` to createFunction.
import { sql, type Kysely } from 'kysely';
import { emptyStatementGuard } from './0005-analytics-aggregates';

/** Every function behind a trigger with transition tables: its source, and the tables it reads. */
export async function transitionTriggerFunctions(
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  db: Kysely<any>,
): Promise<{ name: string; source: string; tables: string[] }[]> {
  const { rows } = await sql<{ name: string; source: string; tables: string[] }>`
    select p.proname as name, p.prosrc as source,
      array_agg(distinct coalesce(t.tgnewtable, t.tgoldtable)::text) as tables
    from pg_trigger t join pg_proc p on p.oid = t.tgfoid
    where not t.tgisinternal and (t.tgnewtable is not null or t.tgoldtable is not null)
    group by p.proname, p.prosrc order by p.proname`.execute(db);
  return rows;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  const rows = await transitionTriggerFunctions(db);
  for (const { name, source, tables } of rows) {
    const begin = /^\s*begin\b/i.exec(source);
    // a function shared by triggers with different transition tables, or written another way,
    // would need its own guard: stop rather than guess
    if (!begin || tables.length !== 1)
      throw new Error(
        `cannot add the empty-statement guard to ${name}() (${tables.join(', ')}): ${source.slice(0, 60)}`,
      );
    const guarded = `begin ${emptyStatementGuard(tables[0]!)} ${source.slice(begin[0].length)}`;
    await sql
      .raw(`create or replace function ${name}() returns trigger language plpgsql as $fn$${guarded}$fn$`)
      .execute(db);
  }
}
