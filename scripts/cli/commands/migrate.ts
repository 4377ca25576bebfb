import type { Command } from 'commander';
import { sql } from 'kysely';
import { withDatabase } from '../open-db';

export function registerMigrate(program: Command): void {
  program
    .command('migrate')
    .description(
      'bring the database to the latest schema and exit (the deploy step before rolling instances)',
    )
    .action(async () => {
      // opening the database runs the migrations, under the migrator's lock
      const latest = await withDatabase(async (db) => {
        const { rows } = await sql<{ name: string }>`
          select name from kysely_migration order by name desc limit 1`.execute(db);
        return rows[0]?.name;
      });
      process.stdout.write(`database schema is at ${latest}\n`);
    });
}
