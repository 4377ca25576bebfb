// Each repository/integration suite runs against both engines: embedded PGlite (in memory) and a
// fresh database on the throwaway Postgres server that global-setup started.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type Db, type DatabaseTarget } from '../../service/src/platform/database/database';

export const DATABASE_KINDS = ['pglite', 'postgres'] as const;
export type DatabaseKind = (typeof DATABASE_KINDS)[number];

export interface TestDatabase {
  db: Db;
  target: DatabaseTarget;
  close(): Promise<void>;
}

export async function createPostgresDatabase(): Promise<string> {
  const adminUrl = process.env.TEST_POSTGRES_URL;
  if (!adminUrl) throw new Error('TEST_POSTGRES_URL is not set: run through jest.service.config.cjs');
  const name = `t_${randomBytes(6).toString('hex')}`;
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`create database ${name}`);
  } finally {
    await client.end();
  }
  return adminUrl.replace(/\/postgres$/, `/${name}`);
}

export async function targetFor(kind: DatabaseKind): Promise<DatabaseTarget> {
  return kind === 'pglite' ? { kind: 'pglite' } : { kind: 'postgres', url: await createPostgresDatabase() };
}

export async function openTestDatabase(kind: DatabaseKind): Promise<TestDatabase> {
  const target = await targetFor(kind);
  const db = await openDatabase(target);
  return { db, target, close: () => db.destroy() };
}
