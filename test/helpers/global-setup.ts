// Starts one throwaway Postgres for the whole jest run; each test file makes its own database in it.
// Workers inherit TEST_POSTGRES_URL from this process's environment.
import { startPostgres, type PostgresServer } from './postgres-server';

export default async function globalSetup(): Promise<void> {
  const server = await startPostgres();
  process.env.TEST_POSTGRES_URL = server.url;
  (globalThis as { __pgServer?: PostgresServer }).__pgServer = server;
}
