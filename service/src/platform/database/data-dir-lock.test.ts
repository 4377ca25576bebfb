import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DataDirInUse, LOCK_FILE, lockDataDir } from './data-dir-lock';

let dataDir: string;
const lockText = () => readFileSync(path.join(dataDir, LOCK_FILE), 'utf8').trim();

beforeEach(() => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'upatnight-lock-'));
});
afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

/** The pid of a process that has already exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], {
    encoding: 'utf8',
  });
  return Number(child.stdout);
}

describe('the data directory lock', () => {
  test('when the directory is locked, then a second lock fails naming the owner; released, it can be taken again', () => {
    const release = lockDataDir(dataDir);
    expect(lockText()).toBe(String(process.pid));
    expect(() => lockDataDir(dataDir)).toThrow(DataDirInUse);
    expect(() => lockDataDir(dataDir)).toThrow(`in use by process ${process.pid}`);
    release();
    expect(existsSync(path.join(dataDir, LOCK_FILE))).toBe(false);
    lockDataDir(dataDir)();
  });

  test('when another live process holds the lock, then it is refused with that pid', async () => {
    const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)']);
    try {
      writeFileSync(path.join(dataDir, LOCK_FILE), `${other.pid}\n`);
      expect(() => lockDataDir(dataDir)).toThrow(`in use by process ${other.pid}`);
      expect(lockText()).toBe(String(other.pid));
    } finally {
      other.kill('SIGKILL');
    }
  });

  test.each([
    ['a process that died', () => `${deadPid()}\n`],
    ['half-written text', () => 'not a pid'],
    ['nothing', () => ''],
    // a restarted container runs the service under the pid its last run had
    ['an earlier run with this very pid', () => `${process.pid}\n`],
  ])('when the lock was left by %s, then it is taken over', (_what, content) => {
    writeFileSync(path.join(dataDir, LOCK_FILE), content());
    const release = lockDataDir(dataDir);
    expect(lockText()).toBe(String(process.pid));
    release();
  });

  test('when the lock file was taken over by another process, then releasing leaves it alone', () => {
    const release = lockDataDir(dataDir);
    writeFileSync(path.join(dataDir, LOCK_FILE), '999999999\n');
    release();
    expect(lockText()).toBe('999999999');
  });
});
