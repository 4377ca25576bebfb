import type { Command } from 'commander';
import { Presets, SingleBar } from 'cli-progress';
import { seedSynthetic } from '../../seed/synthetic-seed';
import { createTenant, findTenant } from '../../../service/src/features/tenants';
import { withDatabase } from '../open-db';

const count = (value: string) => {
  const n = Number(value.replace(/_/g, ''));
  if (!Number.isInteger(n) || n < 0) throw new Error(`"${value}" is not a whole number`);
  return n;
};

export function registerSeed(program: Command): void {
  program
    .command('seed')
    .description(
      'load a synthetic org into a tenant for load tests and benchmarks: a manager per 10 reps, ' +
        'opportunities (40 % closed), notes over the last two years raising prompts from the ' +
        "tenant's published library. Scores are drawn directly, not computed by the scorer, for " +
        'speed (scorer version "synthetic"; `upatnight rescore` scores them for real). The tenant is ' +
        'created with the default library if it does not exist. Seed a tenant once: the generated ids ' +
        'are the same on every run.',
    )
    .requiredOption('--tenant <slug>', 'the tenant')
    .option('--notes <n>', 'notes', count, 10_000)
    .option('--opportunities <n>', 'opportunities', count, 1_000)
    .option('--reps <n>', 'reps', count, 50)
    .option('--seed <n>', 'random seed (the same seed gives the same org)', count, 1)
    .action(
      async (options: {
        tenant: string;
        notes: number;
        opportunities: number;
        reps: number;
        seed: number;
      }) => {
        await withDatabase(async (db) => {
          let tenant = await findTenant(db, options.tenant);
          if (!tenant) {
            const created = await createTenant(db, { slug: options.tenant, name: options.tenant });
            tenant = created.tenant;
            process.stdout.write(
              `tenant ${options.tenant} created; API key (shown once): ${created.apiKey}\n`,
            );
          }
          const bar = new SingleBar(
            { format: 'seeding [{bar}] {value}/{total} notes  {eta_formatted} left' },
            Presets.shades_classic,
          );
          const started = Date.now();
          const summary = await seedSynthetic(
            db,
            tenant.id,
            options,
            (done, total) => (done === 0 ? bar.start(total, 0) : bar.update(done)),
            options.seed,
          );
          bar.stop();
          const seconds = ((Date.now() - started) / 1000).toFixed(1);
          process.stdout.write(
            `seeded ${summary.users} users, ${summary.opportunities} opportunities, ${summary.notes} notes in ${seconds} s\n`,
          );
        });
      },
    );
}
