// Starts one throwaway Postgres for the whole jest run; each test file makes its own database in it.
// Workers inherit TEST_POSTGRES_URL from this process's environment.
import { randomUUID } from 'node:crypto';
import { startPostgres, type PostgresServer } from './postgres-server';

export default async function globalSetup(): Promise<void> {
  const server = await startPostgres();
  process.env.TEST_POSTGRES_URL = server.url;
  // names this run, so the compiled service is built once per run (build-output.ts)
  process.env.UAN_TEST_RUN = randomUUID();
  (globalThis as { __pgServer?: PostgresServer }).__pgServer = server;
}
