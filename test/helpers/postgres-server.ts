// A throwaway Postgres 15 server for tests and benchmarks: initdb into a temp dir, start on a free
// loopback port, stop and delete afterwards. As root, the server runs as the `postgres` user.
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export interface PostgresServer {
  url: string;
  dataDir: string;
  stop(): void;
}

const BIN_DIRS = ['/usr/local/bin', '/usr/lib/postgresql/15/bin'];

function findBinary(name: string): string {
  for (const dir of BIN_DIRS) {
    const candidate = path.join(dir, name);
    if (spawnSync(candidate, ['--version']).status === 0) return candidate;
  }
  throw new Error(`${name} not found in ${BIN_DIRS.join(', ')}: install postgresql-15 (see .ci/run)`);
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function runAsOwner(command: string, args: string[]): void {
  const isRoot = process.getuid?.() === 0;
  if (isRoot) {
    const quoted = [command, ...args].map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
    execFileSync('su', ['postgres', '-s', '/bin/bash', '-c', quoted], { stdio: 'pipe' });
  } else {
    execFileSync(command, args, { stdio: 'pipe' });
  }
}

export async function startPostgres(): Promise<PostgresServer> {
  const initdb = findBinary('initdb');
  const pgCtl = findBinary('pg_ctl');
  const root = mkdtempSync(path.join(os.tmpdir(), 'upatnight-pg-'));
  chmodSync(root, 0o777);
  const dataDir = path.join(root, 'data');
  const socketDir = root;
  const port = await freePort();
  if (process.getuid?.() === 0) execFileSync('chown', ['postgres', root]);
  runAsOwner(initdb, ['-D', dataDir, '-U', 'postgres', '--auth=trust', '--no-sync', '-E', 'UTF8']);
  const options = `-p ${port} -k ${socketDir} -c listen_addresses=127.0.0.1 -c max_connections=200 -c shared_buffers=256MB`;
  runAsOwner(pgCtl, ['-D', dataDir, '-o', options, '-l', path.join(root, 'server.log'), '-w', 'start']);
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    dataDir,
    stop() {
      try {
        runAsOwner(pgCtl, ['-D', dataDir, '-m', 'immediate', '-w', 'stop']);
      } finally {
        rmSync(root, { recursive: true, force: true });
      }
    },
  };
}
