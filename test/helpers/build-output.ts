// Production starts run the compiled service (dist/, as `npm run build` writes it). The first test
// of a run that needs it builds it; jest's other workers wait on a lock directory meanwhile.
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');
const LOCK = path.join(ROOT, 'dist.build-lock');
const STAMP = path.join(ROOT, 'dist/.test-run');
const STALE_LOCK_MS = 10 * 60_000;

function builtThisRun(): boolean {
  return existsSync(STAMP) && readFileSync(STAMP, 'utf8') === process.env.UAN_TEST_RUN;
}

export async function ensureBuilt(): Promise<void> {
  // jest's global setup names the run; a process of its own (the bench) is a run of its own
  process.env.UAN_TEST_RUN ??= randomUUID();
  for (;;) {
    if (builtThisRun()) return;
    try {
      mkdirSync(LOCK);
    } catch {
      // a crashed run's lock must not block the next one for ever
      if (Date.now() - statSync(LOCK, { throwIfNoEntry: false })!.mtimeMs > STALE_LOCK_MS)
        rmSync(LOCK, { force: true, recursive: true });
      await new Promise((resolve) => setTimeout(resolve, 500));
      continue;
    }
    try {
      if (!builtThisRun()) {
        execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json'], {
          cwd: ROOT,
          stdio: 'pipe',
        });
        writeFileSync(STAMP, process.env.UAN_TEST_RUN);
      }
    } finally {
      rmSync(LOCK, { force: true, recursive: true });
    }
  }
}
