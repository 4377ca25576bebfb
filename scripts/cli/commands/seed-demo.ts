import type { Command } from 'commander';
import { ensureDemoTenant } from '../../../service/src/features/demo';
import { withDatabase } from '../open-db';

export function registerSeedDemo(program: Command): void {
  program
    .command('seed-demo')
    .description(
      'create the demo tenant with its opportunities, notes and the default library (or rotate its key)',
    )
    .action(async () => {
      const demo = await withDatabase((db) => ensureDemoTenant(db, process.env.DEMO_API_KEY || undefined));
      process.stdout.write(
        `${demo.created ? 'created' : 'already there'}: demo tenant, API key ${demo.apiKey}\n`,
      );
    });
}
