import { readFile, writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import type { Actor } from '../../../service/src/platform/actor';
import {
  createDraft,
  createSet,
  getSet,
  getVersion,
  readImportFile,
  toCsvFile,
  toJsonFile,
} from '../../../service/src/features/prompt-sets';
import { findTenant } from '../../../service/src/features/tenants';
import { withDatabase } from '../open-db';
import type { Db } from '../../../service/src/platform/database/database';

const formatOf = (file: string, explicit?: string) =>
  (explicit ?? (file.endsWith('.csv') ? 'csv' : 'json')) as 'csv' | 'json';

async function opsActor(db: Db, slug: string): Promise<Actor> {
  const tenant = await findTenant(db, slug);
  if (!tenant) throw new Error(`no tenant "${slug}"`);
  return { tenantId: tenant.id, userId: 'cli', role: 'salesops' };
}

export function registerPrompts(program: Command): void {
  const prompts = program.command('prompts').description('import and export prompt sets (JSON or CSV)');

  prompts
    .command('import <file>')
    .description('import a file as a new prompt set (draft), or as a new draft of --set')
    .requiredOption('--tenant <slug>', 'the tenant')
    .option('--set <setId>', 'add the file as a new draft version of this set')
    .option('--format <format>', 'json or csv (default: from the file extension)')
    .action(async (file: string, options: { tenant: string; set?: string; format?: string }) => {
      const text = await readFile(file, 'utf8');
      const format = formatOf(file, options.format);
      // a CSV file without a setName column is named for the file
      const draft = readImportFile({
        format,
        content: format === 'csv' ? text : JSON.parse(text),
        fallbackName: file,
      });
      await withDatabase(async (db) => {
        const actor = await opsActor(db, options.tenant);
        const created = await db
          .transaction()
          .execute(async (tx): Promise<object> =>
            options.set ? createDraft(tx, actor, options.set, draft) : createSet(tx, actor, draft),
          );
        process.stdout.write(`imported ${draft.prompts.length} prompts: ${JSON.stringify(created)}\n`);
      });
    });

  prompts
    .command('export <setId> [file]')
    .description('export a version of a set (default: its latest) to FILE or standard output')
    .requiredOption('--tenant <slug>', 'the tenant')
    .option('--version <n>', 'version number')
    .option('--format <format>', 'json or csv (default: from the file extension, else json)')
    .action(
      async (
        setId: string,
        file: string | undefined,
        options: { tenant: string; version?: string; format?: string },
      ) => {
        await withDatabase(async (db) => {
          const actor = await opsActor(db, options.tenant);
          const set = await getSet(db, actor, setId);
          const versionNumber = options.version ? Number(options.version) : set.versions.at(-1)?.version;
          if (!versionNumber) throw new Error('the set has no versions');
          const version = await getVersion(db, actor, setId, versionNumber);
          const text =
            formatOf(file ?? '', options.format) === 'csv'
              ? toCsvFile(version.prompts, version.name)
              : toJsonFile(version);
          if (file) await writeFile(file, text);
          else process.stdout.write(text);
        });
      },
    );
}
