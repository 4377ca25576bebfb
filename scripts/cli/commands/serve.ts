import type { Command } from 'commander';
import { runUntilSignalled } from '../../../service/src/index';

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('start the service (PORT, DATA_DIR, DATABASE_URL … from the environment)')
    .action(async () => {
      await runUntilSignalled();
    });
}
