import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { findTenant } from '../../../service/src/features/tenants';
import { importUsers, usersFromCsv, validateUsers } from '../../../service/src/features/users';
import { AppError } from '../../../service/src/platform/lib/errors';
import { withDatabase } from '../open-db';

/** A rejected file names every bad row, one a line, as the API's 400 does. */
function describe(error: unknown): Error {
  if (!(error instanceof AppError)) return error as Error;
  return new Error([error.message, ...error.details.map((d) => `  ${d.path}: ${d.message}`)].join('\n'));
}

export function registerUsers(program: Command): void {
  const users = program
    .command('users')
    .description('the user hierarchy (who reports to whom) when no Salesforce sync brings it in');

  users
    .command('import <file>')
    .description('upsert users from a CSV file with the columns userId,name,managerId[,active]')
    .requiredOption('--tenant <slug>', 'the tenant')
    .action(async (file: string, options: { tenant: string }) => {
      const text = await readFile(file, 'utf8');
      let valid;
      try {
        valid = validateUsers(usersFromCsv(text));
      } catch (error) {
        throw describe(error);
      }
      const done = await withDatabase(async (db) => {
        const tenant = await findTenant(db, options.tenant);
        if (!tenant) throw new Error(`no tenant "${options.tenant}"`);
        return db.transaction().execute((tx) => importUsers(tx, tenant.id, valid));
      });
      process.stdout.write(`imported ${done.imported} users: ${done.created} new, ${done.updated} updated\n`);
    });
}
