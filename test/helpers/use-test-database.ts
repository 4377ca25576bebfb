// Jest set-up for suites that share one test database per engine; apart from databases.ts, which
// the CLI's build also compiles and so names no jest hook.
import { openTestDatabase, type DatabaseKind, type TestDatabase } from './databases';

/** A database of `kind` for a describe block's tests: opened before them, closed after them. */
export function useTestDatabase(kind: DatabaseKind): TestDatabase {
  let database: TestDatabase | undefined;
  beforeAll(async () => {
    database = await openTestDatabase(kind);
  });
  afterAll(async () => {
    await database?.close();
  });
  const opened = () => {
    if (!database) throw new Error('the test database opens in beforeAll');
    return database;
  };
  return {
    get db() {
      return opened().db;
    },
    get target() {
      return opened().target;
    },
    close: () => opened().close(),
  };
}
