// The real service as its own process in production mode (`node scripts/upatnight.cjs serve`, no
// demo tenant, no preview), on a free loopback port; ready once /healthz answers 200. Used by the
// reliability suites (kill -9, SIGTERM), the multi-instance test and the HTTP bench (which also
// times the start). A worker process (`upatnight worker`) is ready once it logs that it runs.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ensureBuilt } from './build-output';
import { createTenant } from '../../service/src/features/tenants/tenants';
import { openDatabase, type DatabaseTarget } from '../../service/src/platform/database/database';
import { freePort } from './postgres-server';

const CLI = path.resolve(__dirname, '../../scripts/upatnight.cjs');
// what the CLI runs in production, started directly so a worker can run the compiled code in a
// test environment (the Salesforce fake is a local org, which production refuses)
const COMPILED_CLI = path.resolve(__dirname, '../../dist/scripts/cli/main.js');

export interface ServiceProcess {
  child: ChildProcess;
  pid: number;
  url: string;
  /** from spawn to the first 200 on /healthz */
  startMs: number;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  output(): string;
  /** resident memory of the process in MB (VmRSS from /proc) */
  rssMb(): number;
  /** sends the signal and waits for the exit */
  stop(signal?: NodeJS.Signals): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Creates a tenant in the database the service will use (before it starts: PGlite is single-process). */
export async function createTenantIn(
  target: DatabaseTarget,
  slug: string,
  withDefaultLibrary = false,
): Promise<string> {
  const db = await openDatabase(target);
  try {
    return (await createTenant(db, { slug, name: slug, withDefaultLibrary })).apiKey;
  } finally {
    await db.destroy();
  }
}

/** The environment for a database target: DATABASE_URL, or DATA_DIR (+ PGLITE_DURABILITY). */
export function databaseEnv(target: DatabaseTarget): Record<string, string> {
  if (target.kind === 'postgres') return { DATABASE_URL: target.url, DATA_DIR: '' };
  if (!target.dataDir) throw new Error('a service process needs a PGlite data directory');
  return { DATABASE_URL: '', DATA_DIR: target.dataDir, PGLITE_DURABILITY: target.durability ?? 'safe' };
}

export async function startServiceProcess(
  env: Record<string, string>,
  timeoutMs = 120_000,
  args: string[] = ['serve'],
): Promise<ServiceProcess> {
  await ensureBuilt();
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, [CLI, ...args], {
    env: {
      ...process.env,
      NODE_OPTIONS: '',
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
      HOST: '127.0.0.1',
      PORT: String(port),
      RATE_LIMIT_PER_MINUTE: '100000000',
      RATE_LIMIT_PER_ADDRESS_PER_MINUTE: '100000000',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  let gone = false;
  void exited.then(() => (gone = true));
  const url = `http://127.0.0.1:${port}`;
  for (;;) {
    if (gone) throw new Error(`service exited before it was ready:\n${output}`);
    if (performance.now() - started > timeoutMs) {
      child.kill('SIGKILL');
      throw new Error(`service not ready after ${timeoutMs} ms:\n${output}`);
    }
    const ok = await fetch(`${url}/healthz`).then(
      (r) => r.status === 200,
      () => false,
    );
    if (ok) break;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  const startMs = performance.now() - started;
  return {
    child,
    pid: child.pid!,
    url,
    startMs,
    exited,
    output: () => output,
    rssMb: () => {
      const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1];
      return Number(kb) / 1024;
    },
    stop: async (signal = 'SIGTERM') => {
      if (!gone) child.kill(signal);
      return exited;
    },
  };
}

export interface WorkerProcess {
  child: ChildProcess;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  output(): string;
  /** sends the signal and waits for the exit */
  stop(signal?: NodeJS.Signals): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** `upatnight worker` from the compiled CLI, in NODE_ENV=test unless `env` says otherwise. */
export async function startWorkerProcess(
  env: Record<string, string>,
  timeoutMs = 120_000,
): Promise<WorkerProcess> {
  await ensureBuilt();
  const child = spawn(process.execPath, [COMPILED_CLI, 'worker'], {
    env: { ...process.env, NODE_OPTIONS: '', NODE_ENV: 'test', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`worker not running after ${timeoutMs} ms:\n${output}`));
    }, timeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('worker is running')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    void exited.then(() => {
      clearTimeout(timer);
      reject(new Error(`worker exited before it ran:\n${output}`));
    });
  });
  let gone = false;
  void exited.then(() => (gone = true));
  return {
    child,
    exited,
    output: () => output,
    stop: async (signal = 'SIGTERM') => {
      if (!gone) child.kill(signal);
      return exited;
    },
  };
}
