// Keeps a CLI command from exiting 0 when something it awaits never settles.

/**
 * Runs one `sf` command to its end. Should anything it awaits never settle, the event loop would
 * empty and Node exit 0 having done nothing: that is reported as a failure instead.
 */
export function toCompletion<A extends unknown[]>(command: string, action: (...args: A) => Promise<void>) {
  return async (...args: A): Promise<void> => {
    const unfinished = () => {
      process.stderr.write(`upatnight: sf ${command} stopped before it finished\n`);
      process.exitCode = 1;
    };
    process.once('beforeExit', unfinished);
    try {
      await action(...args);
    } finally {
      process.off('beforeExit', unfinished);
    }
  };
}
