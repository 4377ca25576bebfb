import type { Command } from 'commander';
import { loadConfig, type Config } from '../../../service/src/config';
import { runUntilSignalled, startService, type StartOptions } from '../../../service/src/index';

/** What `serve` adds to the service: in development, the local preview of the LWC components. */
export function startOptions(config: Config): StartOptions {
  // the preview and its build tools are dev dependencies, so production never loads them
  // (require, not import(): a CommonJS import() takes ESM resolution, no extensionless paths)
  if (!config.devFeatures) return {};
  const { servicePreview } =
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    require('../../preview/server/preview') as typeof import('../../preview/server/preview');
  return { preview: servicePreview };
}

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('start the service (PORT, DATA_DIR, DATABASE_URL … from the environment)')
    .option('--no-worker', 'HTTP only: leave the outbox, sync and jobs to `upatnight worker` processes')
    .action(async (options: { worker: boolean }) => {
      const config = loadConfig(options.worker ? process.env : { ...process.env, UPATNIGHT_ROLE: 'http' });
      await runUntilSignalled(() => startService(config, startOptions(config)), config.shutdownTimeoutMs);
    });
}
