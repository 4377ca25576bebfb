import type { Command } from 'commander';
import { registerBench } from './bench';
import { registerMigrate } from './migrate';
import { registerPrompts } from './prompts';
import { registerRescore } from './rescore';
import { registerScore } from './score';
import { registerSeed } from './seed';
import { registerSeedDemo } from './seed-demo';
import { registerServe } from './serve';
import { registerSalesforce } from './sf';
import { registerTenant } from './tenant';
import { registerUsers } from './users';
import { registerWorker } from './worker';

export function registerCommands(program: Command): void {
  registerServe(program);
  registerWorker(program);
  registerMigrate(program);
  registerTenant(program);
  registerUsers(program);
  registerRescore(program);
  registerPrompts(program);
  registerSeedDemo(program);
  registerScore(program);
  registerSalesforce(program);
  registerSeed(program);
  registerBench(program);
}
