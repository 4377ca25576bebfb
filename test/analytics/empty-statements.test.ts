// Statement triggers fire even for a statement that changed no row (an upsert of an unchanged deal
// context fires both the insert and the update triggers). Migration 0008 makes every function behind
// a trigger with transition tables return at once then; a function a later migration rewrites
// without `skipWhenEmpty` would lose it, which this suite catches.
import { emptyStatementGuard } from '../../service/src/storage/migrations/0005-analytics-aggregates';
import { transitionTriggerFunctions } from '../../service/src/storage/migrations/0008-skip-empty-statements';
import { DATABASE_KINDS, openTestDatabase, type TestDatabase } from '../helpers/databases';

describe.each(DATABASE_KINDS)('statement triggers on %s', (kind) => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await openTestDatabase(kind);
  });
  afterAll(async () => {
    await database.close();
  });

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
