import type { Command } from 'commander';
import { registerBench } from './bench';
import { registerRescore } from './rescore';
import { registerScore } from './score';
import { registerServe } from './serve';
import { registerTenant } from './tenant';

export function registerCommands(program: Command): void {
  registerServe(program);
  registerTenant(program);
  registerRescore(program);
  registerScore(program);
  registerBench(program);
}
