import type { Command } from 'commander';
import { runBench } from '../../bench/run';

export function registerBench(program: Command): void {
  program
    .command('bench')
    .description('run the benchmarks and merge their figures into bench/results.json')
    .option('--only <part>', 'one part: scoring, http, salesforce or analytics')
    .action(async (options: { only?: string }) => {
      await runBench(options.only);
    });
}
