// A pool thread: runs the tasks its pool posts, one at a time, at a lower CPU priority than the
// request thread, so that when background work and requests want the same core the requests win.
import os from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { AppError } from '../lib/errors';
import { WARM } from './pool';

interface Request {
  id: number;
  module: string;
  name: string;
  input: unknown;
}

const { niceness } = workerData as { niceness: number };
try {
  // on Linux the nice value is per thread: this lowers only this thread
  os.setPriority(0, niceness);
} catch {
  // a platform or sandbox that refuses it runs the thread at normal priority
}

parentPort!.on('message', async ({ id, module, name, input }: Request) => {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const exports = require(module) as Record<string, (input: unknown) => unknown>;
    if (name === WARM) return void parentPort!.postMessage({ id, output: undefined });
    const run = exports[name];
    if (typeof run !== 'function') throw new Error(`${module} exports no task ${name}`);
    parentPort!.postMessage({ id, output: await run(input) });
  } catch (error) {
    const { name: kind, message, stack } = error as Error;
    // an expected failure (a 400 listing a file's problems) reaches the caller as it was thrown
    const app =
      error instanceof AppError
        ? { status: error.status, code: error.code, details: error.details }
        : undefined;
    parentPort!.postMessage({ id, error: { kind, message, stack, app } });
  }
});
