import type { Command } from 'commander';
import { registerBench } from './bench';

export function registerCommands(program: Command): void {
  registerBench(program);
}
