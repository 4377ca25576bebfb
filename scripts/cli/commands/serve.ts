import type { Command } from 'commander';
import { loadConfig, type Config } from '../../../service/src/config';
import { runUntilSignalled, type StartOptions } from '../../../service/src/index';

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
    .action(async () => {
      const config = loadConfig();
      await runUntilSignalled(config, startOptions(config));
    });
}
