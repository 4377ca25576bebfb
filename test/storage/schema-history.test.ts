// Migrations are frozen: a database created today and one migrated at an earlier commit, then
// upgraded, must have the same schema. The earlier databases are rebuilt from the SQL those
// commits' migrations ran (captured once into schema-history/, see docs/migrations.md), then the
// current migrations they had not run are applied, as the migrator does on an upgrade. Schemas are
// compared as pg_dump prints them: the server's pg_dump on Postgres, the WASM pg_dump of
// @electric-sql/pglite-tools on PGlite.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pgDump } from '@electric-sql/pglite-tools/pg_dump';
import { Kysely, Migrator, PostgresDialect, sql, type Migration } from 'kysely';
import pg from 'pg';
import { analyticsTriggerFunctions, emptyStatementGuard } from '../../scripts/migrations/analytics-triggers';
import { splitStatements } from '../../scripts/migrations/statements';
import { frozen, migrationProvider } from '../../service/src/platform/database/migrations';
import { PGliteDialect } from '../../service/src/platform/database/pglite-dialect';
import { createPostgresDatabase, DATABASE_KINDS, type DatabaseKind } from '../helpers/databases';

const HISTORY = path.join(__dirname, 'schema-history');
const MIGRATIONS = path.join(__dirname, '../../service/src/platform/database/migrations');

interface Checkpoint {
  commit: string;
  subject: string;
  migrations: Record<string, string>;
}
const checkpoints = JSON.parse(readFileSync(path.join(HISTORY, 'checkpoints.json'), 'utf8')) as Checkpoint[];

function historicalMigrations(checkpoint: Checkpoint): Record<string, Migration> {
  return Object.fromEntries(
    Object.entries(checkpoint.migrations).map(([name, file]) => [
      name,
      frozen({ statements: splitStatements(readFileSync(path.join(HISTORY, 'sql', file), 'utf8')) }),
    ]),
  );
}

/** pg_dump's text without what differs between two dumps of one schema: comments, session settings,
 * the random key of \restrict, and runs of blanks (function bodies written at different times by
 * generated SQL differ in indentation only). */
function normalise(dump: string): string {
  return dump
    .split('\n')
    .map((line) => line.replace(/[ \t]+/g, ' ').trim())
    .filter((line) => line && !/^(--|SET |SELECT pg_catalog\.set_config|\\restrict|\\unrestrict)/.test(line))
    .join('\n');
}

/** pg_dump of the Postgres binaries the test server runs (beside initdb). */
function pgDumpBinary(): string {
  for (const dir of ['/usr/local/bin', '/usr/lib/postgresql/15/bin']) {
    try {
      return path.join(path.dirname(realpathSync(path.join(dir, 'initdb'))), 'pg_dump');
    } catch {
      // not installed there
    }
  }
  throw new Error('initdb not found: install postgresql-15 (see .ci/run)');
}

interface Built {
  db: Kysely<unknown>;
  dump(): Promise<string>;
}

/** An empty database of `kind`, migrated with `migrations`. */
async function build(kind: DatabaseKind, migrations: Record<string, Migration>): Promise<Built> {
  let built: Built;
  if (kind === 'pglite') {
    const pglite = await PGlite.create();
    const db = new Kysely<unknown>({ dialect: new PGliteDialect(pglite) });
    const args = ['--schema-only', '--no-owner', '--no-privileges'];
    built = { db, dump: async () => (await pgDump({ pg: pglite, args })).text() };
  } else {
    const url = await createPostgresDatabase();
    const db = new Kysely<unknown>({
      dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: url, max: 1 }) }),
    });
    const args = ['--schema-only', '--no-owner', '--no-privileges', url];
    built = { db, dump: async () => execFileSync(pgDumpBinary(), args).toString() };
  }
  const { error, results } = await new Migrator({
    db: built.db,
    provider: { getMigrations: async () => migrations },
  }).migrateToLatest();
  if (error)
    throw new Error(`${results?.find((r) => r.status === 'Error')?.migrationName}: ${String(error)}`);
  return built;
}

const BUILD_TIMEOUT = 240_000;

test('when the frozen migrations are read, then none imports anything', () => {
  const files = readdirSync(MIGRATIONS).filter((f) => /^\d{4}-.*\.ts$/.test(f));
  expect(files.length).toBeGreaterThanOrEqual(11);
  const importing = files.filter((f) =>
    /^\s*import\b|\brequire\(|\bimport\(/m.test(readFileSync(path.join(MIGRATIONS, f), 'utf8')),
  );
  expect(importing).toEqual([]);
});

describe.each(DATABASE_KINDS)('schema history on %s', (kind) => {
  let current: Record<string, Migration>;
  let fresh: Built;
  let freshSchema: string;

  beforeAll(async () => {
    current = await migrationProvider.getMigrations();
    fresh = await build(kind, current);
    freshSchema = normalise(await fresh.dump());
  }, BUILD_TIMEOUT);
  afterAll(async () => {
    await fresh?.db.destroy();
  });

  test.each(checkpoints.map((c) => [c.commit, c.subject, c] as const))(
    'when a database migrated at %s (%s) upgrades, then its schema equals a new database',
    async (_commit, _subject, checkpoint) => {
      const names = Object.keys(checkpoint.migrations).sort();
      // the upgrade runs the current migrations it has not run: what it ran must come first
      expect(Object.keys(current).sort().slice(0, names.length)).toEqual(names);
      const upgraded = await build(kind, { ...current, ...historicalMigrations(checkpoint) });
      try {
        expect(normalise(await upgraded.dump())).toBe(freshSchema);
      } finally {
        await upgraded.db.destroy();
      }
    },
    BUILD_TIMEOUT,
  );

  test('when the trigger generator is read, then it describes the functions a new database has', async () => {
    const functions = Object.entries(analyticsTriggerFunctions());
    expect(functions.length).toBeGreaterThanOrEqual(19);
    const { rows } = await sql<{ name: string; source: string }>`
      select proname as name, prosrc as source from pg_proc
      where proname in (${sql.join(functions.map(([name]) => name))})`.execute(fresh.db);
    const squash = (text: string) => text.replace(/\s+/g, ' ').trim();
    const actual = Object.fromEntries(rows.map((r) => [r.name, squash(r.source)]));
    const expected = Object.fromEntries(
      functions.map(([name, { body, table }]) => [
        name,
        squash(`begin ${emptyStatementGuard(table)} ${body} end`),
      ]),
    );
    expect(actual).toEqual(expected);
  });
});
