// Opens the database the configuration names (embedded PGlite or a Postgres server) and migrates it.
import { mkdirSync } from 'node:fs';
import { Kysely, Migrator, PostgresDialect, type Transaction } from 'kysely';
import pg from 'pg';
import { lockDataDir } from './data-dir-lock';
import { DEFAULT_POOL_SIZE, FairPool, defaultPerTenant } from './fair-pool';
import { preparedName } from './fixed-statement';
import { migrationProvider } from './migrations';
import { PGliteDialect } from './pglite-dialect';
import type { PGlite as PGliteInstance } from '@electric-sql/pglite';
import type { Database } from './schema';

export type Db = Kysely<Database>;
export type Executor = Kysely<Database> | Transaction<Database>;

export type DatabaseTarget =
  | { kind: 'postgres'; url: string; poolSize?: number; perTenant?: number }
  | { kind: 'pglite'; dataDir?: string; durability?: 'safe' | 'relaxed' };

/** Runs `work` in the caller's transaction, or in a new one when the caller has none. */
export async function inTransaction<T>(
  db: Executor,
  work: (tx: Transaction<Database>) => Promise<T>,
): Promise<T> {
  return db.isTransaction ? work(db as Transaction<Database>) : db.transaction().execute(work);
}

export async function openDatabase(target: DatabaseTarget): Promise<Db> {
  const db = target.kind === 'postgres' ? openPostgres(target) : await openPGlite(target);
  await migrate(db);
  return db;
}

function openPostgres({
  url,
  poolSize = DEFAULT_POOL_SIZE,
  perTenant,
}: {
  url: string;
  poolSize?: number;
  perTenant?: number;
}): Db {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  pool.on('connect', prepareFixedStatements);
  const fair = new FairPool(pool, { size: poolSize, perTenant: perTenant ?? defaultPerTenant(poolSize) });
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool: fair }) });
}

/** Runs fixed statements (fixed-statement.ts) on this connection as named prepared statements. */
function prepareFixedStatements(client: pg.PoolClient): void {
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  client.query = ((text: unknown, ...rest: unknown[]) => {
    const name = typeof text === 'string' ? preparedName(text) : undefined;
    return name === undefined
      ? query(text, ...rest)
      : query({ name, text, values: rest[0] }, ...rest.slice(1));
  }) as typeof client.query;
}

async function openPGlite(target: { dataDir?: string; durability?: 'safe' | 'relaxed' }): Promise<Db> {
  const { PGlite } = await import('@electric-sql/pglite');
  if (!target.dataDir)
    return new Kysely<Database>({
      dialect: new PGliteDialect((await PGlite.create()) as unknown as PGliteInstance),
    });
  mkdirSync(target.dataDir, { recursive: true });
  const unlock = lockDataDir(target.dataDir);
  try {
    const pglite = await PGlite.create({
      dataDir: target.dataDir,
      relaxedDurability: target.durability === 'relaxed',
    });
    return new Kysely<Database>({ dialect: new PGliteDialect(pglite as unknown as PGliteInstance, unlock) });
  } catch (error) {
    unlock();
    throw error;
  }
}

export async function migrate(db: Db): Promise<void> {
  const migrator = new Migrator({ db, provider: migrationProvider });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    throw new Error(
      `database migration ${failed?.migrationName ?? ''} failed: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}
