// Records the SQL that the migrations of past commits ran on an empty database, so the
// schema-history test can rebuild a database "as migrated back then" without reading git or
// running old application code at test time. The migrations of a commit are copied out of git
// into a scratch folder, each `up` runs against an in-memory PGlite, and every statement it sent is
// written to a fixture file named by its content, shared by the commits that ran the same SQL.
//
//   npx tsx scripts/migrations/capture-history.ts <commit>...
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, type MigrationProvider } from 'kysely';
import { PGliteDialect } from '../../service/src/platform/database/pglite-dialect';
import { STATEMENT_SEPARATOR } from './statements';

const ROOT = path.resolve(__dirname, '../..');
const MIGRATIONS = 'service/src/platform/database/migrations';
const SCRATCH = path.join(ROOT, '.scratch/migration-history');
const HISTORY = path.join(ROOT, 'test/storage/schema-history');

interface Checkpoint {
  commit: string;
  subject: string;
  /** migration name → fixture file (under HISTORY/sql) holding the statements it ran */
  migrations: Record<string, string>;
}

async function capture(commit: string): Promise<Checkpoint> {
  const dir = path.join(SCRATCH, commit);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const archive = execFileSync('git', ['archive', commit, MIGRATIONS], { cwd: ROOT });
  execFileSync('tar', ['-x', '-C', dir], { input: archive });
  const { migrationProvider } = (await import(path.join(dir, MIGRATIONS, 'index.ts'))) as {
    migrationProvider: MigrationProvider;
  };
  const migrations = await migrationProvider.getMigrations();

  let sent: string[] = [];
  const db = new Kysely({
    dialect: new PGliteDialect(await PGlite.create()),
    log(event) {
      if (event.query.parameters.length > 0)
        throw new Error(`a statement with parameters cannot be frozen: ${event.query.sql}`);
      sent.push(event.query.sql.trim());
    },
  });
  const files: Record<string, string> = {};
  try {
    for (const name of Object.keys(migrations).sort()) {
      sent = [];
      await migrations[name]!.up(db);
      const text = sent.join(`\n${STATEMENT_SEPARATOR}\n`) + '\n';
      const file = `${name}.${createHash('sha256').update(text).digest('hex').slice(0, 10)}.sql`;
      writeFileSync(path.join(HISTORY, 'sql', file), text);
      files[name] = file;
    }
  } finally {
    await db.destroy();
    rmSync(dir, { recursive: true, force: true });
  }
  const subject = execFileSync('git', ['log', '-1', '--format=%s', commit], { cwd: ROOT }).toString().trim();
  return { commit: commit.slice(0, 7), subject, migrations: files };
}

async function main(commits: string[]): Promise<void> {
  mkdirSync(path.join(HISTORY, 'sql'), { recursive: true });
  const index = path.join(HISTORY, 'checkpoints.json');
  let checkpoints: Checkpoint[] = [];
  try {
    checkpoints = JSON.parse(readFileSync(index, 'utf8')) as Checkpoint[];
  } catch {
    // first capture
  }
  for (const commit of commits) {
    const checkpoint = await capture(commit);
    checkpoints = [...checkpoints.filter((c) => c.commit !== checkpoint.commit), checkpoint];
    console.log(`${checkpoint.commit}: ${Object.keys(checkpoint.migrations).join(', ')}`);
  }
  writeFileSync(index, JSON.stringify(checkpoints, null, 2) + '\n');
}

if (require.main === module) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
