// The `upatnight` command line: one subcommand per file under ./commands.
import { Command } from 'commander';
import { registerCommands } from './commands';

const program = new Command('upatnight').description('Up at Night service and tools');
registerCommands(program);

program.parseAsync(process.argv).catch((error: unknown) => {
  process.stderr.write(`upatnight: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
