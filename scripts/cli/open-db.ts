// Commands that work on the data directly open the database the service's configuration names.
import { loadConfig } from '../../service/src/config';
import { openDatabase, type Db } from '../../service/src/platform/database/database';

export async function withDatabase<T>(work: (db: Db) => Promise<T>): Promise<T> {
  const { database } = loadConfig();
  const db = await openDatabase(
    database.kind === 'postgres'
      ? { kind: 'postgres', url: database.url }
      : { kind: 'pglite', dataDir: database.dataDir, durability: database.durability },
  );
  try {
    return await work(db);
  } finally {
    await db.destroy();
  }
}
