import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { SingleBar, Presets } from 'cli-progress';
import { loadConfig } from '../../../service/src/config';
import { createLogger } from '../../../service/src/platform/logger';
import { findTenant } from '../../../service/src/features/tenants';
import type { Db } from '../../../service/src/platform/database/database';
import {
  type AuthInput,
  classifyFailure,
  ConnectionFactory,
  connectOrg,
  disconnectOrg,
  salesforceStatus,
  SalesforceWorker,
  testConnection,
} from '../../../service/src/features/salesforce';
import { withDatabase } from '../open-db';
import { toCompletion } from './sf-completion';

const print = (line: string) => process.stdout.write(`${line}\n`);

/** A failed call to the org, said as its code and a one-line message. */
function orgFailure(what: string, error: unknown): Error {
  const failure = classifyFailure(error);
  return new Error(`${what} failed: ${failure.code}: ${failure.message}`);
}

interface ConnectOptions {
  tenant: string;
  loginUrl: string;
  flow: 'jwt' | 'client_credentials' | 'password';
  clientId: string;
  username?: string;
  privateKeyFile?: string;
  clientSecretEnv?: string;
  passwordEnv?: string;
  budgetShare?: string;
  syncIntervalMinutes?: string;
}

async function tenantId(db: Db, slug: string): Promise<string> {
  const tenant = await findTenant(db, slug);
  if (!tenant) throw new Error(`no tenant "${slug}"`);
  return tenant.id;
}

// secrets come from a file or an environment variable, never the command line (shell history, ps)
function fromEnv(name: string | undefined, what: string): string {
  const value = name ? process.env[name] : undefined;
  if (!value) throw new Error(`${what}: name an environment variable that holds it (--${what}-env VAR)`);
  return value;
}

function authOf(o: ConnectOptions): AuthInput {
  const username = () => {
    if (!o.username) throw new Error(`--username is required for the ${o.flow} flow`);
    return o.username;
  };
  switch (o.flow) {
    case 'jwt':
      if (!o.privateKeyFile) throw new Error('--private-key-file is required for the jwt flow');
      return {
        flow: 'jwt',
        clientId: o.clientId,
        username: username(),
        privateKey: readFileSync(o.privateKeyFile, 'utf8'),
      };
    case 'client_credentials':
      return {
        flow: 'client_credentials',
        clientId: o.clientId,
        clientSecret: fromEnv(o.clientSecretEnv, 'client-secret'),
      };
    case 'password':
      return {
        flow: 'password',
        clientId: o.clientId,
        username: username(),
        clientSecret: fromEnv(o.clientSecretEnv, 'client-secret'),
        password: fromEnv(o.passwordEnv, 'password'),
      };
  }
}

export function registerSalesforce(program: Command): void {
  const sf = program.command('sf').description('connect a tenant to its Salesforce org and run the sync');
  const options = () => {
    const config = loadConfig();
    return {
      secretsKey: config.salesforce.secretsKey,
      allowPasswordFlow: config.devFeatures,
      allowLocalOrg: config.salesforce.allowLocalOrg,
    };
  };

  sf.command('connect')
    .description("store (or replace) the tenant's connection; secrets are encrypted with SECRETS_KEY")
    .requiredOption('--tenant <slug>', 'the tenant')
    .requiredOption(
      '--login-url <url>',
      'https://login.salesforce.com, https://test.salesforce.com or the My Domain URL',
    )
    .requiredOption('--flow <flow>', 'jwt | client_credentials | password (development only)')
    .requiredOption('--client-id <id>', "the connected app's consumer key")
    .option('--username <username>', 'the integration user (jwt, password)')
    .option('--private-key-file <path>', "PEM private key of the connected app's certificate (jwt)")
    .option('--client-secret-env <VAR>', 'environment variable holding the consumer secret')
    .option('--password-env <VAR>', 'environment variable holding the password (password flow)')
    .option('--budget-share <share>', 'share of the daily API allocation background work may use', '0.05')
    .option('--sync-interval-minutes <n>', 'minutes between incremental syncs', '15')
    .action(
      toCompletion('connect', async (o: ConnectOptions) => {
        const view = await withDatabase(async (db) =>
          connectOrg(db, options(), await tenantId(db, o.tenant), {
            loginUrl: o.loginUrl,
            auth: authOf(o),
            budgetShare: Number(o.budgetShare),
            syncIntervalMinutes: Number(o.syncIntervalMinutes),
          }),
        );
        print(
          `connected ${o.tenant} (${view.authFlow}, ${view.loginUrl}); run "upatnight sf test --tenant ${o.tenant}"`,
        );
      }),
    );

  sf.command('test')
    .description('log in with the stored credentials and make one API call')
    .requiredOption('--tenant <slug>', 'the tenant')
    .action(
      toCompletion('test', async (o: { tenant: string }) => {
        const result = await withDatabase(async (db) =>
          testConnection(db, options(), await tenantId(db, o.tenant)),
        );
        print(JSON.stringify(result, null, 2));
        if (!result.ok) {
          process.stderr.write(
            `upatnight: sf test failed: ${result.error?.code}: ${result.error?.message}\n`,
          );
          process.exitCode = 1;
        }
      }),
    );

  sf.command('disconnect')
    .description('remove the connection; the tenant keeps working standalone')
    .requiredOption('--tenant <slug>', 'the tenant')
    .action(
      toCompletion('disconnect', async (o: { tenant: string }) => {
        await withDatabase(async (db) => disconnectOrg(db, await tenantId(db, o.tenant)));
        print(`disconnected ${o.tenant}`);
      }),
    );

  sf.command('status')
    .description('outbox depth, parked roll-ups, last sync, API usage')
    .requiredOption('--tenant <slug>', 'the tenant')
    .action(
      toCompletion('status', async (o: { tenant: string }) => {
        const status = await withDatabase(async (db) => salesforceStatus(db, await tenantId(db, o.tenant)));
        print(JSON.stringify(status, null, 2));
      }),
    );

  sf.command('sync')
    .description('sync opportunities and users now, with progress')
    .requiredOption('--tenant <slug>', 'the tenant')
    .action(
      toCompletion('sync', async (o: { tenant: string }) => {
        await withDatabase(async (db) => {
          const id = await tenantId(db, o.tenant);
          const opts = options();
          const factory = new ConnectionFactory(db, {
            ...opts,
            endpoints: { allowLocalOrg: opts.allowLocalOrg },
          });
          const worker = new SalesforceWorker(db, factory, createLogger('warn'));
          const bar = new SingleBar(
            { format: '{sobject} ({mode}) [{bar}] {value}/{total}' },
            Presets.shades_classic,
          );
          let current = '';
          const reports = await worker
            .syncNow(id, (p) => {
              if (p.sobject !== current) {
                if (current) bar.stop();
                current = p.sobject;
                bar.start(p.total, p.done, { sobject: p.sobject, mode: p.mode });
              }
              bar.setTotal(p.total);
              bar.update(p.done, { mode: p.mode });
            })
            .catch((error: unknown) => {
              throw orgFailure('sf sync', error);
            })
            .finally(() => {
              if (current) bar.stop();
            });
          for (const r of reports)
            print(`${r.sobject}: ${r.records} records (${r.mode}), watermark ${r.watermark ?? '—'}`);
        });
      }),
    );
}
