import type { Command } from 'commander';

export function registerBench(program: Command): void {
  program
    .command('bench')
    .description('run the benchmarks and merge their figures into bench/results.json')
    .option('--only <parts>', 'parts, comma-separated: scoring, http, salesforce, analytics, scaleOut')
    .action(async (options: { only?: string }) => {
      // loaded on demand: the bench's load tools and test fakes are dev dependencies
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { runBench } = require('../../bench/run') as typeof import('../../bench/run');
      await runBench(options.only);
    });
}
