import type { Command } from 'commander';
import { createTenant, listTenants, rotateKey } from '../../../service/src/features/tenants';
import { withDatabase } from '../open-db';

const print = (line: string) => process.stdout.write(`${line}\n`);

export function registerTenant(program: Command): void {
  const tenant = program
    .command('tenant')
    .description('manage tenants (one per Salesforce org) and their API keys');

  tenant
    .command('create <slug>')
    .description('create a tenant with the default prompt library; prints its API key once')
    .option('--name <name>', 'display name (defaults to the slug)')
    .option('--no-default-library', 'start with no prompt sets')
    .action(async (slug: string, options: { name?: string; defaultLibrary: boolean }) => {
      const created = await withDatabase((db) =>
        createTenant(db, { slug, name: options.name ?? slug, withDefaultLibrary: options.defaultLibrary }),
      );
      print(`tenant ${created.tenant.slug} created (${created.tenant.id})`);
      print(`API key (shown once, store it in the org's External Credential): ${created.apiKey}`);
    });

  tenant
    .command('rotate-key <slug>')
    .description("revoke the tenant's keys and issue a new one; prints it once")
    .action(async (slug: string) => {
      const rotated = await withDatabase((db) => rotateKey(db, slug));
      print(`new API key for ${slug} (shown once; the old key no longer works): ${rotated.apiKey}`);
    });

  tenant
    .command('list')
    .description('list tenants')
    .option('--json', 'machine-readable output')
    .action(async (options: { json?: boolean }) => {
      const tenants = await withDatabase((db) => listTenants(db));
      if (options.json) print(JSON.stringify(tenants));
      else
        for (const t of tenants) print(`${t.slug}\t${t.name}\t${t.activeKeys} active key(s)\t${t.createdAt}`);
    });
}
