// A task the pool runs on a worker thread: the module that exports it (resolved in the worker, so it
// works from the TypeScript sources and from the compiled JavaScript alike) and the export's name.
// The export is a function of structured-clonable input to structured-clonable output.
import path from 'node:path';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type TaskFunction = (input: any) => unknown;

export interface Task<Fn extends TaskFunction> {
  /** the module's path without extension */
  readonly module: string;
  readonly name: string;
  /** never set: carries the function's type to `WorkerPool.run` */
  readonly fn?: Fn;
}

/** The export `name` of the module `file` (no extension) in `dirname`, as a pool task. */
export function defineTask<Fn extends TaskFunction>(dirname: string, file: string, name: string): Task<Fn> {
  return { module: path.join(dirname, file), name };
}
