import type { Command } from 'commander';
import { loadConfig } from '../../../service/src/config';
import { runUntilSignalled, startWorker } from '../../../service/src/index';

export function registerWorker(program: Command): void {
  program
    .command('worker')
    .description('run background work only: roll-up outbox, Salesforce sync, queued jobs (no HTTP)')
    .action(async () => {
      const config = loadConfig();
      await runUntilSignalled(() => startWorker(config), config.shutdownTimeoutMs);
    });
}
