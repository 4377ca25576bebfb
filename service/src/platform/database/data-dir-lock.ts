// Embedded PGlite is one process's database: a second process on the same data directory works on
// its own copy of the pages, answers as if it had written, and its writes are lost or corrupt the
// files. A lock file holding the owner's pid keeps a second process out with a clear error; a lock
// left by a process that died (kill -9, a crash) is taken over.
import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';

export const LOCK_FILE = 'upatnight.lock';

export class DataDirInUse extends Error {
  constructor(dataDir: string, pid: number) {
    super(
      `the data directory ${dataDir} is in use by process ${pid} (a running "upatnight serve"?). ` +
        'Embedded PGlite serves one process at a time: stop that process first, or use a Postgres ' +
        `server (DATABASE_URL) to share the data. If process ${pid} is not Up at Night, remove ` +
        `${path.join(dataDir, LOCK_FILE)}.`,
    );
  }
}

/** Lock files this process holds. */
const heldHere = new Set<string>();

const isRunning = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

const ownerOf = (lockPath: string): { pid: number; text: string } | undefined => {
  let text: string;
  try {
    text = readFileSync(lockPath, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  return { pid: Number.parseInt(text, 10), text };
};

/** Takes the data directory for this process; answers the function that gives it back. */
export function lockDataDir(dataDir: string): () => void {
  const lockPath = path.resolve(dataDir, LOCK_FILE);
  for (;;) {
    try {
      const fd = openSync(lockPath, 'wx');
      writeSync(fd, `${process.pid}\n`);
      closeSync(fd);
      heldHere.add(lockPath);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const owner = ownerOf(lockPath);
    if (!owner) continue; // released meanwhile
    // our own pid in a lock we do not hold: a restarted container reuses the pid of its last run
    const ours = owner.pid === process.pid;
    if ((ours && heldHere.has(lockPath)) || (!ours && owner.pid > 0 && isRunning(owner.pid)))
      throw new DataDirInUse(dataDir, owner.pid);
    // stale (or half-written by a process that died): remove it unless another process took it over
    // since we read it, then race for it again through the exclusive create
    if (ownerOf(lockPath)?.text === owner.text) rmSync(lockPath, { force: true });
  }
  let held = true;
  const release = () => {
    if (!held) return;
    held = false;
    heldHere.delete(lockPath);
    process.off('exit', release);
    if (ownerOf(lockPath)?.pid === process.pid) rmSync(lockPath, { force: true });
  };
  // a process that exits without closing the database (an uncaught error) leaves no lock behind
  process.on('exit', release);
  return release;
}
